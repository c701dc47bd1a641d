import { ApiError, toApiError } from "../../../api/client";

/** The file name a `Content-Disposition` header gives (RFC 5987 `filename*` first), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/**
 * Downloads a file the API serves (an export, an errors workbook) through fetch, so a refusal shows
 * as an error on the page instead of replacing it; saves it under the server's file name.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, {
      code: "NETWORK_ERROR",
      message: { zh: "无法连接服务器，请检查网络", en: "Cannot reach the server; check the network" },
      requestId: "",
    });
  }
  if (!res.ok) throw await toApiError(res);
  const blob = await res.blob();
  const name = fileNameFromDisposition(res.headers.get("content-disposition")) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
