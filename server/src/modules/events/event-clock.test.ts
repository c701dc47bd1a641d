import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { FastifyTypebox } from "../../http/types";
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
const at = (local: string) => env.clock.set(new Date(`${local}+08:00`));
const iso = (local: string) => new Date(`${local}+08:00`).toISOString();
/** An instant computed from "now", which runs on after the clock is set: equal within a few seconds. */
const near = (actual: string, local: string) =>
  expect(Math.abs(new Date(actual).getTime() - new Date(`${local}+08:00`).getTime())).toBeLessThan(5_000);
const report = async (payload: object, auth: Auth) => {
  const res = await app.inject({ method: "POST", url: "/api/events", payload, headers: auth });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const ok = async (id: string, payload: object, auth: Auth) => {
  const res = await app.inject({ method: "POST", url: `/api/events/${id}/actions`, payload, headers: auth });
  if (res.statusCode !== 200) throw new Error(`${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`);
  return res.json();
};
const read = async (id: string, auth: Auth = w.people.dispatcher.auth) =>
  (await app.inject({ url: `/api/events/${id}`, headers: auth })).json();

describe("deadlines on the working-day calendar", () => {
  it("counts across the National Day holiday and its make-up working Saturday", async () => {
    await at("2025-09-30T10:00:00");
    const e = await report(
      { category: "0602", description: "路灯不亮", ...w.points.g11 },
      w.people.resident.auth,
    );
    // accept within 1 working day: 1–8 October are off, so the end of Thursday 9 October
    expect(e.deadline).toBe(iso("2025-10-09T17:30:00"));
    // the whole matter within 7 working days: 9, 10, 11 (a make-up Saturday), 13, 14, 15, 16 October
    expect(e.dueAt).toBe(iso("2025-10-16T17:30:00"));
    expect(e.sla.policyIds).toEqual([]);
  });

  it("runs critical fire matters in natural hours and dispatches them at once by rule", async () => {
    await at("2026-03-07T22:00:00"); // a Saturday night
    const e = await report(
      { category: "0904", description: "楼道堆放杂物起烟", ...w.points.g11, urgency: "critical" },
      w.people.dispatcher.auth,
    );
    expect(e).toMatchObject({ state: "dispatched", handlingLevel: "street", slaStage: "handle" });
    near(e.deadline, "2026-03-08T00:00:00"); // 2 natural hours
    expect(e.sla.policyIds).toEqual(["hazards", "critical", "fire-critical"]);
    const units = e.parts.map(
      (p: { department: { id: string } | null; assignee: { id: string } | null; role: string }) => ({
        dep: p.department?.id ?? null,
        user: p.assignee?.id ?? null,
        role: p.role,
      }),
    );
    expect(units).toEqual([
      { dep: w.departments.fire.id, user: null, role: "lead" },
      { dep: null, user: w.people.worker11.id, role: "assist" },
    ]);
    const timeline = (
      await app.inject({ url: `/api/events/${e.id}/timeline`, headers: w.people.dispatcher.auth })
    ).json();
    expect(
      timeline.items.map((i: { action: string; actor: { name: string } }) => [i.action, i.actor.name]),
    ).toEqual([
      ["report", expect.any(String)],
      ["accept", expect.any(String)],
      ["dispatch", "系统 System"],
    ]);
  });

  it("uses the administrator's calendar for a year it sets", async () => {
    const put = (year: number, body: object, auth: Auth = w.people.admin.auth) =>
      app.inject({ method: "PUT", url: `/api/calendar/years/${year}`, payload: body, headers: auth });
    expect(
      (await put(2027, { offDays: ["2027-01-01", "2027-01-04"], workDays: [] }, w.people.dispatcher.auth))
        .statusCode,
    ).toBe(403);
    expect((await put(2027, { offDays: ["2027-02-30"], workDays: [] })).statusCode).toBe(422);
    expect((await put(2027, { offDays: ["2028-01-03"], workDays: [] })).statusCode).toBe(422);
    const res = await put(2027, { offDays: ["2027-01-01", "2027-01-04"], workDays: [] });
    expect(res.statusCode).toBe(200);
    await at("2027-01-01T10:00:00");
    const resident = await bearer(app, w.people.resident.username); // tokens from 2026 have expired by now
    const dispatcher = await bearer(app, w.people.dispatcher.username);
    expect((await app.inject({ url: "/api/calendar/years/2027", headers: dispatcher })).json()).toMatchObject(
      {
        source: "override",
        offDays: ["2027-01-01", "2027-01-04"],
      },
    );
    expect((await auditOf(env, "2027", "calendar.year_set")).length).toBe(1);
    const e = await report({ category: "0602", description: "路灯不亮", ...w.points.g11 }, resident);
    expect(e.deadline).toBe(iso("2027-01-05T17:30:00")); // Sat, Sun and the Monday off
  });
});

describe("the clock through the loop", () => {
  it("stops while suspended: the deadline moves by the working time spent paused", async () => {
    await at("2026-03-02T09:00:00"); // Monday
    let e = await report(
      { category: "0304", description: "违建", areaCode: w.areas.g11.code },
      w.people.dispatcher.auth,
    );
    expect(e).toMatchObject({ state: "accepted", deadline: iso("2026-03-03T17:30:00") });
    e = await ok(
      e.id,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      w.people.dispatcher.auth,
    );
    expect(e.deadline).toBe(iso("2026-03-09T17:30:00")); // 5 working days
    await at("2026-03-02T10:00:00");
    e = await ok(
      e.id,
      { action: "suspend", version: e.version, reason: "等待产权鉴定" },
      w.people.dispatcher.auth,
    );
    expect(e).toMatchObject({ state: "suspended", paused: true, slaStage: "handle" });
    expect(e.can).toMatchObject({ resume: true, finish_part: false });

    await at("2026-03-04T09:59:00"); // Wednesday
    const paused = await read(e.id);
    expect(paused).toMatchObject({ deadline: iso("2026-03-09T17:30:00"), colour: "green", paused: true });
    e = await ok(e.id, { action: "resume", version: e.version }, w.people.dispatcher.auth);
    // paused Mon 10:00–Wed 09:59 = 6 + 7.5 + 1.5 working hours less a minute, added after the deadline
    expect(e).toMatchObject({ state: "dispatched", paused: false });
    near(e.deadline, "2026-03-11T17:29:00");
    expect(Math.abs(e.sla.pausedMs - (2 * 86_400_000 - 60_000))).toBeLessThan(5_000);
    const audit = await auditOf(env, e.id, "event.resume");
    expect(audit[0]!.changes.state).toEqual({ before: "suspended", after: "dispatched" });
  });

  it("turns yellow, then red after the deadline; lists filter by colour and overdue; closing late is not on time", async () => {
    await at("2026-04-13T09:00:00"); // Monday
    let e = await report(
      { category: "0304", description: "违建 2", areaCode: w.areas.g11.code },
      w.people.dispatcher.auth,
    );
    e = await ok(
      e.id,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      w.people.dispatcher.auth,
    );
    expect(e).toMatchObject({ colour: "green", deadline: iso("2026-04-20T17:30:00") });
    await at("2026-04-20T10:00:00"); // past 80 % of the budget
    expect((await read(e.id)).colour).toBe("yellow");
    await at("2026-04-21T09:00:00");
    const red = await read(e.id);
    expect(red).toMatchObject({ colour: "red", overdue: true });
    const list = (url: string) =>
      app.inject({ url, headers: w.people.dispatcher.auth }).then((r) => r.json());
    expect(
      (await list("/api/events?overdue=true&limit=200")).items.map((i: { id: string }) => i.id),
    ).toContain(e.id);
    expect((await list("/api/events?colour=red&limit=200")).items.map((i: { id: string }) => i.id)).toContain(
      e.id,
    );
    expect(
      (await list("/api/events?colour=green&limit=200")).items.map((i: { id: string }) => i.id),
    ).not.toContain(e.id);

    e = await ok(
      e.id,
      { action: "finish_part", version: e.version, partId: e.parts[0].id, result: "已拆除" },
      w.people.urbanHandler.auth,
    );
    e = await ok(
      e.id,
      { action: "feedback", version: e.version, result: "已拆除" },
      w.people.urbanHandler.auth,
    );
    expect(e).toMatchObject({ slaStage: "verify", colour: "green" });
    e = await ok(e.id, { action: "verify", version: e.version, ok: true }, w.people.worker11.auth);
    await at("2026-04-24T09:00:00"); // after the whole matter's 7 working days from receipt
    e = await ok(e.id, { action: "close", version: e.version }, w.people.dispatcher.auth);
    expect(e).toMatchObject({ state: "closed", closedOnTime: false });
  });
});
