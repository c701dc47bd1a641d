import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "../../src/db/database";
import { tablesInDependencyOrder } from "../../src/db/backup";
import type { FastifyTypebox } from "../../src/http/types";
import { buildDepartment, buildUser } from "../factories";
import { bearer, testApp, testEnv, type TestEnv } from "../services";
import { fetchHttp, injectHttp, login, multipart, ok, type Http } from "./http";
import { childEnv, runCli, startServer, stopServer, tempDir } from "./proc";
import { buildWorld, newIdNumber, newPhone, PNG_1PX, USER_PASSWORD, type World } from "./world";

// Headers, cookies, CSRF, login limits, uploads, path traversal, personal data at rest and in logs.
let env: TestEnv;
let app: FastifyTypebox;
let http: Http;
let w: World;
let webDist: string;

beforeAll(async () => {
  // a console build of one page, with a secret file beside (not inside) its folder
  const base = tempDir("pingan-websec-");
  webDist = path.join(base, "web");
  fs.mkdirSync(path.join(webDist, "assets"), { recursive: true });
  fs.writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>平安</title><div id=root></div>");
  fs.writeFileSync(path.join(webDist, "assets", "app.js"), "console.log(1)");
  fs.writeFileSync(path.join(base, "secret.txt"), "TOP-SECRET-OUTSIDE-WEB");
  env = await testEnv({ PINGAN_WEB_DIST: webDist, PINGAN_UPLOAD_MAX_MB: "1" });
  app = await testApp(env);
  http = injectHttp(app);
  const root = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
  w = await buildWorld(http, root, {
    prefix: `W${Date.now().toString(36)}`,
    departmentCode: (await buildDepartment(env)).code,
  });
}, 300_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

describe("headers", () => {
  it("the console page carries a strict CSP and the secure headers; API answers the secure headers", async () => {
    const page = await http.send({ url: "/registry/persons" });
    expect(page.status).toBe(200);
    const csp = String(page.headers["content-security-policy"]);
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval'|\*)/);
    for (const res of [
      page,
      await http.send({ url: "/api/me", headers: w.users.dispatcher.auth }),
      await http.send({ url: "/api/nope" }),
    ])
      expect(res.headers).toMatchObject({
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "same-origin",
      });
  });

  it("sends Strict-Transport-Security only when the deployment says it is behind https", async () => {
    expect((await http.send({ url: "/api/health" })).headers["strict-transport-security"]).toBeUndefined();
    const secureEnv = await testEnv({ PINGAN_COOKIE_SECURE: "1" });
    const secureApp = await testApp(secureEnv);
    try {
      const res = await injectHttp(secureApp).send({ url: "/api/health" });
      expect(String(res.headers["strict-transport-security"])).toMatch(/max-age=\d{7,}/);
      const user = await buildUser(secureEnv, { roles: ["admin"] });
      const login = await injectHttp(secureApp).send({
        method: "POST",
        url: "/api/auth/login",
        json: { username: user.username, password: user.password },
      });
      expect(String(login.headers["set-cookie"])).toMatch(/; Secure/);
    } finally {
      await secureApp.close();
      await secureEnv.close();
    }
  });
});

describe("session cookie and CSRF", () => {
  let cookie = "";
  beforeAll(async () => {
    const res = await http.send({
      method: "POST",
      url: "/api/auth/login",
      json: { username: w.users.dispatcher.username, password: USER_PASSWORD },
    });
    const set = String(res.headers["set-cookie"]);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=(Lax|Strict)/);
    expect(set).not.toMatch(/; Secure/); // not behind https in this configuration
    expect(set).not.toMatch(/Expires=|Max-Age=/); // a session cookie: the server's session ends it
    cookie = set.split(";")[0]!;
  });

  const host = "console.example:8080";
  const change = (headers: Record<string, string>) =>
    http.send({
      method: "POST",
      url: "/api/events",
      headers: { cookie, host, ...headers },
      json: { category: "0101", description: "跨站测试", areaCode: w.tree.gridA.code },
    });

  it("refuses a cookie-authenticated change from another site, by Origin or Referer", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { referer: "https://evil.example/page" },
      { origin: "null" },
      { origin: `http://${host}.evil.example` },
    ];
    for (const h of foreign) {
      const res = await change(h);
      expect(res.status, JSON.stringify(h)).toBe(403);
      expect(res.json().code).toBe("CSRF_REJECTED");
    }
    expect((await change({ origin: `http://${host}` })).status).toBe(201);
    const n = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from events where description = '跨站测试'`,
    );
    expect(n[0]!.n).toBe(1);
  });

  it("does not take a form-encoded or text/plain body (a cross-site form cannot post JSON)", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const res = await http.send({
        method: "POST",
        url: "/api/events",
        headers: { cookie, "content-type": type },
        body: '{"category":"0101","description":"x"}',
      });
      expect([400, 415], type).toContain(res.status);
    }
  });
});

describe("login limits", () => {
  it("locks a user out after five failures (429 with Retry-After), even with the right password", async () => {
    const u = await buildUser(env, { roles: ["admin"] });
    const attempt = (password: string, headers: Record<string, string> = {}) =>
      http.send({
        method: "POST",
        url: "/api/auth/token",
        headers,
        json: { username: u.username, password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong-password-1")).status).toBe(401);
    const locked = await attempt(u.password);
    expect(locked.status).toBe(429);
    expect(locked.json().code).toBe("AUTH_LOCKED");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("keys the lockout on the client's real address: a forged X-Forwarded-For does not reset it", async () => {
    const u = await buildUser(env, { roles: ["admin"] });
    const attempt = async (password: string, xff: string) =>
      (
        await app.inject({
          method: "POST",
          url: "/api/auth/token",
          remoteAddress: "203.0.113.7", // a client on the internet, not a proxy of ours
          headers: { "x-forwarded-for": xff },
          payload: { username: u.username, password },
        })
      ).statusCode;
    for (let i = 0; i < 5; i++) expect(await attempt("wrong-password-1", `198.51.100.${i}`)).toBe(401);
    expect(await attempt(u.password, "198.51.100.99")).toBe(429);
  });
});

describe("uploads", () => {
  const upload = (name: string, bytes: Buffer, type = "image/jpeg") => {
    const mp = multipart({}, { name, bytes, type });
    return http.send({
      method: "POST",
      url: "/api/files",
      headers: { ...w.users.grid_worker.auth, ...mp.headers },
      body: mp.body,
    });
  };
  it("takes a real image, refuses a program renamed .jpg (415) and a file over the limit (413)", async () => {
    expect((await upload("photo.png", PNG_1PX, "image/png")).status).toBe(201);
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(2000, 0x41)]);
    const refused = await upload("photo.jpg", exe);
    expect(refused.status).toBe(415);
    expect(refused.json().code).toBe("FILE_TYPE_NOT_ALLOWED");
    const html = await upload("photo.jpg", Buffer.from("<html><script>alert(1)</script></html>"));
    expect(html.status).toBe(415);
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(1024 * 1024 + 10, 1)]);
    const tooBig = await upload("big.png", big, "image/png");
    expect(tooBig.status).toBe(413);
    const json = await http.send({
      method: "POST",
      url: "/api/events",
      headers: w.users.dispatcher.auth,
      json: { category: "0101", description: "x".repeat(1_100_000) },
    });
    expect(json.status).toBe(413);
  });
});

describe("path traversal", () => {
  it("never serves a file outside the console's folder, nor a stored file by a crafted id", async () => {
    const tries = [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/../../secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/..%5csecret.txt",
      "/assets/....//....//secret.txt",
      "/api/files/..%2f..%2fsecret.txt",
      `/api/files/${"../".repeat(8)}etc/passwd`,
      "/api/registry/templates/..%2f..%2fpackage.json",
      "/docs/static/..%2f..%2f..%2fpackage.json",
    ];
    for (const url of tries) {
      const res = await http.send({ url, headers: w.users.dispatcher.auth });
      expect(res.text, url).not.toContain("TOP-SECRET-OUTSIDE-WEB");
      expect(res.text, url).not.toMatch(/root:x:0:0|"devDependencies"/);
      expect(res.status, url).toBeLessThan(500);
    }
    expect((await http.send({ url: "/assets/app.js" })).text).toBe("console.log(1)");
  });
});

/** Every text value in the database, table by table, scanned for the given strings. */
async function foundAtRest(db: Db, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const t of await tablesInDependencyOrder(db)) {
    const rows = await queryRows<{ r: string }>(
      db,
      sql`select to_jsonb(x)::text as r from ${sql.identifier(t)} x`,
    );
    for (const n of needles) if (rows.some((r) => r.r.includes(n))) hits.push(`${t} holds ${n}`);
  }
  return hits;
}

describe("personal data", () => {
  it("keeps ID numbers, phones and session tokens out of every table (the audit trail included) in clear", async () => {
    const secrets = [...w.a.secrets, ...w.b.secrets];
    expect(secrets.length).toBeGreaterThanOrEqual(12);
    const tokens = Object.values(w.users).map((u) => u.auth.authorization!.slice("Bearer ".length));
    expect(await foundAtRest(env.db, [...secrets, ...tokens])).toEqual([]);
  });

  it(
    "never writes a password, token, API key, ID number or phone to the server's log",
    { timeout: 300_000 },
    async () => {
      const dir = tempDir("pingan-logs-");
      const penv = childEnv(dir, { LOG_LEVEL: "trace" });
      const password = "log-secret-pass-1";
      try {
        expect(
          (
            await runCli(
              [
                "user",
                "add",
                "--username",
                "ops",
                "--name",
                "运维",
                "--role",
                "admin",
                "--password",
                password,
              ],
              penv,
            )
          ).code,
        ).toBe(0);
        const server = await startServer(penv);
        try {
          const h = fetchHttp(server.url);
          const auth = await login(h, "ops", password);
          await h.send({
            method: "POST",
            url: "/api/auth/token",
            json: { username: "ops", password: `${password}-wrong` },
          });
          await h.send({ method: "POST", url: "/api/auth/login", json: { username: "ops", password } });
          const key = await ok(h, {
            method: "POST",
            url: "/api/api-keys",
            headers: auth,
            json: { name: "日志测试" },
          });
          const idNumber = newIdNumber(77_000);
          const phone = newPhone(77_000);
          const tree = await ok(h, {
            method: "POST",
            url: "/api/areas/import?level=street&codeProp=code&nameProp=name",
            headers: auth,
            json: {
              type: "FeatureCollection",
              features: [
                {
                  type: "Feature",
                  properties: { code: "LOGS", name: "日志街道" },
                  geometry: {
                    type: "Polygon",
                    coordinates: [
                      [
                        [120, 30],
                        [120.1, 30],
                        [120.1, 30.1],
                        [120, 30.1],
                        [120, 30],
                      ],
                    ],
                  },
                },
              ],
            },
          });
          expect(tree).toBeDefined();
          const p = await ok(h, {
            method: "POST",
            url: "/api/persons",
            headers: auth,
            json: { name: "日志人员", idNumber, phone, areaCode: "LOGS" },
          });
          await ok(h, {
            method: "POST",
            url: `/api/persons/${p.id}/reveal`,
            headers: auth,
            json: { field: "idNumber", reason: "核实身份信息" },
          });
          await h.send({ url: `/api/persons?q=${idNumber}`, headers: auth });
          await h.send({ url: `/api/persons?q=${phone}`, headers: { authorization: `Bearer ${key.key}` } });
          await h.send({
            method: "POST",
            url: "/api/persons",
            headers: auth,
            json: { name: "日志人员二", idNumber: `${idNumber.slice(0, 17)}X`, phone },
          });
          const token = auth.authorization!.slice("Bearer ".length);
          const apiKey = String(key.key);
          await new Promise((r) => setTimeout(r, 500));
          await stopServer(server, "SIGTERM");
          const out = server.output();
          expect(out.length).toBeGreaterThan(0);
          for (const [what, s] of Object.entries({ password, token, apiKey, idNumber, phone }))
            expect(out.includes(s), `${what} in the log`).toBe(false);
        } finally {
          await stopServer(server, "SIGKILL");
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
