import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDepartment, buildTree, buildUser } from "../../../test/factories";
import { testEnv, type TestEnv } from "../../../test/services";
import { JobWorker } from "../../core/jobs";
import { queryRows } from "../../db/database";
import { sweepOverdue } from "./fire-sla-timer";
import { timerPrefix } from "./sla-timers";
import { supervisionJobs } from "./supervision.jobs";
import { changeClock, insertClockedEvent, jobsLike } from "./supervision.test-support";

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildTree>>;
let worker: JobWorker;
let people: Record<
  "leaderC1" | "dispatcherStreet" | "gridWorker" | "handler",
  { id: string; username: string }
>;
let department: { id: string; code: string };

const HOUR = 3_600_000;
const at = (ms: number) => new Date(env.clock.now().getTime() + ms);

async function supervisionsOf(eventId: string) {
  return queryRows<{ level: string; stage: string; escalated_to_user_id: string | null; status: string }>(
    env.db,
    sql`select level, stage, escalated_to_user_id, status from supervisions where event_id = ${eventId} order by opened_at, case level when 'notice' then 0 when 'yellow' then 1 else 2 end`,
  );
}
async function eventRow(id: string) {
  const [row] = await queryRows<{ colour: string; version: number }>(
    env.db,
    sql`select colour, version from events where id = ${id}`,
  );
  return row!;
}
async function timeline(id: string) {
  return queryRows<{ action: string; version: number; actor_name: string }>(
    env.db,
    sql`select action, version, actor_name from event_actions where event_id = ${id} order by id`,
  );
}
async function notified(kind: string, subjectId: string) {
  const rows = await queryRows<{ user_id: string }>(
    env.db,
    sql`select user_id from notifications where kind = ${kind} and subject_id = ${subjectId} order by user_id`,
  );
  return rows.map((r) => r.user_id).sort();
}
async function audits(action: string) {
  return queryRows<{ subject_id: string; actor_name: string }>(
    env.db,
    sql`select subject_id, actor_name from audit_log where action = ${action}`,
  );
}

beforeAll(async () => {
  env = await testEnv();
  tree = await buildTree(env);
  department = await buildDepartment(env);
  people = {
    leaderC1: await buildUser(env, { roles: ["leader"], scopes: [tree.c1] }),
    dispatcherStreet: await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] }),
    gridWorker: await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] }),
    handler: await buildUser(env, {
      roles: ["department_handler"],
      scopes: [tree.street],
      department: department.code,
    }),
  };
  worker = supervisionJobs(new JobWorker(env));
});
afterAll(async () => {
  await env.close();
});

describe("SLA timers", () => {
  it("turns an event yellow then red, one supervision each, escalated to the nearest supervisor", async () => {
    const event = await insertClockedEvent(env.db, {
      areaPath: tree.g11.path,
      warnAt: at(HOUR),
      deadline: at(2 * HOUR),
      assigneeUserId: people.gridWorker.id,
      departmentId: department.id,
    });
    const timers = await jobsLike(env.db, timerPrefix(event.id));
    expect(timers.map((t) => [t.kind, t.status])).toEqual([
      ["sla.warn", "pending"],
      ["sla.overdue", "pending"],
    ]);
    expect(timers[0]!.dedupe_key).toBe(`sla:${event.id}:warn:handle:${event.deadline!.getTime()}`);

    await worker.tick();
    expect(await supervisionsOf(event.id)).toEqual([]);
    expect((await eventRow(event.id)).colour).toBe("green");

    await env.clock.set(new Date(event.warnAt!.getTime() + 1000));
    await worker.tick();
    expect(await eventRow(event.id)).toEqual({ colour: "yellow", version: 2 });
    expect(await supervisionsOf(event.id)).toEqual([
      { level: "yellow", stage: "handle", escalated_to_user_id: null, status: "open" },
    ]);
    expect(await timeline(event.id)).toEqual([{ action: "sla_yellow", version: 2, actor_name: "system" }]);
    // the handlers (the assignee and the unit's people) and the centre's dispatcher
    expect(await notified("event.yellow", event.id)).toEqual(
      [people.gridWorker.id, people.handler.id, people.dispatcherStreet.id].sort(),
    );
    expect((await audits("supervision.yellow")).map((a) => a.actor_name)).toEqual(["system"]);

    await worker.tick(); // a second round opens nothing
    expect(await supervisionsOf(event.id)).toHaveLength(1);

    await env.clock.set(new Date(event.deadline!.getTime() + 1000));
    await worker.tick();
    await worker.tick();
    expect(await eventRow(event.id)).toEqual({ colour: "red", version: 3 });
    const cards = await supervisionsOf(event.id);
    expect(cards.map((c) => c.level)).toEqual(["yellow", "red"]);
    // nearest leader or dispatcher up the path: the community's leader, not the street's dispatcher
    expect(cards[1]!.escalated_to_user_id).toBe(people.leaderC1.id);
    expect(await notified("event.red", event.id)).toEqual(
      [people.gridWorker.id, people.handler.id, people.dispatcherStreet.id, people.leaderC1.id].sort(),
    );
    expect((await timeline(event.id)).map((t) => t.action)).toEqual(["sla_yellow", "sla_red"]);
    expect(await audits("supervision.red")).toHaveLength(1);
    expect(await sweepOverdue(env, env.db)).toBe(0);
    expect((await jobsLike(env.db, timerPrefix(event.id))).map((t) => t.status)).toEqual(["done", "done"]);
  });

  it("escalates to the street's dispatcher when no one is nearer", async () => {
    const event = await insertClockedEvent(env.db, { areaPath: tree.g21.path, deadline: at(HOUR) });
    await env.clock.set(at(HOUR + 1000));
    await worker.tick();
    const cards = await supervisionsOf(event.id);
    expect(cards).toEqual([
      { level: "red", stage: "handle", escalated_to_user_id: people.dispatcherStreet.id, status: "open" },
    ]);
  });

  it("gives a rescheduled deadline a fresh timer and cancels the old one", async () => {
    const event = await insertClockedEvent(env.db, {
      areaPath: tree.g12.path,
      warnAt: at(HOUR),
      deadline: at(2 * HOUR),
    });
    const later = await changeClock(env.db, event.id, { warnAt: at(5 * HOUR), deadline: at(6 * HOUR) });
    const timers = await jobsLike(env.db, timerPrefix(event.id));
    expect(timers.map((t) => [t.kind, t.status])).toEqual([
      ["sla.warn", "cancelled"],
      ["sla.overdue", "cancelled"],
      ["sla.warn", "pending"],
      ["sla.overdue", "pending"],
    ]);
    expect(timers[3]!.dedupe_key).toBe(`sla:${event.id}:overdue:handle:${later.deadline!.getTime()}`);
    // rescheduling again with the same clock changes nothing
    await changeClock(env.db, event.id, {});
    expect(await jobsLike(env.db, timerPrefix(event.id))).toHaveLength(4);

    await env.clock.set(new Date(event.deadline!.getTime() + 1000)); // past the old deadline only
    await worker.tick();
    expect(await supervisionsOf(event.id)).toEqual([]);
    await env.clock.set(new Date(later.deadline!.getTime() + 1000));
    await worker.tick();
    expect((await supervisionsOf(event.id)).map((s) => s.level)).toEqual(["yellow", "red"]);
  });

  it("a new stage gets its own cards; a stale timer is ignored and the sweep catches what it missed", async () => {
    const event = await insertClockedEvent(env.db, {
      areaPath: tree.g11.path,
      slaStage: "accept",
      deadline: at(HOUR),
    });
    // the stage changes but (as after a crash) the timers were not rescheduled
    const handle = await changeClock(env.db, event.id, { slaStage: "handle", deadline: at(3 * HOUR) }, false);
    await env.clock.set(at(HOUR + 1000));
    await worker.tick();
    expect(await supervisionsOf(event.id)).toEqual([]); // the accept timer fired and saw a new stage
    await env.clock.set(new Date(handle.deadline!.getTime() + 1000));
    expect(await sweepOverdue(env, env.db)).toBeGreaterThanOrEqual(1);
    expect((await supervisionsOf(event.id)).map((s) => [s.level, s.stage])).toEqual([["red", "handle"]]);
    expect(await sweepOverdue(env, env.db)).toBe(0);
  });

  it("sets no timers for a paused or closed event and cancels those it had", async () => {
    const event = await insertClockedEvent(env.db, {
      areaPath: tree.g11.path,
      warnAt: at(HOUR),
      deadline: at(2 * HOUR),
    });
    await changeClock(env.db, event.id, { pausedAt: env.clock.now(), state: "suspended" });
    expect((await jobsLike(env.db, timerPrefix(event.id))).map((t) => t.status)).toEqual([
      "cancelled",
      "cancelled",
    ]);
    const closed = await insertClockedEvent(env.db, {
      areaPath: tree.g11.path,
      deadline: at(HOUR),
      closedAt: env.clock.now(),
      state: "closed",
    });
    expect(await jobsLike(env.db, timerPrefix(closed.id))).toEqual([]);
    await env.clock.set(at(3 * HOUR));
    await worker.tick();
    expect(await supervisionsOf(event.id)).toEqual([]);
    expect(await supervisionsOf(closed.id)).toEqual([]);
  });

  it("settles the cards a change made moot: a finished stage's, then all when the event closes", async () => {
    const event = await insertClockedEvent(env.db, { areaPath: tree.g11.path, deadline: at(HOUR) });
    await env.clock.set(at(HOUR + 1000));
    await worker.tick();
    expect((await supervisionsOf(event.id)).map((s) => [s.level, s.status])).toEqual([["red", "open"]]);
    await changeClock(env.db, event.id, { pausedAt: env.clock.now(), state: "suspended" });
    expect((await supervisionsOf(event.id)).map((s) => s.status)).toEqual(["open"]); // paused: kept
    const verify = await changeClock(env.db, event.id, {
      pausedAt: null,
      state: "feedback",
      slaStage: "verify",
      deadline: at(5 * HOUR),
    });
    expect((await supervisionsOf(event.id)).map((s) => s.status)).toEqual(["closed"]);
    await env.clock.set(new Date(verify.deadline!.getTime() + 1000));
    await worker.tick();
    expect((await supervisionsOf(event.id)).map((s) => [s.stage, s.status])).toEqual([
      ["handle", "closed"],
      ["verify", "open"],
    ]);
    await changeClock(env.db, event.id, { state: "closed", closedAt: env.clock.now() });
    expect((await supervisionsOf(event.id)).map((s) => s.status)).toEqual(["closed", "closed"]);
  });

  it("two workers ticking at once open one card", async () => {
    const event = await insertClockedEvent(env.db, {
      areaPath: tree.g12.path,
      warnAt: at(HOUR),
      deadline: at(2 * HOUR),
    });
    await env.clock.set(at(2 * HOUR + 1000));
    const other = supervisionJobs(new JobWorker(env));
    await Promise.all([worker.tick(), other.tick(), worker.tick(), other.tick()]);
    expect((await supervisionsOf(event.id)).map((s) => s.level).sort()).toEqual(["red", "yellow"]);
  });
});
