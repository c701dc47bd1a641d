import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let admin: Record<string, string>;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  admin = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("registry code tables and record history", () => {
  it("serves the code tables with their sources to staff, not to residents", async () => {
    const res = await app.inject({ url: "/api/registry/codes", headers: admin });
    expect(res.statusCode).toBe(200);
    const ethnicity = res.json().items.find((t: { id: string }) => t.id === "ethnicity");
    expect(ethnicity.source).toMatch(/GB\/T 3304/);
    expect(ethnicity.entries.find((e: { code: string }) => e.code === "01").zh).toBe("汉族");
    const resident = await bearer(
      app,
      (await buildUser(env, { roles: ["resident"], scopes: [tree.g11] })).username,
    );
    expect((await app.inject({ url: "/api/registry/codes", headers: resident })).statusCode).toBe(403);
  });

  it("shows a place's history in scope and answers 404 outside it", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/places",
      headers: admin,
      payload: { name: "平安小吃店", kind: "restaurant", areaCode: tree.g11.code },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const own = await bearer(
      app,
      (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] })).username,
    );
    const other = await bearer(
      app,
      (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g21] })).username,
    );
    const history = await app.inject({ url: `/api/places/${id}/history`, headers: own });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((c: { action: string }) => c.action)).toContain("created");
    expect((await app.inject({ url: `/api/places/${id}/history`, headers: other })).statusCode).toBe(404);
  });
});
