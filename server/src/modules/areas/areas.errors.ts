import { AppError } from "../../core/errors";
import type { Problem } from "./geo/validate";

export const importInvalid = (errors: Problem[]) =>
  new AppError(
    "AREA_IMPORT_INVALID",
    422,
    {
      zh: `GeoJSON 有 ${errors.length} 处无法使用的问题，未导入任何区域：${errors[0]?.message.zh ?? ""}`,
      en: `The GeoJSON has ${errors.length} unusable problem(s); nothing was imported: ${errors[0]?.message.en ?? ""}`,
    },
    "body",
    { problems: errors },
  );

export const importWarningsStrict = (warnings: Problem[]) =>
  new AppError(
    "AREA_IMPORT_WARNINGS",
    422,
    {
      zh: `严格模式下拒绝导入：有 ${warnings.length} 处警告（自相交、重叠或超出上级边界）`,
      en: `Refused in strict mode: ${warnings.length} warning(s) (self-intersection, overlap or outside the parent)`,
    },
    "strict",
    { problems: warnings },
  );

export const codeConflict = (codes: string[]) =>
  new AppError(
    "AREA_CODE_CONFLICT",
    409,
    {
      zh: `编码已被其他上级下的区域使用：${codes.slice(0, 10).join("、")}`,
      en: `Codes already used by areas under another parent: ${codes.slice(0, 10).join(", ")}`,
    },
    "codeProp",
    { codes },
  );

export const levelOrder = (parentLevel: string, level: string) =>
  new AppError(
    "AREA_LEVEL_ORDER",
    422,
    { zh: `${level} 不能位于 ${parentLevel} 之下`, en: `A ${level} cannot sit under a ${parentLevel}` },
    "level",
  );
