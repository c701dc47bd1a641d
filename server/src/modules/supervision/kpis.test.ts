import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { FastifyTypebox } from "../../http/types";
import { computeKpis, computeKpisFromRaw, KPIS, type KpiQuery, type KpiRow } from "./kpis";
import { insertEvent, type TestEvent } from "./supervision.test-support";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = new Date("2026-03-02T00:00:00Z").getTime();
const d = (days: number, hours = 0) => new Date(T0 + days * DAY + hours * HOUR);
const period = { from: d(0), to: d(30), asOf: d(40) };

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

/** A known small set, figures worked out by hand below. */
async function knownSet() {
  const road = "city.road";
  const add = (e: TestEvent) => insertEvent(env.db, { categoryCode: road, ...e });
  const closed = (created: Date, hours: number) => ({
    createdAt: created,
    closedAt: new Date(created.getTime() + hours * HOUR),
    state: "closed",
  });
  const first = await add({
    areaPath: tree.g11.path,
    ...closed(d(1), 10),
    closedOnTime: true,
    closedInGrid: true,
    satisfaction: "satisfied",
    dueAt: d(4),
  });
  await add({
    areaPath: tree.g11.path,
    ...closed(d(2), 30),
    closedOnTime: false,
    closedInGrid: false,
    satisfaction: "basic",
    dispatchCount: 2,
    dueAt: d(3),
  });
  await add({
    areaPath: tree.g12.path,
    ...closed(d(3), 20),
    closedOnTime: true,
    closedInGrid: false,
    satisfaction: "dissatisfied",
    dispatchCount: 1,
    dueAt: d(5),
  });
  await add({ areaPath: tree.g12.path, createdAt: d(3), dueAt: d(10), deadline: d(9), dispatchCount: 1 }); // open, overdue
  await add({ areaPath: tree.g21.path, createdAt: d(4), dueAt: d(50), deadline: d(45) }); // open, not due yet
  await add({
    areaPath: tree.g21.path,
    createdAt: d(4),
    dueAt: d(50),
    deadline: d(6),
    pausedAt: d(5),
    state: "suspended",
  }); // paused in time
  await add({ areaPath: tree.g21.path, createdAt: d(4), state: "cancelled", closedAt: d(4, 1) }); // left out
  await add({
    areaPath: tree.g11.path,
    createdAt: d(4),
    state: "merged",
    mergedIntoId: first.id,
    closedAt: d(4, 1),
  }); // left out
  await add({ areaPath: tree.g11.path, createdAt: d(-1), state: "handling", dueAt: d(1) }); // before the period
  await add({ areaPath: tree.c1.path, createdAt: d(5), deadline: d(20) }); // on the community itself, overdue
  await add({
    areaPath: tree.g11.path,
    ...closed(d(4), 2),
    categoryCode: "safety.fire",
    closedOnTime: true,
    closedInGrid: true,
    dueAt: d(6),
  });
}

const street = () => ({ areaPath: tree.street.path, ...period });

describe("KPIs", () => {
  it("computes the figures of a known set exactly, in one query, and the raw way agrees", async () => {
    await knownSet();
    const [total] = await computeKpis(env.db, street());
    expect(total!.counts).toEqual({
      received: 8,
      dueToClose: 5,
      closed: 4,
      closedOnTime: 3,
      closedInGrid: 2,
      evaluated: 3,
      satisfied: 2,
      dissatisfied: 1,
      dispatched: 3,
      redispatched: 1,
      overdueOpen: 2,
      handlingHours: 62,
    });
    expect(total!.values).toEqual({
      closure_rate: 0.8,
      on_time_closure_rate: 0.6,
      satisfaction_rate: 2 / 3,
      dissatisfaction_rate: 1 / 3,
      closed_in_grid_rate: 0.25,
      overdue_open: 2,
      redispatch_rate: 0.25,
      avg_handling_hours: 15.5,
    });
    expect(await computeKpisFromRaw(env.db, street())).toEqual([total]);

    const fire = await computeKpis(env.db, { ...street(), categoryPrefix: "safety" });
    expect(fire[0]!.counts).toMatchObject({ received: 1, closed: 1, dueToClose: 1, handlingHours: 2 });
    expect(fire[0]!.values.closure_rate).toBe(1);
  });

  it("ranks child areas (晾晒比拼): every child, zero ones included, and the area's own events apart", async () => {
    const byCommunity = await computeKpis(env.db, { ...street(), groupByChildArea: true });
    expect(
      byCommunity.map((r) => [
        r.kind,
        r.area?.code,
        r.counts.received,
        r.counts.closed,
        r.values.closure_rate,
      ]),
    ).toEqual([
      ["child", tree.c1.code, 6, 4, 0.8],
      ["child", tree.c2.code, 2, 0, null],
    ]);
    const byGrid = await computeKpis(env.db, { areaPath: tree.c1.path, ...period, groupByChildArea: true });
    expect(
      byGrid.map((r) => [r.kind, r.area?.code ?? null, r.counts.received, r.counts.overdueOpen]),
    ).toEqual([
      ["child", tree.g11.code, 3, 0],
      ["child", tree.g12.code, 2, 1],
      ["self", null, 1, 1],
    ]);
    expect(
      await computeKpisFromRaw(env.db, { areaPath: tree.c1.path, ...period, groupByChildArea: true }),
    ).toEqual(byGrid);
  });

  it("agrees with the raw computation on a generated set", async () => {
    const other = await buildTree(env);
    const places = [other.g11.path, other.g12.path, other.g21.path, other.c2.path, null];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    await env.db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) {
        const created = T0 + rand() * 60 * DAY;
        const isClosed = rand() < 0.55;
        const closedAt = isClosed ? new Date(created + rand() * 20 * DAY) : null;
        await insertEvent(tx, {
          areaPath: pick(places),
          categoryCode: pick(["city.road", "city.light", "safety.fire", "dispute.neighbour"]),
          createdAt: new Date(created),
          state: isClosed
            ? pick(["closed", "evaluated"])
            : pick(["handling", "dispatched", "suspended", "cancelled", "invalid"]),
          closedAt,
          dueAt: rand() < 0.85 ? new Date(created + rand() * 30 * DAY) : null,
          deadline: rand() < 0.8 ? new Date(created + rand() * 25 * DAY) : null,
          pausedAt: !isClosed && rand() < 0.2 ? new Date(created + rand() * 10 * DAY) : null,
          satisfaction: isClosed ? pick([null, "satisfied", "basic", "dissatisfied"]) : null,
          closedOnTime: isClosed ? rand() < 0.7 : null,
          closedInGrid: isClosed ? rand() < 0.5 : null,
          dispatchCount: pick([0, 0, 1, 1, 1, 2, 3]),
        });
      }
    });
    const queries: KpiQuery[] = [
      { areaPath: other.street.path, from: d(0), to: d(60), asOf: d(45) },
      { areaPath: other.street.path, from: d(10), to: d(40), asOf: d(70), groupByChildArea: true },
      { areaPath: other.c1.path, from: d(0), to: d(60), asOf: d(30), groupByChildArea: true },
      { areaPath: other.street.path, from: d(0), to: d(60), asOf: d(45), categoryPrefix: "city" },
      { areaPath: "", from: d(0), to: d(60), asOf: d(45) },
    ];
    const rounded = (rows: KpiRow[]) =>
      rows.map((r) => ({
        ...r,
        counts: { ...r.counts, handlingHours: Math.round(r.counts.handlingHours * 1000) / 1000 },
        values: Object.fromEntries(
          Object.entries(r.values).map(([k, v]) => [k, v === null ? null : Math.round(v * 1e9) / 1e9]),
        ),
      }));
    for (const q of queries) {
      const fast = await computeKpis(env.db, q);
      expect(fast.reduce((n, r) => n + r.counts.received, 0)).toBeGreaterThan(0);
      expect(rounded(await computeKpisFromRaw(env.db, q, 37))).toEqual(rounded(fast));
    }
  });

  it("serves the definitions and the figures to leaders and dispatchers in scope", async () => {
    const leader = await bearer(
      app,
      (await buildUser(env, { roles: ["leader"], scopes: [tree.street] })).username,
    );
    const c2Leader = await bearer(
      app,
      (await buildUser(env, { roles: ["leader"], scopes: [tree.c2] })).username,
    );
    const gridWorker = await bearer(
      app,
      (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] })).username,
    );
    const defs = (await app.inject({ url: "/api/kpis/definitions", headers: leader })).json();
    expect(defs.items.map((k: { id: string }) => k.id)).toEqual(KPIS.map((k) => k.id));
    expect(defs.items[0]).toMatchObject({
      name: { zh: "办结率", en: "Closure rate" },
      formula: "closed ÷ due_to_close",
    });

    await env.clock.set(period.asOf);
    const q = `from=${period.from.toISOString()}&to=${period.to.toISOString()}`;
    const res = await app.inject({
      url: `/api/kpis?areaCode=${tree.street.code}&${q}&groupBy=area`,
      headers: leader,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.area.code).toBe(tree.street.code);
    expect(body.rows.map((r: KpiRow) => [r.area?.code, r.values.closure_rate])).toEqual([
      [tree.c1.code, 0.8],
      [tree.c2.code, null],
    ]);
    // my own area by default
    const mine = (await app.inject({ url: `/api/kpis?${q}&category=safety`, headers: c2Leader })).json();
    expect([mine.area.code, mine.rows[0].counts.received]).toEqual([tree.c2.code, 0]);
    expect(
      (await app.inject({ url: `/api/kpis?areaCode=${tree.c1.code}&${q}`, headers: c2Leader })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: `/api/kpis?${q}`, headers: gridWorker })).statusCode).toBe(403);
    const backwards = await app.inject({
      url: `/api/kpis?from=${period.to.toISOString()}&to=${period.from.toISOString()}`,
      headers: leader,
    });
    expect(backwards.statusCode).toBe(400);
  });
});
