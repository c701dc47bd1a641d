/** A message in both languages of the product. */
export interface Message {
  zh: string;
  en: string;
}

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * The one error type the HTTP layer understands: a stable code, an HTTP status and a message
 * in Chinese and English. Each module subclasses it (EventError, AuthError…) with its own codes.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    readonly messages: Message,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${messages.en}`);
  }
}

export const notFound = (what: Message = { zh: "记录", en: "record" }, field?: string) =>
  new AppError(
    "NOT_FOUND",
    404,
    { zh: `${what.zh}不存在或无权查看`, en: `The ${what.en} does not exist or is not visible to you` },
    field,
  );

export const forbidden = () =>
  new AppError("FORBIDDEN", 403, { zh: "您无权执行此操作", en: "You are not allowed to do this" });

export const unauthenticated = () =>
  new AppError("AUTH_REQUIRED", 401, { zh: "请先登录", en: "Please log in first" });

export const invalid = (field: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", 400, { zh, en }, field);

export const unprocessable = (code: string, zh: string, en: string, field?: string) =>
  new AppError(code, 422, { zh, en }, field);

export const conflict = (code: string, zh: string, en: string, field?: string) =>
  new AppError(code, 409, { zh, en }, field);
