import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildDepartment, buildTree, buildUser, PASSWORD } from "../../../test/factories";
import { ROLES, type Role } from "../../core/actor";
import { departments } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;

async function tokenFor(username: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/token",
    payload: { username, password: PASSWORD },
  });
  return { authorization: `Bearer ${res.json().token}` };
}

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const STAFF: Role[] = [
  "admin",
  "leader",
  "dispatcher",
  "grid_worker",
  "department_handler",
  "mediator",
  "police",
];

describe("departments", () => {
  it("a staff user lists every department with code, name and kind, ordered by name", async () => {
    // name, code and insertion orders all differ, so only ordering by name passes
    const prefix = `部门 ${Date.now().toString(36)}`;
    await env.db.insert(departments).values([
      { code: `${prefix}-x`, name: `${prefix} 3`, kind: "station" },
      { code: `${prefix}-z`, name: `${prefix} 1` },
      { code: `${prefix}-y`, name: `${prefix} 2`, kind: "team" },
    ]);
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const res = await app.inject({ url: "/api/departments", headers: await tokenFor(grid.username) });
    expect(res.statusCode).toBe(200);
    const items: { id: string; code: string; name: string; kind: string }[] = res.json().items;
    const mine = items.filter((d) => d.name.startsWith(prefix));
    for (const d of mine) expect(d.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine.map(({ id: _id, ...d }) => d)).toEqual([
      { code: `${prefix}-z`, name: `${prefix} 1`, kind: "department" },
      { code: `${prefix}-y`, name: `${prefix} 2`, kind: "team" },
      { code: `${prefix}-x`, name: `${prefix} 3`, kind: "station" },
    ]);
  });

  it("every staff role may list departments; residents and volunteers get 403", async () => {
    for (const role of ROLES) {
      const u = await buildUser(env, {
        roles: [role],
        scopes: [tree.g11],
        department: role === "department_handler" ? (await buildDepartment(env)).code : undefined,
      });
      const res = await app.inject({ url: "/api/departments", headers: await tokenFor(u.username) });
      expect([role, res.statusCode]).toEqual([role, STAFF.includes(role) ? 200 : 403]);
    }
  });

  it("answers 401 without login", async () => {
    const res = await app.inject({ url: "/api/departments" });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("AUTH_REQUIRED");
  });
});
