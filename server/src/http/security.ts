import type { FastifyRequest } from "fastify";
import type { Config } from "../config";
import { AppError } from "../core/errors";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery: a change made with the session cookie must come from a page of
 * this site. Browsers send Origin (or at least Referer) with such requests; a foreign one is refused.
 * Bearer tokens and API keys are not sent by browsers on their own, so they need no check.
 */
export function checkSameOrigin(req: FastifyRequest, usesCookie: boolean): void {
  if (!usesCookie || !UNSAFE.has(req.method)) return;
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return;
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    host = "";
  }
  if (host !== req.host)
    throw new AppError("CSRF_REJECTED", 403, {
      zh: "请求来自其他网站，已拒绝（跨站请求伪造防护）",
      en: "The request came from another site and was refused (cross-site request forgery protection)",
    });
}

/** Content-Security-Policy for the console's pages: only this site, plus the configured basemap. */
export function consolePolicy(config: Pick<Config, "basemap">): string {
  const tiles = [
    ...new Set((config.basemap?.tiles ?? []).map((t) => new URL(t.replace(/\{[^}]+\}/g, "0")).origin)),
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // antd writes its styles at run time
    `img-src 'self' data: blob: ${tiles.join(" ")}`.trim(),
    `connect-src 'self' ${tiles.join(" ")}`.trim(),
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** Headers every response carries (set once, at the start of each request). */
export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
} as const;
