import { AppError } from "../../core/errors";

export const userExists = (username: string) =>
  new AppError(
    "USER_EXISTS",
    409,
    { zh: `用户名 ${username} 已存在`, en: `The username ${username} is taken` },
    "username",
  );

export const scopeRequired = () =>
  new AppError(
    "SCOPE_REQUIRED",
    422,
    { zh: "工作人员必须至少负责一个区域", en: "Staff users need at least one area scope" },
    "scopeCodes",
  );

export const unknownArea = (code: string) =>
  new AppError(
    "UNKNOWN_AREA",
    422,
    { zh: `区域 ${code} 不存在或不在您的范围内`, en: `Area ${code} does not exist or is outside your scope` },
    "scopeCodes",
  );

export const departmentRequired = () =>
  new AppError(
    "DEPARTMENT_REQUIRED",
    422,
    { zh: "部门处置人员必须属于一个部门", en: "A department handler must belong to a department" },
    "department",
  );

export const unknownDepartment = (code: string) =>
  new AppError(
    "UNKNOWN_DEPARTMENT",
    422,
    { zh: `部门 ${code} 不存在`, en: `Department ${code} does not exist` },
    "department",
  );
