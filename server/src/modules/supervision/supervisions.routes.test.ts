import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { JobWorker } from "../../core/jobs";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { supervisionJobs } from "./supervision.jobs";
import { insertClockedEvent, insertEvent } from "./supervision.test-support";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let leader: Record<string, string>;
let gridWorker: { id: string; auth: Record<string, string> };
let otherGrid: Record<string, string>;

const HOUR = 3_600_000;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  leader = await bearer(app, (await buildUser(env, { roles: ["leader"], scopes: [tree.street] })).username);
  const g = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
  gridWorker = { id: g.id, auth: await bearer(app, g.username) };
  otherGrid = await bearer(
    app,
    (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g21] })).username,
  );
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const list = (query: string, headers: Record<string, string>) =>
  app.inject({ url: `/api/supervisions${query}`, headers });

describe("the supervision view (督办)", () => {
  it("a supervisor's instruction reaches the handlers and goes on the timeline; closing it is recorded", async () => {
    const event = await insertEvent(env.db, {
      areaPath: tree.g11.path,
      assigneeUserId: gridWorker.id,
      title: "占道经营",
    });
    const res = await app.inject({
      method: "POST",
      url: "/api/supervisions",
      payload: { eventId: event.id, reason: "群众反映强烈，请今日内处置" },
      headers: leader,
    });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      level: "notice",
      status: "open",
      reason: "群众反映强烈，请今日内处置",
      event: { id: event.id, title: "占道经营", state: "handling" },
      can: { close: true },
    });
    const notes = await queryRows<{ user_id: string }>(
      env.db,
      sql`select user_id from notifications where kind = 'supervision.notice' and subject_id = ${event.id}`,
    );
    expect(notes.map((n) => n.user_id)).toEqual([gridWorker.id]);

    // the grid worker sees it (read-only); another grid's worker does not
    const seen = (await list("", gridWorker.auth)).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect(seen.items.find((i: { id: string }) => i.id === s.id).can.close).toBe(false);
    expect((await list("", otherGrid)).json().items.map((i: { id: string }) => i.id)).not.toContain(s.id);

    const denied = await app.inject({
      method: "POST",
      url: `/api/supervisions/${s.id}/close`,
      payload: {},
      headers: gridWorker.auth,
    });
    expect(denied.statusCode).toBe(403);
    const hidden = await app.inject({
      method: "POST",
      url: `/api/supervisions/${s.id}/close`,
      payload: {},
      headers: otherGrid,
    });
    expect(hidden.statusCode).toBe(404);
    const closed = await app.inject({
      method: "POST",
      url: `/api/supervisions/${s.id}/close`,
      payload: { note: "已处置完毕" },
      headers: leader,
    });
    expect(closed.json()).toMatchObject({ status: "closed", note: "已处置完毕", can: { close: false } });
    const twice = await app.inject({
      method: "POST",
      url: `/api/supervisions/${s.id}/close`,
      payload: {},
      headers: leader,
    });
    expect(twice.statusCode).toBe(409);

    const actions = await queryRows<{ action: string; actor_name: string }>(
      env.db,
      sql`select action, actor_name from event_actions where event_id = ${event.id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(["supervise", "supervision_closed"]);
    for (const action of ["supervision.notice", "supervision.closed"]) {
      const rows = await queryRows(
        env.db,
        sql`select 1 from audit_log where action = ${action} and subject_id = ${s.id}`,
      );
      expect(rows, action).toHaveLength(1);
    }
  });

  it("refuses grid workers, other areas and finished events", async () => {
    const event = await insertEvent(env.db, { areaPath: tree.g11.path });
    const post = (headers: Record<string, string>, eventId = event.id) =>
      app.inject({
        method: "POST",
        url: "/api/supervisions",
        payload: { eventId, reason: "请加快" },
        headers,
      });
    expect((await post(gridWorker.auth)).statusCode).toBe(403);
    const c2Leader = await bearer(
      app,
      (await buildUser(env, { roles: ["leader"], scopes: [tree.c2] })).username,
    );
    expect((await post(c2Leader)).statusCode).toBe(404);
    const closed = await insertEvent(env.db, {
      areaPath: tree.g11.path,
      state: "closed",
      closedAt: env.clock.now(),
    });
    expect((await post(leader, closed.id)).statusCode).toBe(422);
  });

  it("lists overdue cards by level and status, with the event's deadline and colour", async () => {
    const event = await insertClockedEvent(env.db, {
      areaPath: tree.g12.path,
      warnAt: new Date(env.clock.now().getTime() + HOUR),
      deadline: new Date(env.clock.now().getTime() + 2 * HOUR),
      title: "井盖缺失",
    });
    await env.clock.set(new Date(event.deadline!.getTime() + 1000));
    await supervisionJobs(new JobWorker(env)).tick();
    const red = (await list(`?level=red&status=open&areaCode=${tree.c1.code}`, leader)).json();
    expect(red.items).toHaveLength(1);
    expect(red.items[0]).toMatchObject({
      level: "red",
      stage: "handle",
      event: { id: event.id, title: "井盖缺失", colour: "red", deadline: event.deadline!.toISOString() },
    });
    expect((await list(`?eventId=${event.id}`, leader)).json().total).toBe(2);
    expect((await list(`?areaCode=${tree.c2.code}&eventId=${event.id}`, leader)).json().total).toBe(0);
    expect((await list(`?areaCode=${tree.c2.code}`, gridWorker.auth)).statusCode).toBe(422);
  });
});
