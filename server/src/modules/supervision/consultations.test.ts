import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDepartment, buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { insertEvent } from "./supervision.test-support";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dispatcher: { id: string; auth: Record<string, string> };
let parties: { id: string; username: string }[];
let departments: { id: string; code: string }[];
let deptHandlers: { id: string; username: string }[];

const DAY = 86_400_000;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  const d = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
  dispatcher = { id: d.id, auth: await bearer(app, d.username) };
  // the training-school story: street, police station, market regulator, judicial office, intake centre
  parties = [
    await buildUser(env, { roles: ["leader"], scopes: [tree.street] }),
    await buildUser(env, { roles: ["police"], scopes: [tree.street] }),
    await buildUser(env, { roles: ["mediator"], scopes: [tree.c1] }),
  ];
  departments = [await buildDepartment(env), await buildDepartment(env)];
  deptHandlers = [
    await buildUser(env, {
      roles: ["department_handler"],
      scopes: [tree.street],
      department: departments[0]!.code,
    }),
    await buildUser(env, {
      roles: ["department_handler"],
      scopes: [tree.street],
      department: departments[1]!.code,
    }),
  ];
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const convene = (eventId: string, payload: object, headers = dispatcher.auth) =>
  app.inject({ method: "POST", url: `/api/events/${eventId}/consultations`, payload, headers });
const fiveParties = () => [
  ...parties.map((p) => ({ userId: p.id })),
  ...departments.map((d) => ({ departmentId: d.id })),
];

describe("consultation (会商)", () => {
  it("convenes five parties in one request: all notified at once, on the event's timeline, audited", async () => {
    const event = await insertEvent(env.db, { areaPath: tree.g11.path, title: "培训机构停业 60 余人聚集" });
    const res = await convene(event.id, {
      title: "培训机构停业处置会商",
      agenda: "退费方案与现场秩序",
      participants: fiveParties(),
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      title: "培训机构停业处置会商",
      agenda: "退费方案与现场秩序",
      status: "open",
      event: { id: event.id, title: "培训机构停业 60 余人聚集" },
      convenedBy: { id: dispatcher.id },
      can: { join: false, edit: true, close: true },
    });
    expect(c.participants).toHaveLength(5);
    expect(c.participants.every((p: { notifiedAt: string | null }) => p.notifiedAt !== null)).toBe(true);

    // right after the one call, the five parties each have their notification
    const notes = await queryRows<{ user_id: string; title: string }>(
      env.db,
      sql`select user_id, title from notifications where kind = 'consultation.convened' and subject_id = ${c.id}`,
    );
    expect(notes.map((n) => n.user_id).sort()).toEqual([...parties, ...deptHandlers].map((p) => p.id).sort());
    expect(notes[0]!.title).toBe("【会商】培训机构停业处置会商");

    const [timeline] = await queryRows<{ action: string; version: number; data: { consultationId: string } }>(
      env.db,
      sql`select action, version, data from event_actions where event_id = ${event.id}`,
    );
    expect(timeline).toMatchObject({
      action: "consultation_convened",
      version: 2,
      data: { consultationId: c.id },
    });
    const [row] = await queryRows<{ version: number }>(
      env.db,
      sql`select version from events where id = ${event.id}`,
    );
    expect(row!.version).toBe(2);
    const audit = await queryRows(
      env.db,
      sql`select 1 from audit_log where action = 'consultation.convened' and subject_id = ${c.id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it("lets the parties join, records minutes and decisions, hands out tasks and closes", async () => {
    const event = await insertEvent(env.db, { areaPath: tree.g12.path });
    const c = (await convene(event.id, { title: "欠薪纠纷会商", participants: fiveParties() })).json();
    const police = await bearer(app, parties[1]!.username);
    const handler = await bearer(app, deptHandlers[0]!.username);

    expect((await app.inject({ url: `/api/consultations/${c.id}`, headers: police })).json().can).toEqual({
      join: true,
      edit: false,
      close: false,
    });
    const joined = await app.inject({
      method: "POST",
      url: `/api/consultations/${c.id}/join`,
      headers: handler,
    });
    expect(joined.statusCode).toBe(200);
    const deptRow = joined
      .json()
      .participants.find((p: { departmentId: string }) => p.departmentId === departments[0]!.id);
    expect(deptRow.joinedAt).not.toBeNull();
    // a party may not write the minutes; the convener may
    const minutes = {
      minutes: "各方通报情况，明确退费和维稳分工。",
      decisions: [{ text: "市场监管牵头核查预收费" }, { text: "派出所维持现场秩序" }],
    };
    const denied = await app.inject({
      method: "PUT",
      url: `/api/consultations/${c.id}/minutes`,
      payload: minutes,
      headers: police,
    });
    expect(denied.statusCode).toBe(403);
    const written = await app.inject({
      method: "PUT",
      url: `/api/consultations/${c.id}/minutes`,
      payload: minutes,
      headers: dispatcher.auth,
    });
    expect(written.json().decisions).toEqual(minutes.decisions);

    const dueAt = new Date(env.clock.now().getTime() + 2 * DAY).toISOString();
    const task = await app.inject({
      method: "POST",
      url: `/api/consultations/${c.id}/tasks`,
      payload: { title: "核查预收费台账", assignee: { departmentId: departments[0]!.id }, dueAt },
      headers: dispatcher.auth,
    });
    expect(task.statusCode).toBe(201);
    expect(task.json()).toMatchObject({ status: "open", eventId: event.id, consultationId: c.id, dueAt });
    const past = await app.inject({
      method: "POST",
      url: `/api/consultations/${c.id}/tasks`,
      payload: { title: "过期任务", assignee: { userId: parties[1]!.id }, dueAt: "2000-01-01T00:00:00Z" },
      headers: dispatcher.auth,
    });
    expect(past.statusCode).toBe(422);

    // the department's handler sees the task in their list and finishes it
    const mine = (await app.inject({ url: "/api/tasks", headers: handler })).json();
    expect(mine.items.map((t: { title: string }) => t.title)).toContain("核查预收费台账");
    const done = await app.inject({
      method: "POST",
      url: `/api/tasks/${task.json().id}/done`,
      payload: { result: "已核查，预收费 38 万元" },
      headers: handler,
    });
    expect(done.json()).toMatchObject({ status: "done", result: "已核查，预收费 38 万元" });
    const again = await app.inject({
      method: "POST",
      url: `/api/tasks/${task.json().id}/done`,
      payload: { result: "x" },
      headers: handler,
    });
    expect(again.statusCode).toBe(409);
    const creatorNotes = await queryRows(
      env.db,
      sql`select 1 from notifications where user_id = ${dispatcher.id} and kind = 'task.done'`,
    );
    expect(creatorNotes).toHaveLength(1);
    // someone else (in scope) may not finish a task that is not theirs
    const other = await app.inject({
      method: "POST",
      url: `/api/consultations/${c.id}/tasks`,
      payload: { title: "维持秩序", assignee: { userId: parties[1]!.id }, dueAt },
      headers: dispatcher.auth,
    });
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/tasks/${other.json().id}/done`,
          payload: { result: "x" },
          headers: handler,
        })
      ).statusCode,
    ).toBe(403);

    const closed = await app.inject({
      method: "POST",
      url: `/api/consultations/${c.id}/close`,
      headers: dispatcher.auth,
    });
    expect(closed.json()).toMatchObject({
      status: "closed",
      can: { edit: false, close: false, join: false },
    });
    const actions = await queryRows<{ action: string }>(
      env.db,
      sql`select action from event_actions where event_id = ${event.id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(["consultation_convened", "consultation_closed"]);
    const late = await app.inject({
      method: "PUT",
      url: `/api/consultations/${c.id}/minutes`,
      payload: minutes,
      headers: dispatcher.auth,
    });
    expect(late.statusCode).toBe(409);
    for (const action of [
      "consultation.joined",
      "consultation.minutes",
      "task.created",
      "task.done",
      "consultation.closed",
    ]) {
      const rows = await queryRows(env.db, sql`select 1 from audit_log where action = ${action}`);
      expect(rows.length, action).toBeGreaterThan(0);
    }
  });

  it("is for supervisors in the event's scope, and hidden from others", async () => {
    const event = await insertEvent(env.db, { areaPath: tree.g11.path });
    const gridWorker = await bearer(
      app,
      (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] })).username,
    );
    const otherGrid = await bearer(
      app,
      (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g21] })).username,
    );
    const otherLeader = await bearer(
      app,
      (await buildUser(env, { roles: ["leader"], scopes: [tree.c2] })).username,
    );
    const body = { title: "会商", participants: [{ userId: parties[0]!.id }] };
    expect((await convene(event.id, body, gridWorker)).statusCode).toBe(403);
    expect((await convene(event.id, body, otherLeader)).statusCode).toBe(404);
    expect((await convene("00000000-0000-4000-8000-000000000000", body)).statusCode).toBe(404);
    const unknown = await convene(event.id, {
      title: "会商",
      participants: [{ userId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().field).toBe("participants.0");
    const both = await convene(event.id, {
      title: "会商",
      participants: [{ userId: parties[0]!.id, departmentId: departments[0]!.id }],
    });
    expect(both.statusCode).toBe(400);

    const c = (await convene(event.id, body)).json();
    expect((await app.inject({ url: `/api/consultations/${c.id}`, headers: gridWorker })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ url: `/api/consultations/${c.id}`, headers: otherGrid })).statusCode).toBe(
      404,
    );
    expect(
      (await app.inject({ method: "POST", url: `/api/consultations/${c.id}/join`, headers: gridWorker }))
        .statusCode,
    ).toBe(403);

    const closedEvent = await insertEvent(env.db, {
      areaPath: tree.g11.path,
      state: "closed",
      closedAt: env.clock.now(),
    });
    expect((await convene(closedEvent.id, body)).statusCode).toBe(422);
  });
});
