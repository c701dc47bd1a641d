import crypto from "node:crypto";
import type { WebhookPayload } from "./notify";

export const WEBHOOK_FORMATS = ["dingtalk", "wecom", "json"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** One outgoing HTTP request, ready for fetch. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * DingTalk custom-robot signature (加签): HMAC-SHA256 over "timestamp\nsecret" keyed with the secret,
 * base64; sent as the `timestamp` and `sign` query parameters (DingTalk accepts it within an hour).
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return crypto.createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

function when(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(at));
}

// one line each: a title typed with line breaks must not break the robot's markdown layout
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");

/** The robot message for a notice, in the given format; the secret signs DingTalk URLs and JSON bodies. */
export function buildRequest(
  format: WebhookFormat,
  url: string,
  notice: WebhookPayload["notice"],
  o: { secret?: string | null; nowMs: number; timeZone: string },
): OutgoingRequest {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  const lines = [`**${oneLine(notice.title)}**`];
  if (notice.body) lines.push(notice.body);
  lines.push(`> ${when(notice.at, o.timeZone)} · ${notice.kind} · 平安 Pingan`);
  const text = lines.join("\n\n");
  if (format === "dingtalk") {
    let target = url;
    if (o.secret) {
      const u = new URL(url);
      u.searchParams.set("timestamp", String(o.nowMs));
      u.searchParams.set("sign", dingTalkSign(o.secret, o.nowMs));
      target = u.toString();
    }
    const body = { msgtype: "markdown", markdown: { title: notice.title.slice(0, 64), text } };
    return { url: target, headers, body: JSON.stringify(body) };
  }
  if (format === "wecom") {
    // WeCom robots have no signature: the key in the URL is the secret
    return { url, headers, body: JSON.stringify({ msgtype: "markdown", markdown: { content: text } }) };
  }
  const body = JSON.stringify({ ...notice, source: "pingan" });
  if (o.secret) {
    const mac = crypto.createHmac("sha256", o.secret).update(`${o.nowMs}.${body}`).digest("hex");
    headers["x-pingan-timestamp"] = String(o.nowMs);
    headers["x-pingan-signature"] = `sha256=${mac}`;
  }
  return { url, headers, body };
}

/** The answer of a delivery attempt; a failure says why in words an administrator can act on. */
export interface DeliveryResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * Sends the request with a timeout. DingTalk and WeCom answer HTTP 200 with {errcode} even when
 * they refuse a message (bad signature, rate limit), so a non-zero errcode is a failure too.
 */
export async function send(req: OutgoingRequest, timeoutMs = 5_000): Promise<DeliveryResult> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: "POST",
      headers: req.headers,
      body: req.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === "TimeoutError"
        ? `timed out after ${timeoutMs} ms`
        : [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(": ");
    return { ok: false, status: null, error: `network error: ${why}` };
  }
  const text = await res.text().catch(() => "");
  if (res.status < 200 || res.status > 299)
    return { ok: false, status: res.status, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
  try {
    const json = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (typeof json.errcode === "number" && json.errcode !== 0)
      return {
        ok: false,
        status: res.status,
        error: `errcode ${json.errcode}: ${String(json.errmsg ?? "")}`,
      };
  } catch {
    // not JSON: a plain endpoint that answered 2xx has taken it
  }
  return { ok: true, status: res.status, error: null };
}
