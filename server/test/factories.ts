import { systemActor, type Actor, type Role } from "../src/core/actor";
import type { Ctx } from "../src/core/context";
import * as areasRepo from "../src/modules/areas/areas.repo";
import { createUser } from "../src/modules/users/create-user";
import * as usersRepo from "../src/modules/users/users.repo";
import { departments } from "../src/db/schema";
import type { TestEnv } from "./services";

let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`;

/** An area under a parent (or a root), with a unique code. */
export async function buildArea(
  env: TestEnv,
  o: { level?: string; parent?: areasRepo.AreaRow; code?: string; name?: string } = {},
) {
  const code = o.code ?? unique("A");
  const [row] = await areasRepo.insert(env.db, [
    {
      code,
      parentId: o.parent?.id ?? null,
      name: o.name ?? `区域 ${code}`,
      level: o.level ?? (o.parent ? "grid" : "street"),
      path: areasRepo.childPath(o.parent?.path ?? null, code),
    },
  ]);
  return row!;
}

/** A small tree: a street with two communities, each with two grids. */
export async function buildTree(env: TestEnv) {
  const street = await buildArea(env, { level: "street" });
  const c1 = await buildArea(env, { level: "community", parent: street });
  const c2 = await buildArea(env, { level: "community", parent: street });
  const g11 = await buildArea(env, { level: "grid", parent: c1 });
  const g12 = await buildArea(env, { level: "grid", parent: c1 });
  const g21 = await buildArea(env, { level: "grid", parent: c2 });
  return { street, c1, c2, g11, g12, g21 };
}

export const PASSWORD = "test-pass-123";

export async function buildDepartment(env: TestEnv) {
  const code = unique("D");
  const [row] = await env.db
    .insert(departments)
    .values({ code, name: `部门 ${code}` })
    .returning();
  return row!;
}

/** A user with roles and scopes (area codes); returns the user and the actor they act as. */
export async function buildUser(
  env: TestEnv,
  o: {
    roles?: Role[];
    scopes?: { code: string }[];
    department?: string;
    password?: string;
    username?: string;
  } = {},
): Promise<{ username: string; id: string; actor: Actor; password: string }> {
  const username = o.username ?? unique("u-");
  const password = o.password ?? PASSWORD;
  const view = await env.as(systemActor, (ctx: Ctx) =>
    createUser(ctx, {
      username,
      displayName: `用户 ${username}`,
      password,
      roles: o.roles ?? ["resident"],
      scopeCodes: (o.scopes ?? []).map((s) => s.code),
      department: o.department,
    }),
  );
  const row = (await usersRepo.findById(env.db, view.id))!;
  return { username, id: view.id, actor: await usersRepo.actorFor(env.db, row, "token"), password };
}
