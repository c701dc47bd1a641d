import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildTree, buildUser, PASSWORD } from "../../../test/factories";
import type { Role } from "../../core/actor";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let admin: Record<string, string>;

async function tokenFor(username: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/token",
    payload: { username, password: PASSWORD },
  });
  return { authorization: `Bearer ${res.json().token}` };
}
const as = async (roles: Role[], scopes: { code: string }[] = [tree.street]) =>
  tokenFor((await buildUser(env, { roles, scopes })).username);

const teamUrl = (grid: { code: string }, id?: string, tail = "") =>
  `/api/areas/${grid.code}/team${id ? `/${id}` : ""}${tail}`;
const add = (grid: { code: string }, payload: object, headers = admin) =>
  app.inject({ method: "POST", url: teamUrl(grid), payload, headers });
const patch = (grid: { code: string }, id: string, payload: object, headers = admin) =>
  app.inject({ method: "PATCH", url: teamUrl(grid, id), payload, headers });
const reveal = (grid: { code: string }, id: string, reason: string, headers = admin) =>
  app.inject({ method: "POST", url: teamUrl(grid, id, "/reveal-phone"), payload: { reason }, headers });

type AuditRow = {
  changes: Record<string, Record<string, unknown>>;
  reason: string | null;
  actor_name: string;
};
const auditOf = (action: string, id: string) =>
  queryRows<AuditRow>(
    env.db,
    sql`select changes, reason, actor_name from audit_log where action = ${action} and subject_id = ${id} order by id`,
  );

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  admin = await tokenFor((await buildUser(env, { roles: ["admin"] })).username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("a grid's team", () => {
  it("adds a member with an encrypted phone, shows it masked, and audits only a digest of it", async () => {
    const worker = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const res = await add(tree.g11, {
      name: "王芳",
      teamRole: "grid_worker",
      username: worker.username,
      phone: "138 1234 5678",
      duty: "周一至周五 8:30–17:30",
      activeFrom: "2024-01-01",
    });
    expect(res.statusCode).toBe(201);
    const member = res.json();
    expect(member).toEqual({
      id: expect.any(String),
      name: "王芳",
      teamRole: "grid_worker",
      teamRoleName: { zh: "专职网格员", en: "Full-time grid worker" },
      username: worker.username,
      phone: "138****5678",
      duty: "周一至周五 8:30–17:30",
      substitute: null,
      activeFrom: "2024-01-01",
      activeTo: null,
    });
    const stored = await queryRows<{ phone_enc: string }>(
      env.db,
      sql`select phone_enc from grid_team_members where id = ${member.id}`,
    );
    expect(stored[0]!.phone_enc).not.toContain("5678");
    expect(env.keyring.decrypt(stored[0]!.phone_enc)).toBe("13812345678");
    const [audit] = await auditOf("team.member_added", member.id);
    expect(audit!.changes.phone).toEqual({ changed: true, digest: expect.any(String) });
    expect(audit!.changes.grid).toEqual({ before: null, after: tree.g11.code });
    expect(audit!.changes.teamRole).toEqual({ before: null, after: "grid_worker" });
    expect(JSON.stringify(audit)).not.toContain("12345678");

    const team = await app.inject({ url: teamUrl(tree.g11), headers: await tokenFor(worker.username) });
    expect(team.statusCode).toBe(200);
    expect(team.json().area).toEqual({ code: tree.g11.code, name: tree.g11.name });
    expect(team.json().members).toContainEqual(member);
    expect(team.json().can).toEqual({ manage: false, revealPhone: false });
    expect(JSON.stringify(team.json())).not.toContain("12345678");
  });

  it("lets one person serve several grids, and lists a team in the order of the roles", async () => {
    const cop = await buildUser(env, { roles: ["police"], scopes: [tree.street] });
    for (const grid of [tree.g12, tree.g21])
      expect(
        (await add(grid, { name: "李警官", teamRole: "police", username: cop.username })).statusCode,
      ).toBe(201);
    await add(tree.g12, { name: "赵志愿", teamRole: "volunteer" });
    await add(tree.g12, { name: "钱网格", teamRole: "grid_worker" });
    const team = await app.inject({ url: teamUrl(tree.g12), headers: admin });
    expect(team.json().members.map((m: { teamRole: string }) => m.teamRole)).toEqual([
      "grid_worker",
      "police",
      "volunteer",
    ]);
    const g21 = await app.inject({ url: teamUrl(tree.g21), headers: admin });
    expect(g21.json().members).toEqual([expect.objectContaining({ name: "李警官", username: cop.username })]);
  });

  it("shows a grid worker only their own grid's team: 404 for another, like a missing one", async () => {
    const worker = await as(["grid_worker"], [tree.g11]);
    const other = await app.inject({ url: teamUrl(tree.g12), headers: worker });
    const missing = await app.inject({ url: "/api/areas/NO-SUCH-GRID/team", headers: worker });
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json().message).toEqual(missing.json().message);
    expect(
      (await app.inject({ url: teamUrl(tree.g11), headers: await as(["resident"], [tree.g11]) })).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: teamUrl(tree.c1), headers: admin })).json().code).toBe("GRID_REQUIRED");
  });

  it("lists the team roles as data", async () => {
    const res = await app.inject({ url: "/api/team-roles", headers: await as(["grid_worker"], [tree.g11]) });
    expect(res.json().items).toHaveLength(9);
    expect(res.json().items).toContainEqual({ code: "building_head", zh: "楼长", en: "Building head" });
  });
});

describe("changing a team", () => {
  it("refuses bad input: 400 on the schema, 422 on phone, user, substitute, dates and level", async () => {
    const other = (await add(tree.g21, { name: "别处", teamRole: "volunteer" })).json();
    const cases: [object, number, string][] = [
      [{ teamRole: "volunteer" }, 400, "VALIDATION_FAILED"],
      [{ name: "甲", teamRole: "captain" }, 400, "VALIDATION_FAILED"],
      [{ name: "甲", teamRole: "volunteer", extra: 1 }, 400, "VALIDATION_FAILED"],
      [{ name: "甲", teamRole: "volunteer", phone: "12812345678" }, 422, "PHONE_INVALID"],
      [{ name: "甲", teamRole: "volunteer", phone: "555-1234" }, 422, "PHONE_INVALID"],
      [{ name: "甲", teamRole: "volunteer", username: "no-such-user" }, 422, "UNKNOWN_USER"],
      [{ name: "甲", teamRole: "volunteer", substituteId: other.id }, 422, "SUBSTITUTE_INVALID"],
      [
        { name: "甲", teamRole: "volunteer", activeFrom: "2024-05-01", activeTo: "2024-04-30" },
        422,
        "DATES_INVALID",
      ],
      [{ name: "甲", teamRole: "volunteer", activeFrom: "2024-13-01" }, 400, "VALIDATION_FAILED"],
    ];
    for (const [payload, status, code] of cases) {
      const res = await add(tree.g11, payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([status, code]);
    }
    expect((await add(tree.c1, { name: "甲", teamRole: "volunteer" })).json().code).toBe("GRID_REQUIRED");
    const rows = await queryRows(env.db, sql`select 1 from grid_team_members where name = '甲'`);
    expect(rows).toHaveLength(0);
  });

  it("lets dispatchers and leaders in scope manage a team, not grid workers (403) nor others' dispatchers (404)", async () => {
    const payload = { name: "孙楼长", teamRole: "building_head", phone: "0574-87651234" };
    expect((await add(tree.g11, payload, await as(["dispatcher"], [tree.c1]))).statusCode).toBe(201);
    expect((await add(tree.g11, payload, await as(["leader"], [tree.street]))).statusCode).toBe(201);
    expect((await add(tree.g11, payload, await as(["grid_worker"], [tree.g11]))).statusCode).toBe(403);
    expect((await add(tree.g11, payload, await as(["dispatcher"], [tree.c2]))).statusCode).toBe(404);
    expect((await add(tree.g11, payload, await as(["police"], [tree.street]))).statusCode).toBe(403);
  });

  it("updates fields, sets a substitute, clears a phone, and audits each change", async () => {
    const a = (await add(tree.g12, { name: "周执法", teamRole: "enforcement", phone: "13900001111" })).json();
    const b = (await add(tree.g12, { name: "吴辅警", teamRole: "auxiliary_police" })).json();
    const res = await patch(tree.g12, a.id, { duty: "每周二巡查", substituteId: b.id, phone: "13900002222" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      duty: "每周二巡查",
      substitute: { id: b.id, name: "吴辅警" },
      phone: "139****2222",
    });
    const [audit] = await auditOf("team.member_updated", a.id);
    expect(audit!.changes.duty).toEqual({ before: null, after: "每周二巡查" });
    expect(audit!.changes.substituteId).toEqual({ before: null, after: b.id });
    expect(audit!.changes.phone).toEqual({ changed: true, digest: expect.any(String) });
    expect(audit!.changes.name).toBeUndefined();
    expect(JSON.stringify(audit)).not.toContain("13900002222");

    const cleared = await patch(tree.g12, a.id, { phone: null, substituteId: null, name: "周执法员" });
    expect(cleared.json()).toMatchObject({ phone: null, substitute: null, name: "周执法员" });
    const [, second] = await auditOf("team.member_updated", a.id);
    expect(second!.changes.name).toEqual({ before: "周执法", after: "周执法员" });
    expect(second!.changes.phone).toEqual({ changed: true, digest: expect.any(String) });

    expect((await patch(tree.g12, a.id, { substituteId: a.id })).json().code).toBe("SUBSTITUTE_INVALID");
    expect((await patch(tree.g11, a.id, { duty: "x" })).statusCode).toBe(404); // the id is another grid's
    expect(
      (await patch(tree.g12, a.id, { activeFrom: "2025-01-02", activeTo: "2025-01-01" })).statusCode,
    ).toBe(422);
  });

  it("removes a member; whoever they stood in for loses the substitute; the record keeps both", async () => {
    const sub = (await add(tree.g21, { name: "郑物业", teamRole: "property_staff" })).json();
    const main = (
      await add(tree.g21, { name: "王消防", teamRole: "fire_station", substituteId: sub.id })
    ).json();
    const res = await app.inject({ method: "DELETE", url: teamUrl(tree.g21, sub.id), headers: admin });
    expect(res.statusCode).toBe(204);
    const team = (await app.inject({ url: teamUrl(tree.g21), headers: admin })).json();
    expect(team.members.find((m: { id: string }) => m.id === sub.id)).toBeUndefined();
    expect(team.members.find((m: { id: string }) => m.id === main.id).substitute).toBeNull();
    const [audit] = await auditOf("team.member_removed", sub.id);
    expect(audit!.changes.name).toEqual({ before: "郑物业", after: null });
    expect(audit!.changes.substituteFor).toEqual({ before: [main.id], after: null });
    expect(
      (await app.inject({ method: "DELETE", url: teamUrl(tree.g21, sub.id), headers: admin })).statusCode,
    ).toBe(404);
  });
});

describe("revealing a phone", () => {
  it("shows the phone in clear to a dispatcher in scope, audited with the reason", async () => {
    const m = (
      await add(tree.g11, { name: "冯社区", teamRole: "community_official", phone: "13712345678" })
    ).json();
    const dispatcher = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.c1] });
    const res = await reveal(tree.g11, m.id, "联系处置 12345 工单", await tokenFor(dispatcher.username));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: "13712345678" });
    const audits = await auditOf("team.phone_revealed", m.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.reason).toBe("联系处置 12345 工单");
    expect(audits[0]!.actor_name).toBe(dispatcher.username);
    expect(JSON.stringify(audits[0]!.changes)).not.toContain("13712345678");
  });

  it("needs a reason of 5–200 characters, and is refused to grid workers (403) and to police elsewhere (404)", async () => {
    const m = (
      await add(tree.g11, { name: "陈辅警", teamRole: "auxiliary_police", phone: "13612345678" })
    ).json();
    expect((await reveal(tree.g11, m.id, "急")).statusCode).toBe(400);
    expect((await reveal(tree.g11, m.id, "x".repeat(201))).statusCode).toBe(400);
    const blank = await reveal(tree.g11, m.id, "      ");
    expect([blank.statusCode, blank.json().code]).toEqual([400, "REASON_REQUIRED"]);
    expect(
      (await reveal(tree.g11, m.id, "想看一下号码", await as(["grid_worker"], [tree.g11]))).statusCode,
    ).toBe(403);
    expect((await reveal(tree.g11, m.id, "想看一下号码", await as(["police"], [tree.c2]))).statusCode).toBe(
      404,
    );
    const police = await reveal(tree.g11, m.id, "警情需联系网格", await as(["police"], [tree.c1]));
    expect(police.json()).toEqual({ phone: "13612345678" });
    expect(await auditOf("team.phone_revealed", m.id)).toHaveLength(1);
  });
});
