import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArea, buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { Role } from "../../core/actor";
import { queryRows } from "../../db/database";
import { persons } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";
import { sealPhone } from "./sensitive";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let admin: Record<string, string>;
let worker11: Record<string, string>;
let worker21: Record<string, string>;

/** The tests' today: 15 June 2025 (noon in Shanghai). */
const NOW = new Date("2025-06-15T04:00:00Z");

const user = (roles: Role[], scopes: { code: string }[]) => buildUser(env, { roles, scopes });
const post = (url: string, payload: object, headers = admin) =>
  app.inject({ method: "POST", url, payload, headers });
const get = (url: string, headers = admin) => app.inject({ url, headers });

const auditRows = (action: string, id?: string) =>
  queryRows<{ actor_name: string; reason: string | null; changes: Record<string, unknown> | null }>(
    env.db,
    id
      ? sql`select actor_name, reason, changes from audit_log where action = ${action} and subject_id = ${id} order by id`
      : sql`select actor_name, reason, changes from audit_log where action = ${action} order by id`,
  );

async function person(name: string, area: { id: string; path: string }, birthDate = "1990-05-01") {
  const p = sealPhone(env.keyring, "13812345678");
  const [row] = await env.db
    .insert(persons)
    .values({
      name,
      idMasked: "330212********1234",
      idTail: "1234",
      phoneEnc: p.enc,
      phoneMasked: p.masked,
      birthDate,
      areaId: area.id,
      areaPath: area.path,
    })
    .returning();
  return row!;
}

const mental = {
  riskGrade: "03",
  diagnosis: "01",
  treatment: "02",
  guardianName: "张母",
  guardianPhone: "13900001234",
};

async function register(personId: string, o: Record<string, unknown> = {}, headers = admin) {
  const res = await post(
    "/api/key-persons",
    {
      personId,
      category: "03",
      attentionLevel: "01",
      details: mental,
      startedOn: "2025-01-10",
      visitIntervalDays: 14,
      ...o,
    },
    headers,
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

beforeAll(async () => {
  env = await testEnv();
  await env.clock.set(NOW);
  app = await testApp(env);
  tree = await buildTree(env);
  admin = await bearer(app, (await user(["admin"], [])).username);
  worker11 = await bearer(app, (await user(["grid_worker"], [tree.g11])).username);
  worker21 = await bearer(app, (await user(["grid_worker"], [tree.g21])).username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("registering a key person", () => {
  it("checks the category's details as data: unknown fields and bad codes name their field", async () => {
    const p = await person("张三", tree.g11);
    const body = {
      personId: p.id,
      category: "03",
      attentionLevel: "01",
      startedOn: "2025-01-10",
      visitIntervalDays: 14,
    };
    const unknown = await post(
      "/api/key-persons",
      { ...body, details: { ...mental, shoeSize: 42 } },
      worker11,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: "UNKNOWN_FIELD", field: "details.shoeSize" });
    expect(unknown.json().message.en).toContain("shoeSize");
    const badCode = await post(
      "/api/key-persons",
      { ...body, details: { ...mental, riskGrade: "09" } },
      worker11,
    );
    expect(badCode.json()).toMatchObject({ code: "UNKNOWN_CODE", field: "details.riskGrade" });
    const missing = await post("/api/key-persons", { ...body, details: { diagnosis: "01" } }, worker11);
    expect(missing.json()).toMatchObject({ code: "REQUIRED", field: "details.riskGrade" });
    const corrections = await post(
      "/api/key-persons",
      {
        ...body,
        category: "02",
        details: { correctionType: "02", correctionStart: "2025-01-01", correctionEnd: "2024-12-01" },
      },
      worker11,
    );
    expect(corrections.json()).toMatchObject({ code: "END_BEFORE_START", field: "details.correctionEnd" });
  });

  it("keeps the details sensitive: the guardian's phone sealed and masked, history only 'changed'", async () => {
    const p = await person("李四", tree.g11);
    const kp = await register(p.id, {}, worker11);
    expect(kp).toMatchObject({
      category: "03",
      attentionLevel: "01",
      person: { name: "李四", idMasked: "330212********1234" },
      details: { riskGrade: "03", guardianName: "张母", guardianPhone: "139****1234" },
      nextVisitOn: "2025-06-29",
    });
    const stored = await queryRows<{ details: { guardianPhone: { enc: string } } }>(
      env.db,
      sql`select details from key_persons where id = ${kp.id}`,
    );
    expect(env.keyring.decrypt(stored[0]!.details.guardianPhone.enc)).toBe("13900001234");
    const [change] = await queryRows<{ after: Record<string, unknown> }>(
      env.db,
      sql`select after from registry_changes where subject_id = ${kp.id}`,
    );
    expect(change!.after.details).toEqual({ changed: true });
    const [audit] = await auditRows("key_person.created", kp.id);
    expect(JSON.stringify(audit)).not.toContain("张母");
    expect(JSON.stringify(audit)).not.toContain("13900001234");
    const again = await post(
      "/api/key-persons",
      { personId: p.id, category: "03", attentionLevel: "02", details: mental, startedOn: "2025-02-01" },
      worker11,
    );
    expect(again.statusCode).toBe(409);
  });
});

describe("reading key persons", () => {
  it("hides a key person from a grid worker of another grid (404, absent from the list)", async () => {
    const p = await person("王五", tree.g11);
    const kp = await register(p.id);
    expect((await get(`/api/key-persons/${kp.id}`, worker21)).statusCode).toBe(404);
    const theirs = (await get("/api/key-persons?limit=200", worker21)).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(kp.id);
    const mine = (await get("/api/key-persons?category=03&limit=200", worker11)).json();
    const item = mine.items.find((i: { id: string }) => i.id === kp.id);
    expect(item).toMatchObject({
      name: "王五",
      idMasked: "330212********1234",
      category: "03",
      nextVisitOn: "2025-06-29",
    });
    expect(item).not.toHaveProperty("details");
    expect(
      (
        await post(
          `/api/key-persons/${kp.id}/visits`,
          { doneAt: NOW.toISOString(), method: "phone" },
          worker21,
        )
      ).statusCode,
    ).toBe(404);
  });

  it("writes an audit row for every read, with the reason given", async () => {
    const p = await person("赵六", tree.g11);
    const kp = await register(p.id);
    expect(
      (await get(`/api/key-persons/${kp.id}?reason=${encodeURIComponent("月度走访前查阅")}`, worker11))
        .statusCode,
    ).toBe(200);
    expect((await get(`/api/key-persons/${kp.id}`, worker11)).statusCode).toBe(200);
    const reads = await auditRows("key_person.read", kp.id);
    expect(reads.map((r) => r.reason)).toEqual(["月度走访前查阅", null]);
    expect(JSON.stringify(reads)).not.toContain("张母");
  });

  it("sets the next visit one interval after a visit, never earlier for a back-dated one", async () => {
    const p = await person("孙七", tree.g11);
    const kp = await register(p.id, { visitIntervalDays: 30 });
    const visit = await post(
      `/api/key-persons/${kp.id}/visits`,
      {
        doneAt: "2025-06-14T02:00:00Z",
        method: "in_person",
        note: "按时服药",
        findings: { medication: "regular" },
      },
      worker11,
    );
    expect(visit.statusCode).toBe(201);
    expect(visit.json()).toMatchObject({
      nextVisitOn: "2025-07-14",
      visit: { dueOn: "2025-07-15", method: "in_person" },
    });
    const older = await post(
      `/api/key-persons/${kp.id}/visits`,
      { doneAt: "2025-05-01T02:00:00Z", method: "phone" },
      worker11,
    );
    expect(older.json().nextVisitOn).toBe("2025-07-14");
    const future = await post(
      `/api/key-persons/${kp.id}/visits`,
      { doneAt: "2025-07-01T02:00:00Z", method: "phone" },
      worker11,
    );
    expect(future.statusCode).toBe(400);
    const [audit] = await auditRows("key_person.visited", kp.id);
    expect(JSON.stringify(audit)).not.toContain("按时服药");
    const file = (await get(`/api/key-persons/${kp.id}`, worker11)).json();
    expect(file.visits.total).toBe(2);
    expect(file.nextVisitOn).toBe("2025-07-14");
    const changed = await app.inject({
      method: "PATCH",
      url: `/api/key-persons/${kp.id}`,
      payload: {
        version: file.version,
        visitIntervalDays: 60,
        details: { treatment: "01", guardianPhone: null },
        employed: false,
      },
      headers: worker11,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      nextVisitOn: "2025-08-13",
      visitIntervalDays: 60,
      employed: false,
    });
    expect(changed.json().details).toEqual({
      riskGrade: "03",
      diagnosis: "01",
      treatment: "01",
      guardianName: "张母",
    });
    const stale = await app.inject({
      method: "PATCH",
      url: `/api/key-persons/${kp.id}`,
      payload: { version: file.version, attentionLevel: "02" },
      headers: worker11,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("lets a grant open one category to a mediator, in scope only", async () => {
    const mediator = await user(["mediator"], [tree.street]);
    const auth = await bearer(app, mediator.username);
    const youth = await register((await person("小周", tree.g11, "2009-03-01")).id, {
      category: "06",
      details: { youthType: "01", guardianName: "周父" },
    });
    const mentalKp = await register((await person("吴八", tree.g11)).id);
    expect((await get("/api/key-persons", auth)).statusCode).toBe(403);
    expect((await get(`/api/key-persons/${youth.id}`, auth)).statusCode).toBe(404);

    const denied = await app.inject({
      method: "PUT",
      url: `/api/key-persons/grants/${mediator.id}`,
      payload: { categories: ["06"] },
      headers: worker11,
    });
    expect(denied.statusCode).toBe(403);
    const granted = await app.inject({
      method: "PUT",
      url: `/api/key-persons/grants/${mediator.id}`,
      payload: { categories: ["06"] },
      headers: admin,
    });
    expect(granted.json()).toMatchObject({ categories: ["06"] });
    const [audit] = await auditRows("key_person.grants_set", mediator.id);
    expect(audit!.changes).toMatchObject({ categories: { before: [], after: ["06"] } });

    expect((await get(`/api/key-persons/${youth.id}`, auth)).statusCode).toBe(200);
    expect((await get(`/api/key-persons/${mentalKp.id}`, auth)).statusCode).toBe(404);
    const list = (await get("/api/key-persons?limit=200", auth)).json();
    expect(new Set(list.items.map((i: { category: string }) => i.category))).toEqual(new Set(["06"]));
    // the grant does not reach beyond the mediator's own scope
    const outside = await user(["mediator"], [tree.c2]);
    await app.inject({
      method: "PUT",
      url: `/api/key-persons/grants/${outside.id}`,
      payload: { categories: ["06"] },
      headers: admin,
    });
    expect((await get(`/api/key-persons/${youth.id}`, await bearer(app, outside.username))).statusCode).toBe(
      404,
    );
    // a grant is read access: no edits
    const edit = await app.inject({
      method: "PATCH",
      url: `/api/key-persons/${youth.id}`,
      payload: { version: youth.version, attentionLevel: "03" },
      headers: auth,
    });
    expect(edit.statusCode).toBe(403);
  });

  it("shows a person's key-person records in their file section only to those who may read them", async () => {
    const { fileSections } = await import("./file-sections");
    const p = await person("郑九", tree.g11);
    const kp = await register(p.id);
    const w11 = await user(["grid_worker"], [tree.g11]);
    const w21 = await user(["grid_worker"], [tree.g21]);
    const mine = await fileSections(env.ctx(w11.actor), { type: "person", id: p.id });
    expect(mine.find((s) => s.key === "key_persons")?.items.map((i) => i.id)).toEqual([kp.id]);
    const theirs = await fileSections(env.ctx(w21.actor), { type: "person", id: p.id });
    expect(theirs.find((s) => s.key === "key_persons")).toBeUndefined();
  });
});

describe("care plans and the outcome figures", () => {
  it("counts a small known group: levels, visits due and on time, employment rate, plans achieved", async () => {
    const grid = await buildArea(env, { level: "grid", parent: tree.c2 });
    const monthly = { visitIntervalDays: 30 };
    const a = await register((await person("甲", grid, "1995-01-01")).id, {
      ...monthly,
      category: "01",
      attentionLevel: "01",
      details: { releasedOn: "2024-12-01", supportLevel: "01", crime: "盗窃" },
      employed: true,
      firstVisitOn: "2025-06-10",
    });
    const b = await register((await person("乙", grid, "1985-01-01")).id, {
      ...monthly,
      category: "01",
      attentionLevel: "02",
      details: { releasedOn: "2024-10-01" },
      employed: false,
      firstVisitOn: "2025-06-01",
    });
    await register((await person("丙", grid, "1955-01-01")).id, {
      ...monthly,
      category: "01",
      attentionLevel: "02",
      details: { releasedOn: "2024-08-01" },
      employed: true,
      firstVisitOn: "2025-06-12",
    });
    await register((await person("丁", grid, "2008-01-01")).id, {
      ...monthly,
      category: "01",
      attentionLevel: "03",
      details: { releasedOn: "2025-03-01" },
      firstVisitOn: "2025-06-20",
    });
    await post(`/api/key-persons/${a.id}/visits`, { doneAt: "2025-06-09T02:00:00Z", method: "in_person" });
    await post(`/api/key-persons/${b.id}/visits`, { doneAt: "2025-06-05T02:00:00Z", method: "in_person" });

    const plan = (
      await post(`/api/key-persons/${a.id}/care-plans`, {
        kind: "employment",
        goal: "三个月内稳定就业",
        startOn: "2025-01-15",
        dueOn: "2025-04-15",
        actions: [{ description: "推荐到物业公司面试" }],
      })
    ).json();
    expect(plan.actions).toHaveLength(1);
    const acted = await post(`/api/care-plans/${plan.id}/actions`, {
      description: "技能培训报名",
      doneAt: "2025-02-01T02:00:00Z",
    });
    expect(acted.statusCode).toBe(201);
    expect(
      (await post(`/api/care-plans/${plan.id}/close`, { outcome: "achieved", note: "已入职" })).json(),
    ).toMatchObject({
      status: "closed",
      outcome: "achieved",
    });
    expect((await post(`/api/care-plans/${plan.id}/actions`, { description: "晚了" })).statusCode).toBe(422);
    const other = (
      await post(`/api/key-persons/${b.id}/care-plans`, {
        kind: "family_support",
        goal: "修复家庭关系",
        startOn: "2025-02-01",
      })
    ).json();
    await post(`/api/care-plans/${other.id}/close`, { outcome: "not_achieved" });
    await post(`/api/key-persons/${b.id}/care-plans`, {
      kind: "employment",
      goal: "找到工作",
      startOn: "2025-05-01",
    });

    const res = await get(`/api/key-persons/stats?areaCode=${grid.code}&from=2025-05-01&to=2025-06-15`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.categories.find((c: { category: string }) => c.category === "01")).toMatchObject({
      total: 4,
      byLevel: { "01": 1, "02": 2, "03": 1 },
    });
    expect(s.total).toBe(4);
    // 丙 is overdue (due 06-12); 丁 falls due within a week (06-20); 甲 visited on time, 乙 late
    expect(s.visits).toEqual({
      overdue: 1,
      dueSoon: 1,
      made: 2,
      onTime: 1,
      overdueInWindow: 1,
      onTimeRate: 0.3333,
    });
    // working age 16–59: 甲 (employed), 乙 (not), 丁 (unknown); 丙 is 70
    expect(s.employment.find((e: { category: string }) => e.category === "01")).toMatchObject({
      workingAge: 3,
      employed: 1,
      unknown: 1,
      rate: 0.3333,
    });
    expect(s.carePlans).toMatchObject({
      active: 1,
      closed: 2,
      achieved: 1,
      notAchieved: 1,
      achievedRate: 0.5,
    });

    const due = (await get(`/api/visits/due?before=2025-06-20`)).json();
    const names = due.items
      .filter((i: { type: string }) => i.type === "key_person")
      .map((i: { title: string }) => i.title);
    expect(names).toEqual(expect.arrayContaining(["丙", "丁"]));
    expect(names).not.toContain("甲");
  });

  it("lets a current helper with read access act on a plan; others in scope may not", async () => {
    const social = await user(["mediator"], [tree.street]);
    const other = await user(["mediator"], [tree.street]);
    for (const m of [social, other])
      await app.inject({
        method: "PUT",
        url: `/api/key-persons/grants/${m.id}`,
        payload: { categories: ["06"] },
        headers: admin,
      });
    const youth = await register((await person("小冯", tree.g11, "2010-01-01")).id, {
      category: "06",
      details: { youthType: "02" },
      helpers: [
        { userId: social.id, role: "social_worker" },
        { name: "冯母", role: "family" },
      ],
    });
    expect(youth.helpers.map((h: { name: string }) => h.name).sort()).toEqual(
      ["冯母", `用户 ${social.username}`].sort(),
    );
    const plan = (
      await post(`/api/key-persons/${youth.id}/care-plans`, {
        kind: "education",
        goal: "复学",
        startOn: "2025-03-01",
      })
    ).json();
    const mine = await post(
      `/api/care-plans/${plan.id}/actions`,
      { description: "联系学校" },
      await bearer(app, social.username),
    );
    expect(mine.statusCode).toBe(201);
    const theirs = await post(
      `/api/care-plans/${plan.id}/actions`,
      { description: "越权" },
      await bearer(app, other.username),
    );
    expect(theirs.statusCode).toBe(403);
    const [audit] = await auditRows("care_plan.action_added", plan.id);
    expect(audit!.actor_name).toBe(social.username);
  });

  it("schedules a visit to a place, lists it as due in scope, and records it made", async () => {
    const place = (
      await post("/api/places", { name: "夜宵摊", kind: "restaurant", areaCode: tree.g11.code })
    ).json();
    const scheduled = await post(
      "/api/visits",
      { subjectType: "place", subjectId: place.id, dueOn: "2025-06-14" },
      worker11,
    );
    expect(scheduled.statusCode).toBe(201);
    const due = (await get("/api/visits/due?before=2025-06-15", worker11)).json();
    expect(due.items).toContainEqual(
      expect.objectContaining({
        type: "place",
        id: scheduled.json().id,
        title: "夜宵摊",
        dueOn: "2025-06-14",
        overdue: true,
      }),
    );
    expect(
      (await get("/api/visits/due?before=2025-06-15", worker21))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(scheduled.json().id);
    const done = await post(
      `/api/visits/${scheduled.json().id}/done`,
      { doneAt: "2025-06-15T01:00:00Z", method: "in_person", note: "消防通道已清理" },
      worker11,
    );
    expect(done.json()).toMatchObject({ doneAt: "2025-06-15T01:00:00.000Z", method: "in_person" });
    expect(
      (
        await post(
          `/api/visits/${scheduled.json().id}/done`,
          { doneAt: "2025-06-15T01:00:00Z", method: "phone" },
          worker11,
        )
      ).statusCode,
    ).toBe(422);
    const after = (await get("/api/visits/due?before=2025-06-15", worker11)).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(scheduled.json().id);
    const file = (await get(`/api/places/${place.id}/file`, worker11)).json();
    expect(file.sections.find((x: { key: string }) => x.key === "visits")).toMatchObject({ total: 1 });
    const [audit] = await auditRows("visit.recorded", place.id);
    expect(JSON.stringify(audit)).not.toContain("消防通道已清理");
  });

  it("ends a record with its termination code; it no longer falls due", async () => {
    const p = await person("钱十", tree.g11);
    const kp = await register(p.id);
    const bad = await post(
      `/api/key-persons/${kp.id}/end`,
      { termination: "77", on: "2025-06-01" },
      worker11,
    );
    expect(bad.json()).toMatchObject({ field: "termination" });
    const ended = await post(
      `/api/key-persons/${kp.id}/end`,
      { termination: "04", on: "2025-06-01" },
      worker11,
    );
    expect(ended.json()).toMatchObject({ status: "deregistered", endedOn: "2025-06-01", nextVisitOn: null });
    expect(
      (await get(`/api/key-persons?status=ended&limit=200`, worker11))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(kp.id);
    expect((await register(p.id)).status).toBe("active");
  });

  it("follows the person when they move, and empties the sensitive content when they are purged", async () => {
    const { followPersonArea, purgeKeyPersonRecords } = await import("./key-person-lifecycle");
    const { systemActor } = await import("../../core/actor");
    const p = await person("陈搬家", tree.g11);
    const kp = await register(p.id);
    await post(`/api/key-persons/${kp.id}/visits`, {
      doneAt: "2025-06-14T02:00:00Z",
      method: "in_person",
      note: "情绪稳定",
    });
    const moved = await env.as(systemActor, (ctx) =>
      followPersonArea(ctx, p.id, { areaId: tree.g21.id, areaPath: tree.g21.path }),
    );
    expect(moved).toBe(1);
    expect((await get(`/api/key-persons/${kp.id}`, worker11)).statusCode).toBe(404);
    expect((await get(`/api/key-persons/${kp.id}`, worker21)).json().area.code).toBe(tree.g21.code);

    expect(await purgeKeyPersonRecords(env.db, p.id, NOW)).toBe(1);
    const [row] = await queryRows<{ details: unknown; status: string }>(
      env.db,
      sql`select details, status from key_persons where id = ${kp.id}`,
    );
    expect(row).toEqual({ details: {}, status: "purged" });
    const notes = await queryRows<{ note: string | null }>(
      env.db,
      sql`select note from visits where subject_id = ${kp.id}`,
    );
    expect(notes).toEqual([{ note: null }]);
    expect((await get(`/api/key-persons/${kp.id}`)).statusCode).toBe(404);
  });
});
