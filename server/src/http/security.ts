import type { FastifyRequest, RouteOptions } from "fastify";
import type { Config } from "../config";
import { AppError, unauthenticated } from "../core/errors";

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

/**
 * Proxies whose X-Forwarded-* headers are believed: this machine and private networks (where the
 * deployment's reverse proxy sits), never a client on the internet, who could otherwise pick its own
 * address and so escape the login lockout and forge the audit trail's IPs.
 */
export const TRUSTED_PROXIES = ["loopback", "linklocal", "uniquelocal"];

/** Strict-Transport-Security, sent when the deployment says it is behind https (PINGAN_COOKIE_SECURE). */
export const HSTS = { "strict-transport-security": "max-age=31536000; includeSubDomains" } as const;

/** Headers every response carries (set once, at the start of each request). */
export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
} as const;

type RouteSchema = { security?: unknown[]; body?: unknown; querystring?: unknown; params?: unknown };

/**
 * An onRoute hook: on an /api/ route that validates its input and is not public (OpenAPI
 * `security: []`), nobody signed in gets 401 before validation runs, not a 400 describing the schema.
 */
export function signInBeforeValidation(route: RouteOptions): void {
  const schema = route.schema as RouteSchema | undefined;
  if (!route.url.startsWith("/api/") || !schema) return;
  if (Array.isArray(schema.security) && schema.security.length === 0) return;
  if (!schema.body && !schema.querystring && !schema.params) return;
  const gate = (req: FastifyRequest, _reply: unknown, done: (err?: Error) => void) =>
    done(req.actorValue ? undefined : unauthenticated());
  const given = route.preValidation;
  route.preValidation = [gate, ...(given ? (Array.isArray(given) ? given : [given]) : [])];
}
