/**
 * kpi: the closed loop's KPIs (closure, on-time, satisfaction, closed-in-grid, overdue, re-dispatch,
 * handling time) for a district over a year, ranked by street (晾晒比拼), over generated past events
 * on PostgreSQL — beside the same figures computed from the raw rows in the application.
 */
import { sql } from "drizzle-orm";
import { buildAreasForScale } from "../src/demo/area-plans";
import { generateEventHistory } from "../src/demo/event-history";
import * as areasRepo from "../src/modules/areas/areas.repo";
import { computeKpis, computeKpisFromRaw } from "../src/modules/supervision/kpis";
import { round, type Benchmark } from "./bench";
import { benchPostgres } from "./bench-db";

export const kpiBench: Benchmark = {
  name: "kpi",
  async run(o) {
    if (!o.pgUrl) {
      console.error("  skipped: no PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
      return null;
    }
    const count = o.quick ? 1_000_000 : 10_000_000;
    const database = await benchPostgres(o.pgUrl);
    try {
      const { rows } = buildAreasForScale("district", 1);
      for (let i = 0; i < rows.length; i += 500) await areasRepo.insert(database.db, rows.slice(i, i + 500));
      const to = new Date("2026-01-01T00:00:00+08:00");
      const from = new Date("2025-01-01T00:00:00+08:00");
      const t0 = performance.now();
      await generateEventHistory(database.db, { seed: 1, count, from, to });
      const genS = (performance.now() - t0) / 1000;
      await database.db.execute(sql`vacuum analyze events`);
      const district = rows.find((r) => r.level === "district")!;
      const q = { areaPath: district.path, from, to, groupByChildArea: true, asOf: to };
      const runs: number[] = [];
      let ours: Awaited<ReturnType<typeof computeKpis>> = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        ours = await computeKpis(database.db, q);
        runs.push(performance.now() - t);
      }
      const best = Math.min(...runs);
      const t1 = performance.now();
      const raw = await computeKpisFromRaw(database.db, q);
      const rawMs = performance.now() - t1;
      if (raw.length !== ours.length) throw new Error(`kpi: ${ours.length} rows, raw ${raw.length}`);
      return {
        name: "kpi",
        workload: `KPIs of ${count.toLocaleString("en")} events over a year, district ranked by its ${ours.length} streets, PostgreSQL (best of 3)`,
        value: round(best),
        unit: "ms",
        baseline: "the same KPIs computed in the application from the raw event rows",
        baselineValue: round(rawMs),
        ratio: round(best / rawMs, 3),
        goal: "≤ 5000 ms and ≥ 10× faster than raw",
        met: best <= 5000 && rawMs / best >= 10,
        detail: { generatedEvents: count, generateSeconds: round(genS, 1) },
      };
    } finally {
      await database.close();
    }
  },
};
