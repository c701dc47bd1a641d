import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../test/services";
import { buildUser, PASSWORD } from "../../test/factories";
import type { FastifyTypebox } from "./types";
import { buildApp } from "./app";

let env: TestEnv;
let app: FastifyTypebox;
let auth: Record<string, string>;
let adminAuth: Record<string, string>;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  const u = await buildUser(env, { roles: ["resident"] });
  const admin = await buildUser(env, { roles: ["admin"] });
  const token = async (username: string) =>
    (
      await app.inject({ method: "POST", url: "/api/auth/token", payload: { username, password: PASSWORD } })
    ).json().token;
  auth = { authorization: `Bearer ${await token(u.username)}` };
  adminAuth = { authorization: `Bearer ${await token(admin.username)}` };
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const expectError = (
  res: { statusCode: number; json(): any; body: string },
  status: number,
  code: string,
  field?: string,
) => {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body).toMatchObject({
    code,
    message: { zh: expect.any(String), en: expect.any(String) },
    requestId: expect.any(String),
  });
  if (field) expect(body.field).toBe(field);
  expect(res.body).not.toMatch(/at .*\.ts:\d+|stack/i);
};

describe("bad input", () => {
  it("malformed JSON → 400 INVALID_JSON", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/token",
      payload: '{"username": "a"',
      headers: { "content-type": "application/json" },
    });
    expectError(res, 400, "INVALID_JSON");
  });
  it("missing field, wrong type, over-long string → 400 naming the field", async () => {
    expectError(
      await app.inject({ method: "POST", url: "/api/auth/token", payload: { username: "a" } }),
      400,
      "VALIDATION_FAILED",
      "password",
    );
    expectError(
      await app.inject({ method: "POST", url: "/api/auth/token", payload: { username: 5, password: "x" } }),
      400,
      "VALIDATION_FAILED",
      "username",
    );
    expectError(
      await app.inject({
        method: "POST",
        url: "/api/auth/token",
        payload: { username: "a".repeat(65), password: "x" },
      }),
      400,
      "VALIDATION_FAILED",
      "username",
    );
    expectError(
      await app.inject({
        method: "POST",
        url: "/api/auth/token",
        payload: { username: "a", password: "x", extra: 1 },
      }),
      400,
      "VALIDATION_FAILED",
      "extra",
    );
  });
  it("unknown routes → 404 JSON; query out of range → 400", async () => {
    expectError(await app.inject({ url: "/api/no-such-thing" }), 404, "ROUTE_NOT_FOUND");
    expectError(
      await app.inject({ url: "/api/users?pageSize=100000", headers: adminAuth }),
      400,
      "VALIDATION_FAILED",
      "pageSize",
    );
  });
  it("echoes a request id and uses the caller's when given", async () => {
    const res = await app.inject({ url: "/api/me", headers: { ...auth, "x-request-id": "trace-123" } });
    expect(res.headers["x-request-id"]).toBe("trace-123");
  });
});

describe("API description and health", () => {
  it("serves OpenAPI 3 generated from the route schemas, and the docs UI", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of [
      "/api/auth/login",
      "/api/auth/token",
      "/api/me",
      "/api/users",
      "/api/audit",
      "/api/api-keys",
      "/api/health",
      "/api/areas/{code}",
    ])
      expect(Object.keys(spec.paths)).toContain(p);
    expect(
      spec.paths["/api/auth/token"].post.requestBody.content["application/json"].schema.required,
    ).toEqual(["username", "password"]);
    const docs = await app.inject({ url: "/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });
  it("answers health without login", async () => {
    expect((await app.inject({ url: "/api/health" })).json()).toMatchObject({
      status: "ok",
      engine: env.engine,
      migration: "test",
    });
  });
});

describe("files", () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const multipart = (name: string, bytes: Buffer) => {
    const boundary = "----pingan";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
  };

  it("stores an image by content hash, once, and serves it back", async () => {
    const up = multipart("现场照片.png", png);
    const res = await app.inject({
      method: "POST",
      url: "/api/files",
      payload: up.payload,
      headers: { ...auth, ...up.headers },
    });
    expect(res.statusCode).toBe(201);
    const { id, mime, size } = res.json();
    expect(mime).toBe("image/png");
    expect(size).toBe(png.length);
    const again = await app.inject({
      method: "POST",
      url: "/api/files",
      payload: up.payload,
      headers: { ...auth, ...up.headers },
    });
    expect(again.json().id).toBe(id);
    const got = await app.inject({ url: `/api/files/${id}`, headers: auth });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(png)).toBe(true);
    expect(got.headers["content-type"]).toBe("image/png");
  });

  it("refuses a file whose bytes are not an allowed type, whatever its name says", async () => {
    const up = multipart("photo.png", Buffer.from("#!/bin/sh\necho hi\n"));
    expectError(
      await app.inject({
        method: "POST",
        url: "/api/files",
        payload: up.payload,
        headers: { ...auth, ...up.headers },
      }),
      415,
      "FILE_TYPE_NOT_ALLOWED",
    );
  });

  it("needs a login, and answers 404 for an unknown file", async () => {
    const up = multipart("a.png", png);
    expectError(
      await app.inject({ method: "POST", url: "/api/files", payload: up.payload, headers: up.headers }),
      401,
      "AUTH_REQUIRED",
    );
    expectError(await app.inject({ url: `/api/files/${"0".repeat(64)}`, headers: auth }), 404, "NOT_FOUND");
  });
});

describe("test clock", () => {
  it("an admin moves time for every process when PINGAN_TEST_CLOCK=1", async () => {
    const target = "2030-01-02T03:04:05.000Z";
    expectError(
      await app.inject({ method: "POST", url: "/api/admin/clock", payload: { now: target }, headers: auth }),
      403,
      "FORBIDDEN",
    );
    const res = await app.inject({
      method: "POST",
      url: "/api/admin/clock",
      payload: { now: target },
      headers: adminAuth,
    });
    expect(res.statusCode).toBe(200);
    expect(Math.abs(new Date(res.json().now).getTime() - Date.parse(target))).toBeLessThan(5000);
    const other = await testApp(env); // another process on the same database reads the same offset
    try {
      await env.clock.refresh();
      expect(Math.abs(env.clock.now().getTime() - Date.parse(target))).toBeLessThan(5000);
    } finally {
      await other.close();
      await env.clock.set(new Date());
    }
  });

  it("does not exist without PINGAN_TEST_CLOCK", async () => {
    const plain = await buildApp({ ...env, config: { ...env.config, testClock: false } }, { logger: false });
    try {
      expect(
        (
          await plain.inject({
            method: "POST",
            url: "/api/admin/clock",
            payload: { now: "2030-01-01T00:00:00Z" },
            headers: adminAuth,
          })
        ).statusCode,
      ).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
