import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../core/actor";
import { queryRows } from "../db/database";
import { testEnv, type TestEnv } from "../../test/services";
import { generateDemo } from "./generate";

describe("the demo street, seeded as on first start", () => {
  let env: TestEnv;
  let summary: Awaited<ReturnType<typeof generateDemo>>;
  beforeAll(async () => {
    env = await testEnv();
    summary = await env.as(systemActor, (ctx) =>
      generateDemo(ctx, { scale: "street", seed: 1, password: "pingan-demo" }),
    );
  });
  afterAll(() => env?.close());

  it("has people, households, places and key persons, with valid sealed IDs", async () => {
    expect(summary.population).toBeTruthy();
    const [counts] = await queryRows<Record<string, number>>(
      env.db,
      sql`select (select count(*)::int from persons) as persons,
                 (select count(*)::int from households) as households,
                 (select count(*)::int from places where kind = 'bar') as bars,
                 (select count(*)::int from key_persons) as key_persons,
                 (select count(*)::int from persons where id_enc is null) as without_id`,
    );
    expect(counts!.persons).toBeGreaterThan(1_000);
    expect(counts!.households).toBeGreaterThan(300);
    expect(counts!.key_persons).toBeGreaterThan(0);
    expect(counts!.without_id).toBe(0);
  });

  it("has live events in every part of the loop, moved by the demo accounts", async () => {
    const states = await queryRows<{ state: string; n: number }>(
      env.db,
      sql`select state, count(*)::int as n from events group by state order by state`,
    );
    const by = Object.fromEntries(states.map((s) => [s.state, s.n]));
    expect(by.reported).toBeGreaterThanOrEqual(1);
    expect(by.accepted).toBeGreaterThanOrEqual(1);
    expect((by.closed ?? 0) + (by.evaluated ?? 0)).toBeGreaterThanOrEqual(2);
    expect(by.evaluated).toBeGreaterThanOrEqual(1);
    const [late] = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from events where closed_at is null and deadline < ${env.clock.now()}`,
    );
    expect(late!.n).toBeGreaterThanOrEqual(1);
    const [inGrid] = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from events where closed_in_grid`,
    );
    expect(inGrid!.n).toBeGreaterThanOrEqual(1);
  });
});
