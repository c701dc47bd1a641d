import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildTree, buildUser, PASSWORD } from "../../../test/factories";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}, ip = "10.0.0.1") =>
  app.inject({ method: "POST", url, payload: payload as object, headers, remoteAddress: ip });

async function auditActions(userId: string) {
  const rows = await queryRows<{ action: string }>(
    env.db,
    sql`select action from audit_log where subject_id = ${userId} order by id`,
  );
  return rows.map((r) => r.action);
}

describe("console login", () => {
  it("sets an httpOnly SameSite session cookie and /api/me shows roles and scopes", async () => {
    const u = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11, tree.g21] });
    const res = await post("/api/auth/login", { username: u.username, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^pingan_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await app.inject({ url: "/api/me", headers: { cookie: cookie.split(";")[0]! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: u.username },
      roles: ["grid_worker"],
      scopes: [{ code: tree.g11.code, level: "grid", path: tree.g11.path }, { code: tree.g21.code }],
      scope: { code: tree.g11.code, name: tree.g11.name, level: "grid", path: tree.g11.path },
    });
    expect(await auditActions(u.id)).toContain("auth.login");
  });

  it("answers 401 to a wrong password or an unknown user, with the same message", async () => {
    const u = await buildUser(env);
    const wrong = await post("/api/auth/login", { username: u.username, password: "nope-nope" });
    const unknown = await post("/api/auth/login", { username: "nobody-here", password: "nope-nope" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: "AUTH_INVALID",
      message: { zh: expect.any(String), en: expect.any(String) },
    });
    expect(unknown.json().message).toEqual(wrong.json().message);
    expect(await auditActions(u.id)).toContain("auth.login_failed");
  });

  it("without credentials /api/me answers 401 AUTH_REQUIRED", async () => {
    const res = await app.inject({ url: "/api/me" });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("AUTH_REQUIRED");
  });
});

describe("lock-out", () => {
  it("locks one user from one address after 5 failures in 15 minutes, and lifts it later", async () => {
    const u = await buildUser(env);
    for (let i = 0; i < 5; i++)
      expect(
        (await post("/api/auth/login", { username: u.username, password: "bad-password" }, {}, "10.9.9.9"))
          .statusCode,
      ).toBe(401);
    const locked = await post(
      "/api/auth/login",
      { username: u.username, password: PASSWORD },
      {},
      "10.9.9.9",
    );
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("AUTH_LOCKED");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    // another address is not locked
    expect(
      (await post("/api/auth/login", { username: u.username, password: PASSWORD }, {}, "10.9.9.10"))
        .statusCode,
    ).toBe(200);
    await env.clock.set(new Date(env.clock.now().getTime() + 15 * 60_000 + 1000));
    expect(
      (await post("/api/auth/login", { username: u.username, password: PASSWORD }, {}, "10.9.9.9"))
        .statusCode,
    ).toBe(200);
  });
});

describe("tokens, logout and passwords", () => {
  it("gives API clients a bearer token that works until logout", async () => {
    const u = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const res = await post("/api/auth/token", { username: u.username, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const { token, expiresAt } = res.json();
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(env.clock.now().getTime());
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: "/api/me", headers: auth })).json().user.username).toBe(u.username);
    expect((await app.inject({ method: "POST", url: "/api/auth/logout", headers: auth })).statusCode).toBe(
      204,
    );
    const after = await app.inject({ url: "/api/me", headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("AUTH_INVALID_TOKEN");
  });

  it("keeps sessions in the database: a new app instance (a restart) accepts them", async () => {
    const u = await buildUser(env);
    const { token } = (await post("/api/auth/token", { username: u.username, password: PASSWORD })).json();
    const restarted = await testApp(env);
    try {
      expect(
        (await restarted.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it("changes a password, ends the other sessions and keeps the current one", async () => {
    const u = await buildUser(env);
    const a = (await post("/api/auth/token", { username: u.username, password: PASSWORD })).json().token;
    const b = (await post("/api/auth/token", { username: u.username, password: PASSWORD })).json().token;
    const wrong = await post(
      "/api/auth/password",
      { currentPassword: "not-it-at-all", newPassword: "brand-new-9" },
      { authorization: `Bearer ${a}` },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: "AUTH_WRONG_PASSWORD", field: "currentPassword" });
    const weak = await post(
      "/api/auth/password",
      { currentPassword: PASSWORD, newPassword: "1234567890" },
      { authorization: `Bearer ${a}` },
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe("newPassword");
    const ok = await post(
      "/api/auth/password",
      { currentPassword: PASSWORD, newPassword: "brand-new-9" },
      { authorization: `Bearer ${a}` },
    );
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${a}` } })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${b}` } })).statusCode).toBe(
      401,
    );
    expect(
      (await post("/api/auth/token", { username: u.username, password: "brand-new-9" })).statusCode,
    ).toBe(200);
    const audit = await queryRows<{ changes: unknown }>(
      env.db,
      sql`select changes from audit_log where action = 'auth.password_changed' and subject_id = ${u.id}`,
    );
    expect(audit[0]?.changes).toEqual({ password: { changed: true } });
  });

  it("refuses a disabled account", async () => {
    const admin = await buildUser(env, { roles: ["admin"] });
    const u = await buildUser(env);
    const adminToken = (
      await post("/api/auth/token", { username: admin.username, password: PASSWORD })
    ).json().token;
    const userToken = (await post("/api/auth/token", { username: u.username, password: PASSWORD })).json()
      .token;
    const res = await app.inject({
      method: "PATCH",
      url: `/api/users/${u.id}`,
      payload: { disabled: true },
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${userToken}` } })).statusCode,
    ).toBe(401);
    const login = await post("/api/auth/token", { username: u.username, password: PASSWORD });
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe("AUTH_DISABLED");
  });
});

describe("API keys", () => {
  it("an admin creates a key acting as a user, it authenticates, and revoking it ends it", async () => {
    const admin = await buildUser(env, { roles: ["admin"] });
    const svc = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.c1] });
    const adminAuth = {
      authorization: `Bearer ${(await post("/api/auth/token", { username: admin.username, password: PASSWORD })).json().token}`,
    };
    const created = await post(
      "/api/api-keys",
      { name: "12345 热线对接", username: svc.username },
      adminAuth,
    );
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^pak_/);
    const me = await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${key}` } });
    expect(me.json()).toMatchObject({ user: { username: svc.username }, scope: { code: tree.c1.code } });
    const list = await app.inject({ url: "/api/api-keys", headers: adminAuth });
    expect(list.json().items.find((k: { id: string }) => k.id === id)).toMatchObject({
      name: "12345 热线对接",
      username: svc.username,
      revokedAt: null,
    });
    expect(JSON.stringify(list.json())).not.toContain(key);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/api-keys/${id}`, headers: adminAuth })).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${key}` } })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/api-keys/${id}`, headers: adminAuth })).statusCode,
    ).toBe(404);
  });

  it("is for administrators only", async () => {
    const u = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const auth = {
      authorization: `Bearer ${(await post("/api/auth/token", { username: u.username, password: PASSWORD })).json().token}`,
    };
    expect((await post("/api/api-keys", { name: "x" }, auth)).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/api-keys", headers: auth })).statusCode).toBe(403);
  });
});
