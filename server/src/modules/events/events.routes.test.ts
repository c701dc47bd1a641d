import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { actionCount, auditOf, eventWorld, type World } from "./events.test-support";

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

const report = (payload: object, headers: Record<string, string>) =>
  app.inject({ method: "POST", url: "/api/events", payload, headers });
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "GET", url, headers });

describe("intake from every channel", () => {
  it("locates a point to its grid, routes it, starts the accept clock and audits the report", async () => {
    const res = await report(
      { category: "0101", description: "小区门口垃圾堆积", ...w.points.g11 },
      w.people.worker11.auth,
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      id: expect.any(String),
      no: expect.stringMatching(/^\d{8}-\d{6}$/),
      trackingCode: expect.stringMatching(/^[0-9A-Z]{12}$/),
      state: "reported",
      source: "grid",
      area: { code: w.areas.g11.code, level: "grid" },
      handlingLevel: "grid",
      slaStage: "accept",
      colour: "green",
      created: true,
      version: 1,
    });
    expect(new Date(e.deadline).getTime()).toBeGreaterThan(Date.now());
    expect(e.dueAt).not.toBeNull();
    const [audit] = await auditOf(env, e.id, "event.reported");
    expect(audit!.changes.category).toEqual({ before: null, after: "0101" });
    expect(audit!.changes.area).toEqual({ before: null, after: w.areas.g11.code });
    expect(await actionCount(env, e.id, "report")).toBe(1);
  });

  it("takes an area code, and the desk's own intake is accepted on arrival", async () => {
    const res = await report(
      { category: "0404", description: "路口乱停车", areaCode: w.areas.g21.code, urgency: "normal" },
      w.people.dispatcher.auth,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: "accepted", source: "desk", slaStage: "dispatch", version: 2 });
    expect((await auditOf(env, res.json().id)).map((a) => a.action)).toEqual([
      "event.reported",
      "event.accept",
    ]);
  });

  it("matches an address to the longest area name it contains", async () => {
    const res = await report(
      {
        category: "0103",
        description: "路面油污",
        address: `宁波市${w.prefix}朝晖社区${w.prefix}朝晖十一网格5幢`,
      },
      w.people.dispatcher.auth,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().area.code).toBe(w.areas.g12.code);
    const community = await report(
      { category: "0103", description: "路面油污", address: `${w.prefix}新河社区门口` },
      w.people.dispatcher.auth,
    );
    expect(community.json().area.code).toBe(w.areas.c2.code);
  });

  it("queues an unmatched address and a point outside every area; the queue gives it its area later", async () => {
    const lost = await report(
      { category: "0103", description: "不知在哪", address: "火星路 1 号" },
      w.people.dispatcher.auth,
    );
    expect(lost.statusCode).toBe(201);
    expect(lost.json()).toMatchObject({ unassigned: true, area: null, state: "reported" });
    const outside = await report(
      { category: "0103", description: "外面", ...w.points.outside },
      w.people.resident.auth,
    );
    expect(outside.json().unassigned).toBe(true);
    const queued = await queryRows<{ source_id: string; reason: string }>(
      env.db,
      sql`select source_id, reason from unassigned_locations where source_type = 'event' and resolved_at is null`,
    );
    expect(queued.map((q) => q.source_id)).toEqual(
      expect.arrayContaining([lost.json().id, outside.json().id]),
    );
    // a grid worker of the area cannot see it yet; the dispatcher who took it can
    expect((await get(`/api/events/${lost.json().id}`, w.people.worker21.auth)).statusCode).toBe(404);
    expect((await get(`/api/events/${lost.json().id}`, w.people.dispatcher.auth)).statusCode).toBe(200);

    const [item] = await queryRows<{ id: string }>(
      env.db,
      sql`select id from unassigned_locations where source_type = 'event' and source_id = ${lost.json().id}`,
    );
    const assign = await app.inject({
      method: "POST",
      url: `/api/areas/unassigned/${item!.id}/assign`,
      payload: { areaCode: w.areas.g21.code },
      headers: w.people.dispatcher.auth,
    });
    expect(assign.statusCode).toBeLessThan(300);
    const after = await get(`/api/events/${lost.json().id}`, w.people.worker21.auth);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({
      unassigned: false,
      area: { code: w.areas.g21.code },
      handlingLevel: "grid",
    });
    expect(await actionCount(env, lost.json().id, "locate")).toBe(1);
  });

  it("is idempotent on source + sourceRef: the same ticket again answers 200 with the same event", async () => {
    const ticket = {
      category: "1601",
      description: "咨询社保",
      areaCode: w.areas.g11.code,
      source: "hotline_12345",
      sourceRef: "T-2026-0001",
    };
    const first = await report(ticket, w.people.dispatcher.auth);
    expect(first.statusCode).toBe(201);
    expect(first.json().state).toBe("accepted"); // accepted upstream
    const again = await report(ticket, w.people.dispatcher.auth);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, created: false });
    const n = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from events where source_ref = 'T-2026-0001'`,
    );
    expect(n[0]!.n).toBe(1);
  });

  it("refuses unknown and non-leaf categories, missing locations and bad phones without writing anything", async () => {
    const before = await queryRows<{ n: number }>(env.db, sql`select count(*)::int as n from events`);
    expect(
      (
        await report(
          { category: "01", description: "x", areaCode: w.areas.g11.code },
          w.people.dispatcher.auth,
        )
      ).json().code,
    ).toBe("UNKNOWN_CATEGORY");
    expect(
      (
        await report(
          { category: "9999", description: "x", areaCode: w.areas.g11.code },
          w.people.dispatcher.auth,
        )
      ).statusCode,
    ).toBe(422);
    expect((await report({ category: "0101", description: "x" }, w.people.dispatcher.auth)).json().code).toBe(
      "LOCATION_REQUIRED",
    );
    expect(
      (
        await report({ category: "0101", description: "x", areaCode: "NOPE" }, w.people.dispatcher.auth)
      ).json().code,
    ).toBe("UNKNOWN_AREA");
    const phone = await report(
      {
        category: "0101",
        description: "x",
        areaCode: w.areas.g11.code,
        reporter: { name: "张三", phone: "12345" },
      },
      w.people.dispatcher.auth,
    );
    expect(phone.statusCode).toBe(400);
    expect(
      (
        await report(
          { category: "0101", description: "x", areaCode: w.areas.g11.code, source: "police_110" },
          w.people.resident.auth,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await report({ category: "0101", description: "x", areaCode: w.areas.g11.code }, {})).statusCode,
    ).toBe(401);
    const after = await queryRows<{ n: number }>(env.db, sql`select count(*)::int as n from events`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe("who sees what", () => {
  it("hides an event in one grid from another grid's worker (404, absent from lists); the street's dispatcher sees it", async () => {
    const e = (
      await report({ category: "0201", description: "电线杆小广告", ...w.points.g11 }, w.people.worker11.auth)
    ).json();
    expect((await get(`/api/events/${e.id}`, w.people.worker21.auth)).statusCode).toBe(404);
    expect((await get(`/api/events/${e.id}/timeline`, w.people.worker21.auth)).statusCode).toBe(404);
    const list21 = (await get(`/api/events?limit=200`, w.people.worker21.auth)).json();
    expect(list21.items.map((i: { id: string }) => i.id)).not.toContain(e.id);
    const mine = (await get(`/api/events?limit=200`, w.people.worker11.auth)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(e.id);
    const desk = await get(`/api/events/${e.id}`, w.people.dispatcher.auth);
    expect(desk.statusCode).toBe(200);
    expect(desk.json().can).toMatchObject({ accept: true, dispatch: false, handle_in_grid: false });
    const deskList = (
      await get(`/api/events?areaCode=${w.areas.c1.code}&limit=200`, w.people.dispatcher.auth)
    ).json();
    expect(deskList.items.map((i: { id: string }) => i.id)).toContain(e.id);
    expect(deskList.total).toBeGreaterThanOrEqual(1);
    // the department handler sees only events where their unit has a part
    expect((await get(`/api/events/${e.id}`, w.people.urbanHandler.auth)).statusCode).toBe(404);
  });

  it("shows the reporter to the desk and the reporter, masked to handlers; anonymous to nobody else", async () => {
    const e = (
      await report(
        {
          category: "0404",
          description: "占道停车",
          areaCode: w.areas.g11.code,
          reporter: { name: "张小明", phone: "13812345678" },
        },
        w.people.dispatcher.auth,
      )
    ).json();
    expect(e.reporter).toEqual({ anonymous: false, name: "张小明", phone: "138****5678", masked: false });
    const worker = (await get(`/api/events/${e.id}`, w.people.worker11.auth)).json();
    expect(worker.reporter).toEqual({ anonymous: false, name: "张**", phone: null, masked: true });
    expect(worker.trackingCode).toBeNull();
    expect(JSON.stringify(worker)).not.toContain("5678");
    const reveal = await app.inject({
      method: "POST",
      url: `/api/events/${e.id}/reveal-reporter`,
      payload: { reason: "回访核实处置情况" },
      headers: w.people.dispatcher.auth,
    });
    expect(reveal.json()).toEqual({ name: "张小明", phone: "13812345678" });
    expect((await auditOf(env, e.id, "event.reporter_revealed"))[0]!.reason).toBe("回访核实处置情况");
    const denied = await app.inject({
      method: "POST",
      url: `/api/events/${e.id}/reveal-reporter`,
      payload: { reason: "想看看是谁反映的" },
      headers: w.people.worker11.auth,
    });
    expect(denied.statusCode).toBe(403);

    const anon = (
      await report(
        { category: "0108", description: "夜间噪声", ...w.points.g11, anonymous: true },
        w.people.resident.auth,
      )
    ).json();
    expect(anon.reporter).toMatchObject({ anonymous: true });
    expect(anon.trackingCode).toMatch(/^[0-9A-Z]{12}$/);
    const desk = (await get(`/api/events/${anon.id}`, w.people.dispatcher.auth)).json();
    expect(desk.reporter).toEqual({ anonymous: true, name: null, phone: null, masked: true });
    // the resident sees their own report, and only theirs
    const own = (await get(`/api/events?limit=200`, w.people.resident.auth)).json();
    expect(own.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([anon.id]));
    expect(own.items.map((i: { id: string }) => i.id)).not.toContain(e.id);
  });

  it("answers public progress by tracking code without signing in and without personal data", async () => {
    const e = (
      await report(
        {
          category: "0602",
          description: "路灯不亮，联系人王五 13900001111",
          ...w.points.g21,
          reporter: { name: "王五", phone: "13900001111" },
        },
        w.people.resident.auth,
      )
    ).json();
    const res = await get(`/api/events/track/${e.trackingCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ no: e.no, state: "reported", category: { zh: "路灯损坏" } });
    expect(res.body).not.toContain("王五");
    expect(res.body).not.toContain("13900001111");
    expect((await get(`/api/events/track/ZZZZZZZZZZZZ`)).statusCode).toBe(404);
  });
});

describe("categories and lists", () => {
  it("lists the two-level category tree with codes and flags", async () => {
    const res = await get("/api/event-categories", w.people.resident.auth);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      code: string;
      level: number;
      sensitive: boolean;
      public: boolean;
      children: { code: string; public: boolean }[];
    }[];
    const family = items.find((c) => c.code === "14")!;
    expect(family).toMatchObject({ level: 1, sensitive: true, public: false });
    expect(items.find((c) => c.code === "01")!.children.map((c) => c.code)).toContain("0101");
    expect(items.every((c) => !(c.sensitive && c.public))).toBe(true);
  });

  it("filters by state, category prefix, source, urgency and text; sorts by deadline", async () => {
    await report(
      { category: "0903", description: "灭火器过期", areaCode: w.areas.g12.code, urgency: "urgent" },
      w.people.dispatcher.auth,
    );
    const byCat = (await get(`/api/events?category=09&limit=200`, w.people.dispatcher.auth)).json();
    expect(byCat.items.length).toBeGreaterThan(0);
    expect(byCat.items.every((i: { category: { code: string } }) => i.category.code.startsWith("09"))).toBe(
      true,
    );
    const urgent = (
      await get(`/api/events?urgency=urgent&state=accepted,reported`, w.people.dispatcher.auth)
    ).json();
    expect(urgent.items.every((i: { urgency: string }) => i.urgency === "urgent")).toBe(true);
    const text = (
      await get(`/api/events?q=${encodeURIComponent("灭火器")}`, w.people.dispatcher.auth)
    ).json();
    expect(text.items[0].title).toContain("灭火器".slice(0, 0));
    expect(text.total).toBe(1);
    const sorted = (
      await get(`/api/events?sort=deadline&open=true&limit=200`, w.people.dispatcher.auth)
    ).json();
    const deadlines = sorted.items.map((i: { deadline: string | null }) => i.deadline).filter(Boolean);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect((await get(`/api/events?areaCode=NOPE`, w.people.dispatcher.auth)).statusCode).toBe(422);
  });
});
