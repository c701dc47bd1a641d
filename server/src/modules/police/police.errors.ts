import { AppError } from "../../core/errors";
import type { Problem } from "../areas/geo/validate";

export const POLICE_DISTRICT = { zh: "警务区", en: "police district" };

const list = (items: string[], sep: string) =>
  items.slice(0, 10).join(sep) + (items.length > 10 ? (sep === "、" ? " 等" : ", …") : "");

export const districtExists = (code: string) =>
  new AppError(
    "POLICE_DISTRICT_EXISTS",
    409,
    { zh: `警务区编码 ${code} 已存在`, en: `A police district with code ${code} already exists` },
    "code",
  );

export const geometryInvalid = (problems: Problem[], field = "geometry") =>
  new AppError(
    "POLICE_DISTRICT_GEOMETRY_INVALID",
    422,
    {
      zh: `警务区边界有 ${problems.length} 处无法使用的问题，未保存：${problems[0]?.message.zh ?? ""}`,
      en: `The boundary has ${problems.length} unusable problem(s); nothing was saved: ${problems[0]?.message.en ?? ""}`,
    },
    field,
    { problems },
  );

export const geometryWarningsStrict = (problems: Problem[]) =>
  new AppError(
    "POLICE_DISTRICT_GEOMETRY_WARNINGS",
    422,
    {
      zh: `严格模式下拒绝导入：有 ${problems.length} 处警告（自相交或相互重叠）`,
      en: `Refused in strict mode: ${problems.length} warning(s) (self-intersection or overlap)`,
    },
    "strict",
    { problems },
  );

export const unknownStation = (codes: string[]) =>
  new AppError(
    "UNKNOWN_STATION",
    422,
    {
      zh: `派出所（部门）不存在：${list(codes, "、")}`,
      en: `No such station (department): ${list(codes, ", ")}`,
    },
    "station",
    { codes },
  );

export const unknownGrids = (codes: string[]) =>
  new AppError(
    "UNKNOWN_GRID",
    422,
    {
      zh: `网格不存在或不在您的范围内：${list(codes, "、")}`,
      en: `Grids that do not exist or are outside your scope: ${list(codes, ", ")}`,
    },
    "gridCodes",
    { codes },
  );

export const notGrids = (codes: string[]) =>
  new AppError(
    "NOT_A_GRID",
    422,
    {
      zh: `只有“网格”级区域可以划入警务区：${list(codes, "、")}`,
      en: `Only areas of level grid can belong to a police district: ${list(codes, ", ")}`,
    },
    "gridCodes",
    { codes },
  );

export const unknownUsers = (usernames: string[]) =>
  new AppError(
    "UNKNOWN_USER",
    422,
    { zh: `用户不存在：${list(usernames, "、")}`, en: `No such user: ${list(usernames, ", ")}` },
    "usernames",
    { usernames },
  );

export const notPolice = (usernames: string[]) =>
  new AppError(
    "NOT_POLICE",
    422,
    {
      zh: `只有角色为“社区民警”的在用账号可以担任警务区民警：${list(usernames, "、")}`,
      en: `Only active users with the police role can serve a police district: ${list(usernames, ", ")}`,
    },
    "usernames",
    { usernames },
  );
