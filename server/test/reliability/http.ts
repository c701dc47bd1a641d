import type { FastifyTypebox } from "../../src/http/types";

/** One request, the same whether it goes through inject() or over a socket. */
export interface Req {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** A JSON body (sets content-type). */
  json?: unknown;
  /** A raw body, sent as is with the given headers. */
  body?: string | Buffer;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  raw: Buffer;
  json<T = any>(): T;
}

/** Sends requests to one server: in-process (inject) or a real process (fetch on loopback). */
export interface Http {
  send(req: Req): Promise<Reply>;
}

export type Auth = Record<string, string>;

function reply(status: number, headers: Reply["headers"], raw: Buffer): Reply {
  const text = raw.toString("utf8");
  return {
    status,
    headers,
    raw,
    text,
    json: () => JSON.parse(text),
  };
}

function bodyOf(req: Req): { body?: string | Buffer; headers: Record<string, string> } {
  if (req.json !== undefined)
    return {
      body: JSON.stringify(req.json),
      headers: { "content-type": "application/json", ...req.headers },
    };
  return { body: req.body, headers: { ...req.headers } };
}

/** Requests through Fastify's inject(): no socket, same routing, hooks and error handlers. */
export function injectHttp(app: FastifyTypebox): Http {
  return {
    async send(req) {
      const { body, headers } = bodyOf(req);
      const res = await app.inject({
        method: (req.method ?? "GET") as "GET",
        url: req.url,
        headers,
        ...(body === undefined ? {} : { payload: body }),
      });
      return reply(res.statusCode, res.headers as Reply["headers"], res.rawPayload);
    },
  };
}

/** Requests over HTTP to a server on loopback. */
export function fetchHttp(base: string, timeoutMs = 120_000): Http {
  return {
    async send(req) {
      const { body, headers } = bodyOf(req);
      const res = await fetch(base + req.url, {
        method: req.method ?? "GET",
        headers,
        body: body === undefined ? undefined : typeof body === "string" ? body : new Uint8Array(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const raw = Buffer.from(await res.arrayBuffer());
      return reply(res.status, Object.fromEntries(res.headers.entries()), raw);
    },
  };
}

/** Sends and throws unless the answer is 2xx; returns the parsed JSON. */
export async function ok<T = any>(http: Http, req: Req): Promise<T> {
  const res = await http.send(req);
  if (res.status >= 300)
    throw new Error(`${req.method ?? "GET"} ${req.url} → ${res.status} ${res.text.slice(0, 500)}`);
  return (res.text ? res.json() : undefined) as T;
}

/** Logs in for a token and returns the Authorization header. */
export async function login(http: Http, username: string, password: string): Promise<Auth> {
  const body = await ok<{ token: string }>(http, {
    method: "POST",
    url: "/api/auth/token",
    json: { username, password },
  });
  return { authorization: `Bearer ${body.token}` };
}

/** A multipart/form-data body with text fields and one file (or none). */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string; field?: string },
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----pingan${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
