import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { JobWorker } from "../../core/jobs";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { eventWorld, type World } from "../events/events.test-support";
import { computeKpis } from "./kpis";
import { timerPrefix } from "./sla-timers";
import { supervisionJobs } from "./supervision.jobs";
import { jobsLike } from "./supervision.test-support";

// The whole path through the event module: intake and dispatch by its API schedule the timers, the
// worker turns the event yellow and red, the supervisor sees the card, a consultation is convened.
let env: TestEnv;
let app: FastifyTypebox;
let w: World;
let worker: JobWorker;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  w = await eventWorld(env, app);
  worker = supervisionJobs(new JobWorker(env));
});
afterAll(async () => {
  await app.close();
  await env.close();
});

type Auth = Record<string, string>;
const post = async (url: string, payload: object, auth: Auth, status = 200) => {
  const res = await app.inject({ method: "POST", url, payload, headers: auth });
  if (res.statusCode !== status) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res.json();
};
const get = async (url: string, auth: Auth) => (await app.inject({ url, headers: auth })).json();

describe("supervision through the event module", () => {
  it("an event dispatched through the API turns yellow, then red with a card for the leader", async () => {
    const p = w.people;
    let e = await post(
      "/api/events",
      { category: "0404", description: "路口长期乱停车", areaCode: w.areas.g11.code },
      p.dispatcher.auth,
      201,
    );
    e = await post(
      `/api/events/${e.id}/actions`,
      { action: "dispatch", version: e.version, units: [{ departmentId: w.departments.urban.id }] },
      p.dispatcher.auth,
    );
    expect(e).toMatchObject({ state: "dispatched", slaStage: "handle" });
    const timers = await jobsLike(env.db, timerPrefix(e.id));
    const pending = timers.filter((t) => t.status === "pending");
    expect(pending.map((t) => t.kind)).toEqual(["sla.warn", "sla.overdue"]);
    expect(pending[1]!.dedupe_key).toBe(`sla:${e.id}:overdue:handle:${new Date(e.deadline).getTime()}`);
    // the accept and dispatch stages' timers were cancelled as the clock moved on
    expect(timers.filter((t) => t.status === "cancelled").length).toBeGreaterThan(0);

    await env.clock.set(new Date(new Date(e.warnAt).getTime() + 1000));
    await worker.tick();
    let now = await get(`/api/events/${e.id}`, p.dispatcher.auth);
    expect(now).toMatchObject({ colour: "yellow", version: e.version + 1 });

    await env.clock.set(new Date(new Date(e.deadline).getTime() + 1000));
    await worker.tick();
    await worker.tick();
    now = await get(`/api/events/${e.id}`, p.dispatcher.auth);
    expect(now).toMatchObject({ colour: "red", version: e.version + 2 });
    const timeline = await get(`/api/events/${e.id}/timeline`, p.dispatcher.auth);
    expect(timeline.items.map((t: { action: string }) => t.action).slice(-2)).toEqual([
      "sla_yellow",
      "sla_red",
    ]);

    const cards = await get(`/api/supervisions?eventId=${e.id}`, p.leader.auth);
    expect(cards.items.map((c: { level: string }) => c.level).sort()).toEqual(["red", "yellow"]);
    const red = cards.items.find((c: { level: string }) => c.level === "red");
    expect(red.escalatedTo.id).toBe(p.leader.id);
    const notes = await queryRows<{ user_id: string; kind: string }>(
      env.db,
      sql`select user_id, kind from notifications where subject_id = ${e.id} and kind in ('event.yellow','event.red')`,
    );
    // the unit's handler and the dispatcher who sent it hear of both; the leader of the red card
    const who = (kind: string) =>
      notes
        .filter((n) => n.kind === kind)
        .map((n) => n.user_id)
        .sort();
    expect(who("event.yellow")).toEqual([p.dispatcher.id, p.urbanHandler.id].sort());
    expect(who("event.red")).toEqual([p.dispatcher.id, p.leader.id, p.urbanHandler.id].sort());

    // the cards moved the version: acting on the one from before them is refused with the current state
    const stale = await app.inject({
      method: "POST",
      url: `/api/events/${e.id}/actions`,
      payload: { action: "suspend", reason: "等待业主回复", version: e.version },
      headers: p.dispatcher.auth,
    });
    expect(stale.statusCode).toBe(409);

    // the leader convenes the units on it in one request
    const c = await post(
      `/api/events/${e.id}/consultations`,
      {
        title: "乱停车整治会商",
        participants: [{ departmentId: w.departments.urban.id }, { userId: p.worker11.id }],
      },
      p.leader.auth,
      201,
    );
    expect(c.participants).toHaveLength(2);
    const after = await get(`/api/events/${e.id}/timeline`, p.dispatcher.auth);
    expect(after.items.at(-1).action).toBe("consultation_convened");

    const [kpi] = await computeKpis(env.db, {
      areaPath: w.areas.street.path,
      from: new Date(0),
      to: new Date(env.clock.now().getTime() + 1),
      asOf: env.clock.now(),
    });
    expect(kpi!.counts).toMatchObject({ received: 1, closed: 0, overdueOpen: 1, dispatched: 1 });
  });
});
