import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildArea, buildTree, buildUser, PASSWORD } from "../../../test/factories";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { registerHandoverStep } from "./handover-steps";

let env: TestEnv;
let app: FastifyTypebox;
let admin: Record<string, string>;

async function tokenFor(username: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/token",
    payload: { username, password: PASSWORD },
  });
  return { authorization: `Bearer ${res.json().token}` };
}
const handover = (fromId: string, payload: object, headers = admin) =>
  app.inject({ method: "POST", url: `/api/users/${fromId}/handover`, payload, headers });
const addMember = async (grid: { code: string }, payload: object) => {
  const res = await app.inject({
    method: "POST",
    url: `/api/areas/${grid.code}/team`,
    payload,
    headers: admin,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
};
const scopesOf = async (userId: string) =>
  (
    await queryRows<{ code: string }>(
      env.db,
      sql`select a.code from user_scopes s join areas a on a.id = s.area_id where s.user_id = ${userId} order by a.code`,
    )
  ).map((r) => r.code);
const member = async (id: string) =>
  (
    await queryRows<{
      user_id: string;
      name: string;
      phone_enc: string | null;
      substitute_id: string | null;
    }>(env.db, sql`select user_id, name, phone_enc, substitute_id from grid_team_members where id = ${id}`)
  )[0];
const handoverAudits = (userId: string) =>
  queryRows<{ changes: Record<string, { after: any }> }>(
    env.db,
    sql`select changes from audit_log where action = 'user.handed_over' and subject_id = ${userId} order by id`,
  );

/** Moves a grid worker off to a new grid: two grids covered and served, and a colleague to take them. */
async function scene() {
  const tree = await buildTree(env);
  const leaving = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11, tree.g12] });
  const taking = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g21] });
  const m11 = await addMember(tree.g11, {
    name: "离任者",
    teamRole: "grid_worker",
    username: leaving.username,
    phone: "13812345678",
  });
  const m12 = await addMember(tree.g12, {
    name: "离任者",
    teamRole: "grid_worker",
    username: leaving.username,
  });
  return { tree, leaving, taking, m11, m12 };
}

let failNext = false;
registerHandoverStep({
  name: "testItems",
  async run(_ctx, h) {
    if (failNext) throw new Error("a later module's step failed");
    return h.areas.map((a) => `item-in-${a.code}`);
  },
});

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  admin = await tokenFor((await buildUser(env, { roles: ["admin"] })).username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("handing over a user's grids", () => {
  it("moves every scope and team place to the other user in one step, with one audit record", async () => {
    const { tree, leaving, taking, m11, m12 } = await scene();
    const res = await handover(leaving.id, { toUsername: taking.username });
    expect(res.statusCode).toBe(200);
    const areas = [tree.g11.code, tree.g12.code].sort();
    expect(res.json()).toEqual({
      from: leaving.username,
      to: taking.username,
      areas,
      moved: {
        scopes: [tree.g11.code, tree.g12.code],
        teamMemberships: expect.arrayContaining([
          { id: m11.id, grid: tree.g11.code, teamRole: "grid_worker" },
          { id: m12.id, grid: tree.g12.code, teamRole: "grid_worker" },
        ]),
        testItems: expect.arrayContaining(areas.map((c) => `item-in-${c}`)),
      },
    });
    expect(await scopesOf(leaving.id)).toEqual([]);
    expect(await scopesOf(taking.id)).toEqual([tree.g11.code, tree.g12.code, tree.g21.code].sort());
    const moved = await member(m11.id);
    expect(moved).toMatchObject({ user_id: taking.id, name: `用户 ${taking.username}`, phone_enc: null });
    expect((await member(m12.id))!.user_id).toBe(taking.id);

    const audits = await handoverAudits(leaving.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.changes.to!.after).toBe(taking.username);
    expect(audits[0]!.changes.everything!.after).toBe(true);
    expect(audits[0]!.changes.moved!.after.scopes).toEqual([tree.g11.code, tree.g12.code]);
    expect(audits[0]!.changes.moved!.after.teamMemberships).toHaveLength(2);

    const team = await app.inject({
      url: `/api/areas/${tree.g11.code}/team`,
      headers: await tokenFor(taking.username),
    });
    expect(team.statusCode).toBe(200); // the new scope is in force at once
    expect(team.json().members).toEqual([expect.objectContaining({ id: m11.id, username: taking.username })]);
    const old = await app.inject({
      url: `/api/areas/${tree.g11.code}/team`,
      headers: await tokenFor(leaving.username),
    });
    expect(old.statusCode).toBe(404);
  });

  it("moves only the listed grids, and merges a team place the other user already holds", async () => {
    const { tree, leaving, taking, m11, m12 } = await scene();
    const theirs = await addMember(tree.g12, {
      name: "接任者",
      teamRole: "grid_worker",
      username: taking.username,
    });
    const helper = await addMember(tree.g12, { name: "帮手", teamRole: "volunteer", substituteId: m12.id });
    const res = await handover(leaving.id, { toUsername: taking.username, gridCodes: [tree.g12.code] });
    expect(res.statusCode).toBe(200);
    expect(res.json().moved).toEqual({
      scopes: [tree.g12.code],
      teamMemberships: [{ id: m12.id, grid: tree.g12.code, teamRole: "grid_worker", mergedInto: theirs.id }],
      testItems: [`item-in-${tree.g12.code}`],
    });
    expect(await scopesOf(leaving.id)).toEqual([tree.g11.code]);
    expect(await scopesOf(taking.id)).toEqual([tree.g12.code, tree.g21.code].sort());
    expect(await member(m12.id)).toBeUndefined();
    expect((await member(helper.id))!.substitute_id).toBe(theirs.id);
    expect((await member(m11.id))!.user_id).toBe(leaving.id);
    const [audit] = await handoverAudits(leaving.id);
    expect(audit!.changes.areas!.after).toEqual([tree.g12.code]);
    expect(audit!.changes.everything!.after).toBe(false);
  });

  it("moves a team place in a grid the user serves but does not cover", async () => {
    const { tree, leaving, taking } = await scene();
    const extra = await buildArea(env, { level: "grid", parent: tree.c2 });
    const place = await addMember(extra, {
      name: "离任者",
      teamRole: "volunteer",
      username: leaving.username,
    });
    const res = await handover(leaving.id, { toUsername: taking.username, gridCodes: [extra.code] });
    expect(res.json().moved).toMatchObject({
      scopes: [],
      teamMemberships: [{ id: place.id, grid: extra.code }],
    });
    expect(await scopesOf(leaving.id)).toEqual([tree.g11.code, tree.g12.code].sort());
  });

  it("is all or nothing: when any step fails nothing moves and nothing is recorded", async () => {
    const { tree, leaving, taking, m11 } = await scene();
    failNext = true;
    try {
      expect((await handover(leaving.id, { toUsername: taking.username })).statusCode).toBe(500);
    } finally {
      failNext = false;
    }
    expect(await scopesOf(leaving.id)).toEqual([tree.g11.code, tree.g12.code].sort());
    expect((await member(m11.id))!.user_id).toBe(leaving.id);
    expect(await handoverAudits(leaving.id)).toHaveLength(0);
  });

  it("refuses: grids the user does not hold, an unknown or same target (422), an unknown user (404), non-admins (403)", async () => {
    const { tree, leaving, taking } = await scene();
    const notHeld = await handover(leaving.id, { toUsername: taking.username, gridCodes: [tree.g21.code] });
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json()).toMatchObject({ code: "HANDOVER_NOT_HELD", codes: [tree.g21.code] });
    expect((await handover(leaving.id, { toUsername: "nobody-at-all" })).json().code).toBe("UNKNOWN_USER");
    expect((await handover(leaving.id, { toUsername: leaving.username })).json().code).toBe(
      "HANDOVER_SAME_USER",
    );
    expect((await handover(crypto.randomUUID(), { toUsername: taking.username })).statusCode).toBe(404);
    expect((await handover(leaving.id, {})).statusCode).toBe(400);
    const leader = await buildUser(env, { roles: ["leader"], scopes: [tree.street] });
    expect(
      (await handover(leaving.id, { toUsername: taking.username }, await tokenFor(leader.username)))
        .statusCode,
    ).toBe(403);
    const localAdmin = await buildUser(env, { roles: ["admin"], scopes: [tree.c2] });
    const outside = await handover(
      leaving.id,
      { toUsername: taking.username },
      await tokenFor(localAdmin.username),
    );
    expect(outside.statusCode).toBe(404);
    expect(await scopesOf(leaving.id)).toEqual([tree.g11.code, tree.g12.code].sort());
    expect(await handoverAudits(leaving.id)).toHaveLength(0);
  });

  it("never leaves an administrator without any area, which would widen them to every area", async () => {
    const tree = await buildTree(env);
    const areaAdmin = await buildUser(env, { roles: ["admin"], scopes: [tree.c1] });
    const other = await buildUser(env, { roles: ["admin"], scopes: [tree.c2] });
    const res = await handover(areaAdmin.id, { toUsername: other.username });
    expect(res.json().code).toBe("HANDOVER_WOULD_WIDEN_ADMIN");
    expect(await scopesOf(areaAdmin.id)).toEqual([tree.c1.code]);
  });
});
