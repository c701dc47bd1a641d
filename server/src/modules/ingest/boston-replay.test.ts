import fs from "node:fs";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/database";
import { sharedFile } from "../../../test/shared-data";
import { testEnv, type TestEnv } from "../../../test/services";
import { bostonCases, type BostonCase } from "./boston";
import { replayCases } from "./replay";

/**
 * Real data: Boston 311 requests of 2015 replayed as events with Boston's own targets as deadlines.
 * The verdict we store at closing must agree with the city's OnTime_Status for closed cases.
 */
const FILE = "boston-311/requests-2015.csv.gz";
const file = sharedFile(FILE);
const SAMPLE = 20_000;

describe.skipIf(!file)(`Boston 311 replay (${FILE})`, () => {
  let env: TestEnv;
  let cases: BostonCase[];
  beforeAll(async () => {
    env = await testEnv();
    const text = zlib.gunzipSync(fs.readFileSync(file!)).toString("utf8");
    cases = [];
    for (const c of bostonCases(text, () => "replay")) {
      cases.push(c);
      if (cases.length >= SAMPLE) break;
    }
  });
  afterAll(() => env?.close());

  it("stores on-time verdicts that agree with the city's for closed cases, and replays idempotently", async () => {
    const first = await replayCases(env.db, "boston_311", cases);
    expect(first.inserted).toBe(cases.length);
    const verdicts = new Map(cases.map((c) => [c.sourceRef, c.cityVerdict]));
    const rows = await queryRows<{ ref: string; on_time: boolean | null; state: string }>(
      env.db,
      sql`select source_ref as ref, closed_on_time as on_time, state from events where source = 'boston_311'`,
    );
    let compared = 0;
    let agreed = 0;
    for (const r of rows) {
      const city = verdicts.get(r.ref);
      if (r.state !== "closed" || r.on_time === null || !city) continue;
      compared++;
      if ((r.on_time ? "ONTIME" : "OVERDUE") === city) agreed++;
    }
    console.log(
      `Boston replay: ${agreed} of ${compared} closed cases agree (${((100 * agreed) / compared).toFixed(2)}%)`,
    );
    expect(compared).toBeGreaterThan(SAMPLE / 2);
    expect(agreed / compared).toBeGreaterThanOrEqual(0.999);

    const timeline = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from event_actions a join events e on e.id = a.event_id where e.source = 'boston_311'`,
    );
    expect(timeline[0]!.n).toBe(first.inserted + first.closed);

    // a replay run again (say after a crash part way) writes nothing twice
    const again = await replayCases(env.db, "boston_311", cases);
    expect(again).toMatchObject({ inserted: 0, existing: cases.length });
  });
});
