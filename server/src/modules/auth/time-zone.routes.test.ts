import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildTree, buildUser, PASSWORD } from "../../../test/factories";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;

// a zone other than the default, so the answers must come from configuration
beforeAll(async () => {
  env = await testEnv({ PINGAN_TIMEZONE: "Europe/Berlin" });
  app = await testApp(env);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("the deployment's time zone", () => {
  it("is in the health answer, without login", async () => {
    const res = await app.inject({ url: "/api/health" });
    expect(res.json()).toMatchObject({ status: "ok", timeZone: "Europe/Berlin" });
  });

  it("is in /api/me and in the login answer", async () => {
    const tree = await buildTree(env);
    const u = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: PASSWORD },
    });
    expect(login.json().timeZone).toBe("Europe/Berlin");
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const me = await app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { username: u.username }, timeZone: "Europe/Berlin" });
  });
});
