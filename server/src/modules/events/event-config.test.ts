import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { DEFAULT_CATEGORIES } from "./default-categories";
import { DEFAULT_ROUTING } from "./default-routing";
import { DEFAULT_SLA } from "./default-sla";
import { DEFAULT_STATES } from "./event-states";
import { auditOf, eventWorld, type World } from "./events.test-support";

let env: TestEnv;
let app: FastifyTypebox;
let w: World;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  w = await eventWorld(env, app);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

type Auth = Record<string, string>;
const put = (kind: string, body: unknown, auth: Auth = w.people.admin.auth, note = "测试修改") =>
  app.inject({ method: "PUT", url: `/api/event-config/${kind}`, payload: { body, note }, headers: auth });
const get = (url: string, auth: Auth = w.people.admin.auth) => app.inject({ url, headers: auth });
const report = async (payload: object, auth: Auth = w.people.dispatcher.auth) => {
  const res = await app.inject({ method: "POST", url: "/api/events", payload, headers: auth });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const ok = async (id: string, payload: object, auth: Auth) => {
  const res = await app.inject({ method: "POST", url: `/api/events/${id}/actions`, payload, headers: auth });
  if (res.statusCode !== 200) throw new Error(`${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`);
  return res.json();
};
const clone = <T>(x: T): T => structuredClone(x);
const problems = (res: { json(): { details?: unknown; problems?: { path: string }[] } }) =>
  (res.json().problems ?? []).map((p) => p.path);

describe("configuration as versioned data", () => {
  it("serves the defaults as version 1 to staff, and refuses edits by anyone but an administrator", async () => {
    const res = await get("/api/event-config/routing", w.people.dispatcher.auth);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: "routing", version: 1 });
    expect(res.json().body.rules.length).toBe(DEFAULT_ROUTING.rules.length);
    expect((await get("/api/event-config/states", w.people.resident.auth)).statusCode).toBe(403);
    expect((await put("routing", DEFAULT_ROUTING, w.people.dispatcher.auth)).statusCode).toBe(403);
  });

  it("refuses unknown codes, bad units, cycles and unreachable states with 422 and every problem listed", async () => {
    const routing = clone(DEFAULT_ROUTING);
    routing.rules.push({ id: "x", category: "77", level: "street", units: [{ department: "NO-SUCH-DEPT" }] });
    routing.rules.push({
      id: "y",
      areaCode: "NO-SUCH-AREA",
      level: "street",
      units: [{ teamRole: "wizard" }],
    });
    const bad = await put("routing", routing);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("EVENT_CONFIG_INVALID");
    const n = routing.rules.length;
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        `rules.${n - 2}.category`,
        `rules.${n - 2}.units.0.department`,
        `rules.${n - 1}.areaCode`,
        `rules.${n - 1}.units.0.teamRole`,
      ]),
    );
    const shape = clone(DEFAULT_ROUTING) as unknown as { rules: unknown[] };
    shape.rules.push({ id: "z", level: "galaxy", units: [{ foo: 1 }] });
    const shapeRes = await put("routing", shape);
    expect(shapeRes.statusCode).toBe(422);
    expect(problems(shapeRes).length).toBeGreaterThan(0);

    const cats = clone(DEFAULT_CATEGORIES);
    cats.categories.push({
      code: "90",
      parent: "91",
      name: { zh: "甲", en: "A" },
      public: false,
      sensitive: false,
    });
    cats.categories.push({
      code: "91",
      parent: "90",
      name: { zh: "乙", en: "B" },
      public: false,
      sensitive: false,
    });
    cats.categories.push({
      code: "0199",
      parent: "02",
      name: { zh: "丙", en: "C" },
      public: false,
      sensitive: false,
    });
    cats.categories.push({
      code: "1499",
      parent: "14",
      name: { zh: "丁", en: "D" },
      public: true,
      sensitive: false,
    });
    const catRes = await put("categories", cats);
    expect(catRes.statusCode).toBe(422);
    const paths = problems(catRes);
    const at = (code: string) => `categories.${cats.categories.findIndex((c) => c.code === code)}`;
    expect(paths).toEqual(
      expect.arrayContaining([
        `${at("90")}.parent`,
        `${at("91")}.parent`,
        `${at("0199")}.code`,
        `${at("1499")}.sensitive`,
      ]),
    );

    const states = clone(DEFAULT_STATES);
    states.states.push({ code: "limbo", name: { zh: "悬置", en: "Limbo" }, stage: null });
    states.transitions.push({
      action: "teleport",
      from: ["reported"],
      to: "nowhere",
      roles: ["wizard"],
      requires: [],
    });
    const stRes = await put("states", states);
    expect(stRes.statusCode).toBe(422);
    expect(problems(stRes)).toEqual(
      expect.arrayContaining(["states", `transitions.${states.transitions.length - 1}.action`]),
    );
    const versions = (await get("/api/event-config/routing/versions")).json();
    expect(versions.items).toHaveLength(1);
  });

  it("keeps a category that events use: it may be retired, not removed", async () => {
    await report({ category: "0606", description: "红绿灯坏了", areaCode: w.areas.g11.code });
    const cats = clone(DEFAULT_CATEGORIES);
    cats.categories = cats.categories.filter((c) => c.code !== "0606");
    const res = await put("categories", cats);
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain("0606");
  });

  it("routes new events by the new version and remembers which version each event used", async () => {
    const before = await report({ category: "0101", description: "垃圾", areaCode: w.areas.g11.code });
    expect(before).toMatchObject({ handlingLevel: "grid", configVersion: 1 });
    const routing = clone(DEFAULT_ROUTING);
    routing.rules.push({
      id: "c1-rubbish",
      name: "朝晖社区垃圾问题交城管",
      areaCode: w.areas.c1.code,
      category: "01",
      level: "street",
      units: [{ department: w.departments.urban.code, role: "lead" }],
      autoDispatch: true,
    });
    const res = await put("routing", routing, w.people.admin.auth, "朝晖社区垃圾交城管处理");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: "routing", version: 2, note: "朝晖社区垃圾交城管处理" });
    expect((await auditOf(env, "routing@2", "event_config.updated")).length).toBe(1);

    const after = await report({ category: "0101", description: "垃圾又来了", areaCode: w.areas.g11.code });
    expect(after).toMatchObject({ handlingLevel: "street", configVersion: 2, state: "dispatched" });
    expect(after.parts[0].department.id).toBe(w.departments.urban.id);
    const elsewhere = await report({ category: "0101", description: "垃圾", areaCode: w.areas.g21.code });
    expect(elsewhere).toMatchObject({ handlingLevel: "grid", state: "accepted" }); // the default grid rule still applies there
    const [row] = await queryRows<{ config_version: number }>(
      env.db,
      sql`select config_version from events where id = ${before.id}`,
    );
    expect(row!.config_version).toBe(1);

    const versions = (await get("/api/event-config/routing/versions")).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = (await get("/api/event-config/routing/versions/1")).json();
    expect(v1.body.rules.length).toBe(DEFAULT_ROUTING.rules.length);
  });

  it("takes new time limits for new events", async () => {
    const sla = clone(DEFAULT_SLA);
    sla.default.accept = { amount: 3, unit: "working_days" };
    expect(
      (
        await put("sla", {
          ...sla,
          default: { ...sla.default, accept: { amount: 1.5, unit: "working_days" } },
        })
      ).statusCode,
    ).toBe(422);
    expect((await put("sla", sla)).statusCode).toBe(200);
    await env.clock.set(new Date("2026-06-01T09:00:00+08:00")); // Monday
    const e = await report(
      { category: "0602", description: "路灯", ...w.points.g11 },
      w.people.resident.auth,
    );
    expect(e.deadline).toBe(new Date("2026-06-04T17:30:00+08:00").toISOString());
  });

  it("sends a dissatisfied rating to supervision instead of reopening when the state machine says so", async () => {
    const states = clone(DEFAULT_STATES);
    delete states.transitions.find((t) => t.action === "evaluate")!.outcomes;
    expect((await put("states", states)).statusCode).toBe(200);
    let e = await report(
      { category: "0201", description: "小广告", ...w.points.g11 },
      w.people.resident.auth,
    );
    e = await ok(
      e.id,
      { action: "handle_in_grid", version: e.version, result: "已清除" },
      w.people.worker11.auth,
    );
    e = await ok(e.id, { action: "verify", version: e.version, ok: true }, w.people.dispatcher.auth);
    e = await ok(e.id, { action: "close", version: e.version }, w.people.dispatcher.auth);
    e = await ok(
      e.id,
      { action: "evaluate", version: e.version, satisfaction: "dissatisfied" },
      w.people.resident.auth,
    );
    expect(e).toMatchObject({ state: "evaluated", satisfaction: "dissatisfied" });
    expect(e.closedAt).not.toBeNull();
    expect((await put("states", DEFAULT_STATES)).statusCode).toBe(200);
  });
});

describe("routing resolves units against the event's area", () => {
  it("sends police matters to the police district's officer (警网融合) and fire hazards to the grid's micro fire station", async () => {
    const { policeDistricts, policeDistrictGrids, policeDistrictOfficers, gridTeamMembers } =
      await import("../../db/schema");
    const { buildUser } = await import("../../../test/factories");
    const officer = await buildUser(env, { roles: ["police"], scopes: [w.areas.c1] });
    const station = await buildUser(env, { roles: ["volunteer"], scopes: [w.areas.g12] });
    const [district] = await env.db
      .insert(policeDistricts)
      .values({ code: `${w.prefix}PD`, name: "朝晖警务区" })
      .returning();
    await env.db
      .insert(policeDistrictGrids)
      .values({ areaId: w.areas.g12.id, policeDistrictId: district!.id });
    await env.db
      .insert(policeDistrictOfficers)
      .values({ policeDistrictId: district!.id, userId: officer.id });
    await env.db
      .insert(gridTeamMembers)
      .values({ areaId: w.areas.g12.id, userId: station.id, name: "微站站长", teamRole: "fire_station" });

    let e = await report({ category: "0802", description: "可疑人员徘徊", ...w.points.g12 });
    e = await ok(e.id, { action: "dispatch", version: e.version }, w.people.dispatcher.auth);
    expect(
      e.parts.map((p: { assignee: { id: string } | null; role: string }) => [p.assignee?.id, p.role]),
    ).toEqual([[officer.id, "lead"]]);
    const { bearer } = await import("../../../test/services");
    const asOfficer = (
      await app.inject({ url: `/api/events/${e.id}`, headers: await bearer(app, officer.username) })
    ).json();
    expect(asOfficer.can.accept_part).toBe(true);

    let f = await report({ category: "0901", description: "消防通道被占", ...w.points.g12 });
    f = await ok(f.id, { action: "dispatch", version: f.version }, w.people.dispatcher.auth);
    expect(f.parts.map((p: { assignee: { id: string } | null }) => p.assignee?.id)).toEqual([station.id]);
    expect(f.handlingLevel).toBe("grid");
    const mine = (
      await app.inject({ url: `/api/events?mine=true`, headers: await bearer(app, station.username) })
    ).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([f.id]);
  });
});
