import { AppError } from "../../core/errors";

export const AREA = { zh: "区域", en: "area" };
export const TEAM_MEMBER = { zh: "网格团队成员", en: "team member" };
export const USER = { zh: "用户", en: "user" };

const list = (items: string[], sep: string) =>
  items.slice(0, 10).join(sep) + (items.length > 10 ? (sep === "、" ? " 等" : ", …") : "");

export const gridRequired = (code: string, level: string) =>
  new AppError(
    "GRID_REQUIRED",
    422,
    { zh: `只有网格有团队，${code} 是 ${level}`, en: `Only grids have teams; ${code} is a ${level}` },
    "code",
  );

export const unknownUser = (username: string, field = "username") =>
  new AppError(
    "UNKNOWN_USER",
    422,
    { zh: `用户 ${username} 不存在或已停用`, en: `User ${username} does not exist or is disabled` },
    field,
  );

export const phoneInvalid = () =>
  new AppError(
    "PHONE_INVALID",
    422,
    {
      zh: "电话号码应为大陆手机号（11 位）或固定电话（区号-号码）",
      en: "The phone must be a mainland mobile (11 digits) or a landline (area code-number)",
    },
    "phone",
  );

export const substituteInvalid = () =>
  new AppError(
    "SUBSTITUTE_INVALID",
    422,
    {
      zh: "替补人员须是同一网格团队中的另一名成员",
      en: "The substitute must be another member of the same grid's team",
    },
    "substituteId",
  );

export const datesInvalid = () =>
  new AppError(
    "DATES_INVALID",
    422,
    { zh: "任职结束日期不能早于开始日期", en: "activeTo cannot be before activeFrom" },
    "activeTo",
  );

export const reasonRequired = () =>
  new AppError(
    "REASON_REQUIRED",
    400,
    { zh: "查看完整电话须填写 5–200 字的事由", en: "Revealing a phone needs a reason of 5–200 characters" },
    "reason",
  );

export const handoverSameUser = () =>
  new AppError(
    "HANDOVER_SAME_USER",
    422,
    { zh: "不能移交给本人", en: "A user cannot hand over to themselves" },
    "toUsername",
  );

export const handoverNotHeld = (codes: string[]) =>
  new AppError(
    "HANDOVER_NOT_HELD",
    422,
    {
      zh: `该用户既不负责、也不在以下网格的团队中：${list(codes, "、")}`,
      en: `The user neither covers nor serves on the team of: ${list(codes, ", ")}`,
    },
    "gridCodes",
    { codes },
  );

export const handoverWouldWidenAdmin = () =>
  new AppError(
    "HANDOVER_WOULD_WIDEN_ADMIN",
    422,
    {
      zh: "移交后该管理员将没有任何负责区域，即成为全域管理员；请先移除其管理员角色",
      en: "After the hand-over this administrator would have no area and so administer everything; remove the admin role first",
    },
    "gridCodes",
  );
