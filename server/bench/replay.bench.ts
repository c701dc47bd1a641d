/** replay-boston: the 121,145 real Boston 311 cases replayed as events on PGlite, beside raw inserts. */
import fs from "node:fs";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { bostonCases, type BostonCase } from "../src/modules/ingest/boston";
import { insertEventRows, replayCases, replayRow } from "../src/modules/ingest/replay";
import { round, type Benchmark } from "./bench";
import { benchPglite, sharedDataFile } from "./bench-db";

export const replayBostonBench: Benchmark = {
  name: "replay-boston",
  async run(o) {
    const file = sharedDataFile(o.root, "boston-311/requests-2015.csv.gz");
    if (!file) return null;
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
    const all: BostonCase[] = [...bostonCases(text, () => "replay")];
    const cases = o.quick ? all.slice(0, 30_000) : all;

    // baseline: the same event rows, raw multi-row inserts into a bare table of the same columns
    const base = await benchPglite();
    let rawMs: number;
    try {
      await base.db.execute(sql`create table raw_events (like events including defaults)`);
      const t0 = performance.now();
      for (let i = 0; i < cases.length; i += 2_000) {
        const rows = cases.slice(i, i + 2_000).map((c) => replayRow("boston_311", c));
        await insertEventRows(base.db, rows, "raw_events");
      }
      rawMs = performance.now() - t0;
    } finally {
      await base.close();
    }

    const database = await benchPglite();
    try {
      const report = await replayCases(database.db, "boston_311", cases);
      if (report.inserted !== cases.length) throw new Error(`replayed ${report.inserted} of ${cases.length}`);
      const s = report.ms / 1000;
      return {
        name: "replay-boston",
        workload: `${cases.length.toLocaleString("en")} Boston 311 cases (2015) → events with timeline and on-time verdicts, PGlite on disk`,
        value: round(s, 1),
        unit: "s",
        baseline: "raw multi-row inserts of the same event rows into a bare copy of the table",
        baselineValue: round(rawMs / 1000, 1),
        ratio: round(report.ms / rawMs, 2),
        goal: "≤ 30 s for the whole file",
        met: s <= 30 * (cases.length / all.length),
        detail: { casesPerSecond: round(cases.length / s), closed: report.closed },
      };
    } finally {
      await database.close();
    }
  },
};
