import type { ErrorBody } from "./types";

/** An error answer of the API (or a failed request), carrying the server's bilingual message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: { zh: string; en: string };
  readonly field?: string;
  readonly requestId: string;
  /** Further fields of the error body, such as `problems` of a refused import or `codes` of a conflict. */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ErrorBody, details: Record<string, unknown> = {}) {
    super(body.message.en || body.code);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.messages = body.message;
    this.field = body.field;
    this.requestId = body.requestId;
    this.details = details;
  }
}

type UnauthorizedHandler = (path: string) => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Registers what to do when a session request answers 401 (auth endpoints excluded); returns an unregister function. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): () => void {
  onUnauthorized = handler;
  return () => {
    if (onUnauthorized === handler) onUnauthorized = null;
  };
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v.message as Record<string, unknown> | undefined;
  return (
    typeof v.code === "string" &&
    typeof m === "object" &&
    m !== null &&
    typeof m.zh === "string" &&
    typeof m.en === "string"
  );
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx answer into an ApiError; a body not in the server's shape gets an `HTTP_<status>` code. */
export async function toApiError(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  if (isErrorBody(body)) {
    const { code, message, field, requestId, ...details } = body as ErrorBody & Record<string, unknown>;
    return new ApiError(
      res.status,
      { code, message, field, requestId: requestId ?? res.headers.get("x-request-id") ?? "" },
      details,
    );
  }
  return new ApiError(res.status, {
    code: `HTTP_${res.status}`,
    message: {
      zh: `服务器返回错误（HTTP ${res.status}）`,
      en: `The server answered with an error (HTTP ${res.status})`,
    },
    requestId: res.headers.get("x-request-id") ?? "",
  });
}

/** A request body already serialised as JSON text (a large file sent as read, not parsed and re-encoded). */
class JsonText {
  constructor(readonly text: string) {}
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const payload =
    body === undefined ? undefined : body instanceof JsonText ? body.text : JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: payload,
    });
  } catch {
    throw new ApiError(0, {
      code: "NETWORK_ERROR",
      message: {
        zh: "无法连接服务器，请检查网络",
        en: "Cannot reach the server; check the network",
      },
      requestId: "",
    });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !path.startsWith("/api/auth/")) onUnauthorized?.(path);
    throw error;
  }
  return (await readJson(res)) as T;
}

/** Typed JSON client for the Pingan API; sends the session cookie, throws ApiError on failure. */
export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
  /** POST of JSON text as it is (e.g. a GeoJSON file of tens of megabytes). */
  postJsonText: <T>(path: string, text: string) => request<T>("POST", path, new JsonText(text)),
  del: <T = void>(path: string) => request<T>("DELETE", path),
};

/** Builds `?a=1&b=2` from the defined, non-empty values; returns '' when none remain. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
