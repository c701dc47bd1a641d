import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../test/services";
import { buildUser, PASSWORD } from "../../test/factories";
import type { FastifyTypebox } from "./types";
import { buildApp } from "./app";
import { consolePolicy } from "./security";

let env: TestEnv;
let app: FastifyTypebox;
let cookie: string;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  const u = await buildUser(env, { roles: ["admin"] });
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: u.username, password: PASSWORD },
    headers: { host: "pingan.example" },
  });
  cookie = String(res.headers["set-cookie"]).split(";")[0]!;
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("cross-site request forgery", () => {
  const change = (headers: Record<string, string>) =>
    app.inject({
      method: "POST",
      url: "/api/api-keys",
      payload: { name: "k" },
      headers: { host: "pingan.example", cookie, ...headers },
    });

  it("refuses a change made with the session cookie from another site", async () => {
    const res = await change({ origin: "https://evil.example" });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("CSRF_REJECTED");
    expect((await change({ referer: "https://evil.example/page" })).statusCode).toBe(403);
  });

  it("accepts it from this site, and does not apply to bearer tokens or reads", async () => {
    expect((await change({ origin: "http://pingan.example" })).statusCode).toBe(201);
    expect(
      (
        await app.inject({
          url: "/api/me",
          headers: { host: "pingan.example", cookie, origin: "https://evil.example" },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe("security headers", () => {
  it("sends nosniff, frame denial and a referrer policy on API answers", async () => {
    const res = await app.inject({ url: "/api/health" });
    expect(res.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "same-origin",
    });
  });

  it("gives the console's pages a CSP that allows only this site and the configured basemap", async () => {
    const dist = path.join(env.dir, "web");
    fs.mkdirSync(dist, { recursive: true });
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>平安</title>");
    const withConsole = await buildApp(
      { ...env, config: { ...env.config, webDist: dist } },
      { logger: false },
    );
    try {
      const page = await withConsole.inject({ url: "/dispatch" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    } finally {
      await withConsole.close();
    }
    const policy = consolePolicy({
      basemap: {
        tiles: ["https://t1.example.cn/{z}/{x}/{y}.png"],
        crs: "gcj02",
        attribution: "",
        maxZoom: 18,
      },
    });
    expect(policy).toContain("connect-src 'self' https://t1.example.cn");
  });
});
