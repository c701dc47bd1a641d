import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, queryString, setUnauthorizedHandler } from "./client";

function answer(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("api client", () => {
  it("sends JSON with the session cookie and returns the parsed body", async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    await expect(api.post<{ ok: boolean }>("/api/x", { a: 1 })).resolves.toEqual({ ok: true });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe("/api/x");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("returns undefined for 204", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api.post("/api/auth/password", {})).resolves.toBeUndefined();
  });

  it("turns an error body into an ApiError with code, both messages, field and request id", async () => {
    const body = {
      code: "AUTH_INVALID",
      message: { zh: "用户名或密码错误", en: "Wrong username or password" },
      field: "password",
      requestId: "req-1",
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answer(401, body)),
    );
    const error = await api
      .post("/api/auth/login", { username: "a", password: "b" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(401);
    expect(e.code).toBe("AUTH_INVALID");
    expect(e.messages).toEqual(body.message);
    expect(e.field).toBe("password");
    expect(e.requestId).toBe("req-1");
    expect(e.details).toEqual({});
  });

  it("keeps the further fields of an error body, such as an import's problems", async () => {
    const problems = [
      { featureIndex: 0, kind: "ring_too_short", message: { zh: "环太短", en: "short ring" } },
    ];
    const body = {
      code: "AREA_IMPORT_INVALID",
      message: { zh: "无效", en: "invalid" },
      requestId: "r",
      problems,
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answer(422, body)),
    );
    const e = (await api.post("/api/areas/import", {}).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe("AREA_IMPORT_INVALID");
    expect(e.details).toEqual({ problems });
  });

  it("posts JSON text as it is", async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    await api.postJsonText("/api/areas/import", '{"type":"FeatureCollection","features":[]}');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"type":"FeatureCollection","features":[]}');
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("gives a body that is not the error shape an HTTP_<status> code", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>bad gateway</html>", { status: 502 })),
    );
    const e = (await api.get("/api/me").catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe("HTTP_502");
    expect(e.messages.zh).toContain("502");
  });

  it("reports a failed connection as NETWORK_ERROR", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const e = (await api.get("/api/me").catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.code).toBe("NETWORK_ERROR");
  });

  it("calls the 401 handler for session requests, not for auth endpoints", async () => {
    const unauth = {
      code: "AUTH_REQUIRED",
      message: { zh: "请登录", en: "Log in" },
      requestId: "r",
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answer(401, unauth)),
    );
    const handler = vi.fn();
    const unregister = setUnauthorizedHandler(handler);
    await api.get("/api/users").catch(() => undefined);
    await api.post("/api/auth/login", {}).catch(() => undefined);
    unregister();
    await api.get("/api/users").catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith("/api/users");
  });
});

describe("queryString", () => {
  it("drops empty values and encodes the rest", () => {
    expect(queryString({ actor: "zhang san", action: "", page: 2, from: undefined, to: null })).toBe(
      "?actor=zhang+san&page=2",
    );
    expect(queryString({ a: undefined })).toBe("");
  });
});
