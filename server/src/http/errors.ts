import type { FastifyError, FastifyRequest } from "fastify";
import { AppError } from "../core/errors";

interface PgLikeError {
  code?: string;
  constraint?: string;
  column?: string;
}

function fieldOf(err: FastifyError): string | undefined {
  const v = err.validation?.[0];
  if (!v) return undefined;
  const params = v.params as Record<string, unknown>;
  const missing = params.missingProperty ?? params.additionalProperty;
  const path = String(v.instancePath ?? "")
    .replace(/^\//, "")
    .replace(/\//g, ".");
  return [path, missing].filter(Boolean).join(".") || err.validationContext || undefined;
}

const BUSBOY_ERRORS =
  /^(Multipart: Boundary not found|Unexpected end of (multipart data|form)|Malformed part header|Part terminated early)/;

/** Maps any thrown error to {code, message: {zh, en}, field?, requestId}; never a stack trace. */
export function toErrorReply(
  err: unknown,
  req: FastifyRequest,
): { status: number; body: Record<string, unknown> } {
  const requestId = req.id;
  const reply = (
    status: number,
    code: string,
    zh: string,
    en: string,
    field?: string,
    extra?: Record<string, unknown>,
  ) => ({
    status,
    body: { code, message: { zh, en }, ...(field ? { field } : {}), ...extra, requestId },
  });
  if (err instanceof AppError)
    return reply(err.status, err.code, err.messages.zh, err.messages.en, err.field, err.details);
  const e = err as FastifyError & PgLikeError;
  if (e.validation) {
    const field = fieldOf(e);
    const detail = e.validation[0]?.message ?? "";
    return reply(
      400,
      "VALIDATION_FAILED",
      `请求参数无效${field ? `（${field}）` : ""}：${detail}`,
      `Invalid input${field ? ` (${field})` : ""}: ${detail}`,
      field,
    );
  }
  // Drizzle wraps driver errors ("Failed query: …"); the database's own code is on the cause.
  const db = (e.cause && typeof e.cause === "object" && "code" in e.cause ? e.cause : e) as PgLikeError;
  switch (db.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return reply(400, "INVALID_JSON", "请求体不是有效的 JSON", "The request body is not valid JSON");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
      return reply(413, "BODY_TOO_LARGE", "请求体或文件过大", "The request body or file is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return reply(415, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型", "Unsupported content type");
    case "23505":
      return reply(
        409,
        "CONFLICT",
        "记录已存在（唯一性冲突）",
        "A record with the same key already exists",
        e.constraint,
      );
    case "23503":
      return reply(
        422,
        "REFERENCE_INVALID",
        "引用的记录不存在",
        "A referenced record does not exist",
        e.constraint,
      );
    case "22P02":
    case "22007":
    case "22008":
    case "22021": // a NUL character in text: PostgreSQL refuses it
      return reply(400, "VALIDATION_FAILED", "参数格式无效", "A value has an invalid format");
    case "22003": // a number out of the column's range (an offset of 10^19…)
      return reply(400, "VALUE_OUT_OF_RANGE", "数值超出范围", "A number is out of range");
    case "54000": // a value too long for an index
      return reply(400, "VALUE_TOO_LONG", "参数过长", "A value is too long");
  }
  // a malformed multipart body fails inside the parser (busboy) with a plain Error: the client's fault
  if (typeof e.message === "string" && BUSBOY_ERRORS.test(e.message))
    return reply(400, "MULTIPART_INVALID", "multipart 请求体格式错误", "The multipart body is malformed");
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return reply(e.statusCode, "BAD_REQUEST", "请求无效", e.message ?? "Bad request");
  return reply(
    500,
    "INTERNAL",
    "服务器内部错误，请稍后再试",
    "Internal server error; please try again later",
  );
}
