import { AppError } from "../../core/errors";

export const invalidCredentials = () =>
  new AppError("AUTH_INVALID", 401, { zh: "用户名或密码错误", en: "Wrong username or password" });

export const accountDisabled = () =>
  new AppError("AUTH_DISABLED", 401, {
    zh: "该账号已停用，请联系管理员",
    en: "This account is disabled; contact your administrator",
  });

export const locked = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "AUTH_LOCKED",
    429,
    {
      zh: `登录失败次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试`,
      en: `Too many failed logins: locked for now, try again in ${minutes} minute(s)`,
    },
    undefined,
    { retryAfterSeconds },
  );
};

export const wrongCurrentPassword = () =>
  new AppError(
    "AUTH_WRONG_PASSWORD",
    422,
    { zh: "当前密码不正确", en: "The current password is wrong" },
    "currentPassword",
  );

export const invalidToken = () =>
  new AppError("AUTH_INVALID_TOKEN", 401, {
    zh: "登录已失效，请重新登录",
    en: "Your session or token is no longer valid; log in again",
  });
