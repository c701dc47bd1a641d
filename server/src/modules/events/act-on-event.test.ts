import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { testEngine } from "../../../test/db";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { actionCount, auditOf, eventWorld, type World } from "./events.test-support";

// Runs on PGlite by default and on PostgreSQL when TEST_DATABASE_URL is set (the parallel-action test
// then exercises real row locks across connections).
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
const report = async (payload: object, auth: Auth) => {
  const res = await app.inject({ method: "POST", url: "/api/events", payload, headers: auth });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const act = (id: string, payload: object, auth: Auth) =>
  app.inject({ method: "POST", url: `/api/events/${id}/actions`, payload, headers: auth });
/** Acts and expects success; returns the event after. */
const ok = async (id: string, payload: object, auth: Auth) => {
  const res = await act(id, payload, auth);
  if (res.statusCode !== 200) throw new Error(`${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`);
  return res.json();
};
const read = async (id: string, auth: Auth) =>
  (await app.inject({ method: "GET", url: `/api/events/${id}`, headers: auth })).json();

describe("the closed loop", () => {
  it("runs accept → dispatch (two units, joint) → each part done → feedback → verify → close → evaluate", async () => {
    const p = w.people;
    let e = await report(
      { category: "0404", description: "门口长期乱停车", ...w.points.g11 },
      p.resident.auth,
    );
    expect(e.state).toBe("reported");
    expect(e.can).toMatchObject({ cancel: true, accept: false, evaluate: false });

    e = await ok(e.id, { action: "accept", version: e.version }, p.dispatcher.auth);
    expect(e).toMatchObject({ state: "accepted", slaStage: "dispatch" });
    expect(e.acceptedAt).not.toBeNull();

    e = await ok(
      e.id,
      {
        action: "dispatch",
        version: e.version,
        units: [
          { departmentId: w.departments.urban.id, role: "lead" },
          { departmentId: w.departments.fire.id, role: "assist", required: true },
        ],
      },
      p.dispatcher.auth,
    );
    expect(e).toMatchObject({ state: "dispatched", slaStage: "handle", dispatchCount: 1 });
    expect(e.parts).toHaveLength(2);
    const urbanPart = e.parts.find(
      (x: { department: { id: string } }) => x.department.id === w.departments.urban.id,
    );
    const firePart = e.parts.find(
      (x: { department: { id: string } }) => x.department.id === w.departments.fire.id,
    );
    expect(urbanPart).toMatchObject({ role: "lead", state: "pending", required: true });

    // each unit sees the event through its part, and may act only on its own part
    const asUrban = await read(e.id, p.urbanHandler.auth);
    expect(asUrban.can).toMatchObject({ accept_part: true, close: false });
    expect(asUrban.parts.find((x: { id: string }) => x.id === firePart.id).can.accept).toBe(false);
    expect(asUrban.reporter.masked).toBe(true);
    const wrongPart = await act(
      e.id,
      { action: "accept_part", version: e.version, partId: firePart.id },
      p.urbanHandler.auth,
    );
    expect(wrongPart.statusCode).toBe(403);

    e = await ok(
      e.id,
      { action: "accept_part", version: e.version, partId: urbanPart.id },
      p.urbanHandler.auth,
    );
    expect(e.state).toBe("handling");
    e = await ok(
      e.id,
      { action: "accept_part", version: e.version, partId: firePart.id },
      p.fireHandler.auth,
    );
    e = await ok(
      e.id,
      { action: "finish_part", version: e.version, partId: urbanPart.id, result: "已劝离车辆，设置隔离桩" },
      p.urbanHandler.auth,
    );
    expect(e.state).toBe("handling");
    e = await ok(
      e.id,
      { action: "finish_part", version: e.version, partId: firePart.id, result: "消防通道已畅通" },
      p.fireHandler.auth,
    );
    expect(e.state).toBe("handled");
    expect(e.parts.every((x: { state: string }) => x.state === "done")).toBe(true);

    e = await ok(
      e.id,
      { action: "feedback", version: e.version, result: "车辆已清理，通道畅通" },
      p.urbanHandler.auth,
    );
    expect(e).toMatchObject({ state: "feedback", slaStage: "verify", result: "车辆已清理，通道畅通" });
    e = await ok(
      e.id,
      { action: "verify", version: e.version, ok: true, note: "现场核查属实" },
      p.worker11.auth,
    );
    expect(e.state).toBe("verified");
    e = await ok(e.id, { action: "close", version: e.version }, p.dispatcher.auth);
    expect(e).toMatchObject({
      state: "closed",
      closedOnTime: true,
      closedInGrid: false,
      slaStage: null,
      deadline: null,
    });
    expect(e.closedAt).not.toBeNull();

    const mine = await read(e.id, p.resident.auth);
    expect(mine.can.evaluate).toBe(true);
    e = await ok(
      e.id,
      { action: "evaluate", version: e.version, satisfaction: "satisfied", comment: "很及时" },
      p.resident.auth,
    );
    expect(e).toMatchObject({ state: "evaluated", satisfaction: "satisfied" });

    const actions = (await auditOf(env, e.id)).map((a) => a.action);
    expect(actions).toEqual([
      "event.reported",
      "event.accept",
      "event.dispatch",
      "event.accept_part",
      "event.accept_part",
      "event.finish_part",
      "event.finish_part",
      "event.feedback",
      "event.verify",
      "event.close",
      "event.evaluate",
    ]);
    const closeAudit = (await auditOf(env, e.id, "event.close"))[0]!;
    expect(closeAudit.changes.state).toEqual({ before: "verified", after: "closed" });
    expect(e.timelineCount).toBe(11);
  });

  it("reopens a matter the reporter is dissatisfied with, on the second-handling clock", async () => {
    const p = w.people;
    let e = await report(
      { category: "0201", description: "小广告反复出现", ...w.points.g11 },
      p.resident.auth,
    );
    e = await ok(e.id, { action: "handle_in_grid", version: e.version, result: "已清除" }, p.worker11.auth);
    expect(e).toMatchObject({ state: "feedback", handlingLevel: "grid" });
    expect(e.can.verify).toBe(false); // nobody verifies their own work
    const own = await act(e.id, { action: "verify", version: e.version, ok: true }, p.worker11.auth);
    expect(own.json().code).toBe("VERIFY_OWN_WORK");
    e = await ok(e.id, { action: "verify", version: e.version, ok: true }, p.dispatcher.auth);
    e = await ok(e.id, { action: "close", version: e.version }, p.dispatcher.auth);
    expect(e.closedInGrid).toBe(true);
    e = await ok(
      e.id,
      { action: "evaluate", version: e.version, satisfaction: "dissatisfied", comment: "第二天又贴了" },
      p.resident.auth,
    );
    expect(e).toMatchObject({
      state: "handling",
      satisfaction: "dissatisfied",
      closedAt: null,
      slaStage: "handle",
    });
    expect(e.sla.reopenCount).toBe(1);
    expect(e.parts[0]).toMatchObject({ state: "accepted" });
    const [timeline] = await queryRows<{ data: { reopened: boolean; outcome: string } }>(
      env.db,
      sql`select data from event_actions where event_id = ${e.id} and action = 'evaluate'`,
    );
    expect(timeline!.data).toMatchObject({ reopened: true, outcome: "dissatisfied" });
    // the grid worker finishes again and the loop closes a second time
    e = await ok(
      e.id,
      { action: "finish_part", version: e.version, partId: e.parts[0].id, result: "加装防贴涂层" },
      p.worker11.auth,
    );
    expect(e.state).toBe("handled");
  });

  it("sends a failed verification back to the same units", async () => {
    const p = w.people;
    let e = await report(
      { category: "0103", description: "路面油污", areaCode: w.areas.g11.code },
      p.dispatcher.auth,
    );
    e = await ok(
      e.id,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      p.dispatcher.auth,
    );
    e = await ok(
      e.id,
      { action: "finish_part", version: e.version, partId: e.parts[0].id, result: "已清洗" },
      p.urbanHandler.auth,
    );
    e = await ok(e.id, { action: "feedback", version: e.version, result: "已清洗" }, p.urbanHandler.auth);
    e = await ok(
      e.id,
      { action: "verify", version: e.version, ok: false, note: "仍有油污" },
      p.worker11.auth,
    );
    expect(e).toMatchObject({ state: "handling", feedbackAt: null });
    expect(e.parts[0].state).toBe("accepted");
  });
});

describe("versions, idempotency and concurrency", () => {
  it("answers a stale version with 409 and the event as it is now", async () => {
    const e = await report(
      { category: "0105", description: "绿地垃圾", areaCode: w.areas.g11.code },
      w.people.worker11.auth,
    );
    await ok(e.id, { action: "accept", version: 1 }, w.people.dispatcher.auth);
    const stale = await act(
      e.id,
      { action: "mark_invalid", version: 1, reason: "重复" },
      w.people.dispatcher.auth,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "EVENT_VERSION_CONFLICT",
      current: { id: e.id, state: "accepted", version: 2 },
    });
  });

  it("returns the same result for the same idempotency key, with one action row", async () => {
    const e = await report(
      { category: "0105", description: "绿地垃圾 2", areaCode: w.areas.g11.code },
      w.people.worker11.auth,
    );
    const body = { action: "accept", version: 1, idempotencyKey: "accept-once-1" };
    const first = await act(e.id, body, w.people.dispatcher.auth);
    const second = await act(e.id, body, w.people.dispatcher.auth);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toMatchObject({ id: e.id, state: "accepted", version: first.json().version });
    expect(await actionCount(env, e.id, "accept")).toBe(1);
    expect((await auditOf(env, e.id, "event.accept")).length).toBe(1);
    const reused = await act(
      e.id,
      { action: "comment", note: "x", idempotencyKey: "accept-once-1" },
      w.people.dispatcher.auth,
    );
    expect(reused.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it(`lets exactly one of two parallel actions win; the other gets 409 (${testEngine})`, async () => {
    const e = await report(
      { category: "0105", description: "绿地垃圾 3", areaCode: w.areas.g11.code },
      w.people.worker11.auth,
    );
    const [a, b] = await Promise.all([
      act(e.id, { action: "accept", version: 1 }, w.people.dispatcher.auth),
      act(e.id, { action: "mark_invalid", version: 1, reason: "无效" }, w.people.dispatcher.auth),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe("EVENT_VERSION_CONFLICT");
    const [row] = await queryRows<{ version: number }>(
      env.db,
      sql`select version from events where id = ${e.id}`,
    );
    expect(row!.version).toBe(2);
    expect(await actionCount(env, e.id)).toBe(2); // report + the winner
  });

  it("refuses a step the state does not allow (409) and a role that may not take it (403)", async () => {
    const e = await report(
      { category: "0105", description: "绿地垃圾 4", areaCode: w.areas.g11.code },
      w.people.resident.auth,
    );
    const early = await act(e.id, { action: "close", version: 1 }, w.people.dispatcher.auth);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("EVENT_TRANSITION_NOT_ALLOWED");
    expect((await act(e.id, { action: "accept", version: 1 }, w.people.resident.auth)).statusCode).toBe(403);
    expect((await act(e.id, { action: "accept", version: 1 }, w.people.worker11.auth)).statusCode).toBe(403);
    expect((await act(e.id, { action: "accept", version: 1 }, w.people.worker21.auth)).statusCode).toBe(404);
    expect((await act(e.id, { action: "fly", version: 1 }, w.people.dispatcher.auth)).statusCode).toBe(409);
    const missing = await act(e.id, { action: "mark_invalid", version: 1 }, w.people.dispatcher.auth);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe("reason");
  });

  it("keeps comments out of the version race", async () => {
    const e = await report(
      { category: "0105", description: "绿地垃圾 5", areaCode: w.areas.g11.code },
      w.people.resident.auth,
    );
    const c = await ok(
      e.id,
      { action: "comment", note: "补充：晚上更严重", public: true },
      w.people.resident.auth,
    );
    expect(c.version).toBe(1);
    const timeline = (
      await app.inject({ url: `/api/events/${e.id}/timeline`, headers: w.people.resident.auth })
    ).json();
    expect(timeline.items.map((i: { action: string }) => i.action)).toEqual(["report", "comment"]);
  });
});

describe("returns, extensions, escalation, merge, cancel", () => {
  it("counts returns and refuses one beyond the limit; re-dispatch counts", async () => {
    const p = w.people;
    let e = await report(
      { category: "0304", description: "违建", areaCode: w.areas.g11.code },
      p.dispatcher.auth,
    );
    for (let i = 0; i < 2; i++) {
      e = await ok(
        e.id,
        { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
        p.dispatcher.auth,
      );
      e = await ok(
        e.id,
        { action: "return", version: e.version, reason: "不属于本单位职责" },
        p.urbanHandler.auth,
      );
      expect(e.state).toBe("returned");
    }
    expect(e).toMatchObject({ returnCount: 2, dispatchCount: 2 });
    expect(e.parts.every((x: { state: string }) => x.state === "withdrawn")).toBe(true);
    e = await ok(
      e.id,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      p.dispatcher.auth,
    );
    expect(e.can.return).toBe(false);
    const third = await act(
      e.id,
      { action: "return", version: e.version, reason: "还是不归我们" },
      p.urbanHandler.auth,
    );
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe("EVENT_RETURN_LIMIT");
  });

  it("returns the event when the last required part is rejected", async () => {
    const p = w.people;
    let e = await report(
      { category: "0304", description: "违建 2", areaCode: w.areas.g11.code },
      p.dispatcher.auth,
    );
    e = await ok(
      e.id,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      p.dispatcher.auth,
    );
    e = await ok(
      e.id,
      { action: "reject_part", version: e.version, partId: e.parts[0].id, reason: "非本辖区" },
      p.urbanHandler.auth,
    );
    expect(e).toMatchObject({ state: "returned", returnCount: 1 });
    expect(e.parts[0]).toMatchObject({ state: "rejected", reason: "非本辖区" });
  });

  it("extends the deadline by the approved days, within the limit", async () => {
    const p = w.people;
    let e = await report(
      { category: "0304", description: "违建 3", areaCode: w.areas.g11.code },
      p.dispatcher.auth,
    );
    e = await ok(
      e.id,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      p.dispatcher.auth,
    );
    const before = new Date(e.deadline);
    const tooLong = await act(
      e.id,
      { action: "request_extension", version: e.version, days: 21, reason: "需要审批" },
      p.urbanHandler.auth,
    );
    expect(tooLong.json().code).toBe("EXTENSION_INVALID");
    e = await ok(
      e.id,
      { action: "request_extension", version: e.version, days: 5, reason: "需协调产权单位" },
      p.urbanHandler.auth,
    );
    expect(e.sla.extensionRequest).toMatchObject({ days: 5 });
    expect((await read(e.id, p.urbanHandler.auth)).can.approve_extension).toBe(false);
    expect(
      (await act(e.id, { action: "approve_extension", version: e.version }, p.urbanHandler.auth)).statusCode,
    ).toBe(403);
    e = await ok(e.id, { action: "approve_extension", version: e.version }, p.dispatcher.auth);
    expect(e.sla).toMatchObject({ extensionDays: 5, extensionRequest: null });
    const after = new Date(e.deadline);
    expect((after.getTime() - before.getTime()) / 86_400_000).toBeGreaterThanOrEqual(5);
    expect(e.parts[0].deadline).toBe(e.deadline);
    const again = await act(e.id, { action: "approve_extension", version: e.version }, p.dispatcher.auth);
    expect(again.statusCode).toBe(409);
  });

  it("escalates up the ladder only, withdrawing the open parts", async () => {
    const p = w.people;
    let e = await report(
      { category: "0101", description: "垃圾太多网格处理不了", areaCode: w.areas.g11.code },
      p.dispatcher.auth,
    );
    expect(e.handlingLevel).toBe("grid");
    const down = await act(e.id, { action: "escalate", version: e.version, level: "grid" }, p.worker11.auth);
    expect(down.json().code).toBe("ESCALATION_NOT_UP");
    e = await ok(
      e.id,
      { action: "escalate", version: e.version, level: "street", reason: "需城管统筹" },
      p.worker11.auth,
    );
    expect(e).toMatchObject({ state: "accepted", handlingLevel: "street", slaStage: "dispatch" });
  });

  it("merges a duplicate: it closes as merged and its reporter follows the surviving event", async () => {
    const p = w.people;
    const a = await report(
      { category: "0108", description: "广场舞音响声音太大扰民", ...w.points.g21 },
      p.dispatcher.auth,
    );
    const b = await report(
      {
        category: "0108",
        description: "广场舞音响太大声扰民严重",
        lat: w.points.g21.lat + 0.0002,
        lng: w.points.g21.lng,
        reporter: { name: "赵六" },
      },
      p.resident.auth,
    );
    expect(b.duplicates.map((d: { id: string }) => d.id)).not.toContain(a.id); // the resident cannot see a's report
    const dups = (
      await app.inject({ url: `/api/events/${b.id}/duplicates`, headers: p.dispatcher.auth })
    ).json();
    expect(dups.items[0]).toMatchObject({ id: a.id });
    expect(dups.items[0].distanceM).toBeLessThan(50);
    expect((await read(a.id, p.resident.auth)).id).toBeUndefined();

    const merged = await ok(b.id, { action: "merge", version: b.version, intoId: a.id }, p.dispatcher.auth);
    expect(merged).toMatchObject({ state: "merged", mergedInto: { id: a.id } });
    expect(merged.closedAt).not.toBeNull();
    const survivor = await read(a.id, p.resident.auth);
    expect(survivor).toMatchObject({ id: a.id, version: a.version + 1 });
    expect(survivor.can.evaluate).toBe(false);
    const track = (await app.inject({ url: `/api/events/track/${b.trackingCode}` })).json();
    expect(track).toMatchObject({ no: a.no, mergedInto: { no: a.no } });
    expect(await actionCount(env, a.id, "merged_in")).toBe(1);
    const self = await act(
      a.id,
      { action: "merge", version: survivor.version, intoId: a.id },
      p.dispatcher.auth,
    );
    expect(self.statusCode).toBe(422);
  });

  it("lets the reporter cancel before dispatch", async () => {
    const e = await report(
      { category: "0105", description: "误报", areaCode: w.areas.g11.code },
      w.people.resident.auth,
    );
    const c = await ok(e.id, { action: "cancel", version: 1, reason: "已自行解决" }, w.people.resident.auth);
    expect(c).toMatchObject({ state: "cancelled" });
    expect(c.closedAt).not.toBeNull();
  });
});
