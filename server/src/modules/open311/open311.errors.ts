import type { FastifyRequest } from "fastify";
import { AppError, type HttpStatus, type Message } from "../../core/errors";
import { toErrorReply } from "../../http/errors";

/** The language of texts meant for people: service names, notices and error descriptions. */
export type Locale = "zh" | "en";

/**
 * The locale a request asks for: `?locale=` (zh, zh_CN, en, en-US…) first, then the first
 * language of Accept-Language; undefined when it names neither Chinese nor English.
 */
export function askedLocale(req: FastifyRequest): Locale | undefined {
  const query = req.query as Record<string, unknown> | undefined;
  const given = typeof query?.locale === "string" ? query.locale : undefined;
  const accept = req.headers["accept-language"];
  for (const text of [given, typeof accept === "string" ? accept.split(",")[0] : undefined]) {
    const tag = text?.trim().toLowerCase();
    if (tag?.startsWith("zh")) return "zh";
    if (tag?.startsWith("en")) return "en";
  }
  return undefined;
}

/** One entry of the standard's error list. */
export type Open311ErrorItem = {
  code: number;
  description: string;
};

/** An error in the standard's terms: an HTTP status and one or more {code, description}. */
export class Open311Error extends AppError {
  constructor(
    status: HttpStatus,
    messages: Message,
    readonly more: Message[] = [],
  ) {
    super(`OPEN311_${status}`, status, messages);
  }
}

/** 400 with one message, or several (all of a request's problems at once). */
export const badRequest = (first: Message, ...more: Message[]) => new Open311Error(400, first, more);
export const notFound311 = (message: Message) => new Open311Error(404, message);
export const apiKeyRejected = (message: Message) => new Open311Error(403, message);

/**
 * Maps any error to the standard's answer: 404 for what does not exist, 403 for a missing or bad
 * api_key (and any refusal), 413/429 kept, 500 for our own failures, 400 for everything else.
 * The description is English unless the client asks for Chinese: the standard's own language,
 * read by client operators in their logs.
 */
export function toOpen311Errors(
  err: unknown,
  req: FastifyRequest,
): { status: number; errors: Open311ErrorItem[] } {
  const locale = askedLocale(req) ?? "en";
  const { status: given, body } = toErrorReply(err, req);
  const status =
    given === 401 || given === 403 ? 403 : [404, 413, 429].includes(given) ? given : given >= 500 ? 500 : 400;
  const messages = err instanceof Open311Error ? [err.messages, ...err.more] : [body.message as Message];
  return { status, errors: messages.map((m) => ({ code: status, description: m[locale] })) };
}
