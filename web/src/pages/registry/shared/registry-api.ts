import { api, ApiError, queryString, toApiError } from "../../../api/client";
import type { RevealAnswer } from "../../../api/registry-types";

/** The URL of a registry record, its id encoded: `recordUrl("persons", id, "/file")`. */
export function recordUrl(kind: string, id: string, rest = ""): string {
  return `/api/${kind}/${encodeURIComponent(id)}${rest}`;
}

/** A list URL with its filters; empty filters are left out. */
export function listUrl(
  path: string,
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  return `${path}${queryString(params)}`;
}

/** POSTs a multipart form (a file upload); answers the status and body, throws ApiError like the JSON client. */
export async function postForm<T>(path: string, form: FormData): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new ApiError(0, {
      code: "NETWORK_ERROR",
      message: { zh: "无法连接服务器，请检查网络", en: "Cannot reach the server; check the network" },
      requestId: "",
    });
  }
  if (!res.ok) throw await toApiError(res);
  return { status: res.status, body: (await res.json()) as T };
}

/** True for the 409 the registry answers when a record changed since it was read. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === "VERSION_CONFLICT";
}

/** One personal value of a person in clear, with the reason the server audits. */
export async function revealPerson(
  id: string,
  field: "idNumber" | "phone",
  reason: string,
): Promise<string | null> {
  const answer = await api.post<RevealAnswer>(recordUrl("persons", id, "/reveal"), {
    field,
    reason,
  });
  return answer.value;
}
