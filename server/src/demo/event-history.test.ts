import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/database";
import { buildTree } from "../../test/factories";
import { testEnv, type TestEnv } from "../../test/services";
import { generateEventHistory } from "./event-history";

describe("generateEventHistory", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv();
    await buildTree(env);
  });
  afterAll(() => env?.close());

  it("writes the asked number of events, deterministic for a seed, with plausible outcomes", async () => {
    const from = new Date("2025-01-01T00:00:00+08:00");
    const to = new Date("2026-01-01T00:00:00+08:00");
    const n = await generateEventHistory(env.db, { seed: 7, count: 5_000, from, to, chunk: 2_000 });
    expect(n).toBe(5_000);
    const [stats] = await queryRows<{
      total: number;
      closed: number;
      on_time: number;
      in_range: number;
      distinct_seq: number;
      cats: number;
    }>(
      env.db,
      sql`select count(*)::int as total,
                 count(*) filter (where closed_at is not null)::int as closed,
                 count(*) filter (where closed_on_time)::int as on_time,
                 count(*) filter (where created_at >= ${from} and created_at < ${to})::int as in_range,
                 count(distinct seq)::int as distinct_seq,
                 count(distinct category_code)::int as cats
          from events`,
    );
    expect(stats).toMatchObject({ total: 5_000, in_range: 5_000, distinct_seq: 5_000 });
    expect(stats!.closed / stats!.total).toBeGreaterThan(0.8);
    expect(stats!.on_time / stats!.closed).toBeGreaterThan(0.6);
    expect(stats!.on_time / stats!.closed).toBeLessThan(1);
    expect(stats!.cats).toBeGreaterThan(30);

    // the same seed gives the same events
    const digest = () =>
      queryRows<{ d: string }>(
        env.db,
        sql`select md5(string_agg(category_code || created_at::text || coalesce(closed_at::text, ''), ',' order by seq)) as d
            from events where seq <= 5000`,
      );
    const before = (await digest())[0]!.d;
    await env.db.execute(sql`delete from events`);
    await env.db.execute(sql`select setval(pg_get_serial_sequence('events', 'seq'), 1, false)`);
    await generateEventHistory(env.db, { seed: 7, count: 5_000, from, to, chunk: 5_000 });
    expect((await digest())[0]!.d).toBe(before);
  });
});
