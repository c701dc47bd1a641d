import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildDepartment, buildTree, buildUser, PASSWORD } from "../../../test/factories";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let adminAuth: Record<string, string>;

async function tokenFor(username: string, password = PASSWORD) {
  const res = await app.inject({ method: "POST", url: "/api/auth/token", payload: { username, password } });
  return { authorization: `Bearer ${res.json().token}` };
}

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  const admin = await buildUser(env, { roles: ["admin"], scopes: [tree.street] });
  adminAuth = await tokenFor(admin.username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const create = (payload: object, headers = adminAuth) =>
  app.inject({ method: "POST", url: "/api/users", payload, headers });

describe("user administration", () => {
  it("creates a grid worker serving two grids, audited without the password", async () => {
    const res = await create({
      username: "wangfang",
      displayName: "王芳",
      password: "grid-worker-1",
      roles: ["grid_worker"],
      scopeCodes: [tree.g11.code, tree.g21.code],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: "wangfang",
      roles: ["grid_worker"],
      scopes: [{ code: tree.g11.code }, { code: tree.g21.code }],
      disabled: false,
    });
    expect(JSON.stringify(user)).not.toContain("password");
    const audit = await queryRows<{ changes: Record<string, unknown>; actor_role: string }>(
      env.db,
      sql`select changes, actor_role from audit_log where action = 'user.created' and subject_id = ${user.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes.password).toEqual({ changed: true });
    expect(audit[0]!.actor_role).toBe("admin");
    expect(JSON.stringify(audit[0]!.changes)).not.toContain("grid-worker-1");
    expect(
      (await app.inject({ url: "/api/me", headers: await tokenFor("wangfang", "grid-worker-1") })).json()
        .scopes,
    ).toHaveLength(2);
  });

  it("refuses a taken username (409), staff without scope (422), an area outside the admin's scope (422)", async () => {
    await create({ username: "dup-user", displayName: "A", password: "long-enough-1", roles: ["resident"] });
    const dup = await create({
      username: "DUP-user",
      displayName: "B",
      password: "long-enough-1",
      roles: ["resident"],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "USER_EXISTS", field: "username" });
    const noScope = await create({
      username: "noscope",
      displayName: "C",
      password: "long-enough-1",
      roles: ["dispatcher"],
    });
    expect(noScope.statusCode).toBe(422);
    expect(noScope.json()).toMatchObject({ code: "SCOPE_REQUIRED", field: "scopeCodes" });
    const other = await buildTree(env);
    const outside = await create({
      username: "outside",
      displayName: "D",
      password: "long-enough-1",
      roles: ["dispatcher"],
      scopeCodes: [other.street.code],
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe("UNKNOWN_AREA");
    const noDept = await create({
      username: "nodept",
      displayName: "E",
      password: "long-enough-1",
      roles: ["department_handler"],
      scopeCodes: [tree.street.code],
    });
    expect(noDept.json().code).toBe("DEPARTMENT_REQUIRED");
    const rows = await queryRows(
      env.db,
      sql`select 1 from users where username in ('noscope', 'outside', 'nodept')`,
    );
    expect(rows).toHaveLength(0);
  });

  it("creates a department handler with its department, shown by name and code", async () => {
    const dept = await buildDepartment(env);
    const res = await create({
      username: "handler-1",
      displayName: "张伟",
      password: "long-enough-1",
      roles: ["department_handler"],
      scopeCodes: [tree.street.code],
      department: dept.code,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ department: dept.name, departmentCode: dept.code });
    // the code it shows is the one update takes: moving the handler to another department
    const other = await buildDepartment(env);
    const moved = await app.inject({
      method: "PATCH",
      url: `/api/users/${res.json().id}`,
      payload: { department: other.code },
      headers: adminAuth,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ department: other.name, departmentCode: other.code });
    const worker = await create({
      username: "no-dept-1",
      displayName: "李娜",
      password: "long-enough-1",
      roles: ["grid_worker"],
      scopeCodes: [tree.g11.code],
    });
    expect(worker.json()).toMatchObject({ department: null, departmentCode: null });
  });

  it("edits roles and scopes, keeping before and after in the audit trail", async () => {
    const u = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const res = await app.inject({
      method: "PATCH",
      url: `/api/users/${u.id}`,
      payload: { roles: ["grid_worker", "mediator"], scopeCodes: [tree.c1.code] },
      headers: adminAuth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      roles: ["grid_worker", "mediator"],
      scopes: [{ code: tree.c1.code }],
    });
    const [row] = await queryRows<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      env.db,
      sql`select changes from audit_log where action = 'user.updated' and subject_id = ${u.id}`,
    );
    expect(row!.changes.roles).toEqual({ before: ["grid_worker"], after: ["grid_worker", "mediator"] });
    expect(row!.changes.scopes!.before).toEqual([expect.objectContaining({ code: tree.g11.code })]);
  });

  it("lists accounts for admins only", async () => {
    const list = await app.inject({ url: "/api/users?pageSize=200", headers: adminAuth });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(1);
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    expect((await app.inject({ url: "/api/users", headers: await tokenFor(grid.username) })).statusCode).toBe(
      403,
    );
    expect(
      (
        await create(
          { username: "x1", displayName: "x", password: "long-enough-1", roles: ["resident"] },
          await tokenFor(grid.username),
        )
      ).statusCode,
    ).toBe(403);
  });

  it("answers 404 for an unknown user id and 400 for a malformed one", async () => {
    const unknown = await app.inject({
      method: "PATCH",
      url: "/api/users/00000000-0000-4000-8000-000000000000",
      payload: { displayName: "x" },
      headers: adminAuth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("NOT_FOUND");
    const bad = await app.inject({
      method: "PATCH",
      url: "/api/users/not-a-uuid",
      payload: { displayName: "x" },
      headers: adminAuth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe("id");
  });
});
