import { sql } from "drizzle-orm";
import type { Executor } from "../db/database";
import { queryRows } from "../db/database";
import { DEFAULT_CATEGORIES } from "../modules/events/default-categories";
import { rng } from "./random";

/**
 * A year (or any span) of past events for benchmarks and analytics at scale: a realistic category mix,
 * daily and seasonal patterns and SLA outcomes, generated inside the database by one INSERT … SELECT
 * per chunk (deterministic for a seed, memory flat on the Node side, minutes for ten million on
 * PostgreSQL). The demo's handful of live events go through the real loop instead (demo/live-events.ts).
 */
export interface HistoryOptions {
  seed: number;
  count: number;
  /** Events are spread over [from, to). */
  from: Date;
  to: Date;
  /** Rows per INSERT statement. */
  chunk?: number;
  onProgress?: (done: number) => void;
}

/** Relative frequency of each category group, as street centres report them (city management leads). */
const GROUP_WEIGHTS: Record<string, number> = {
  "01": 22, // 市容环境 city appearance
  "02": 6, // 宣传广告
  "03": 6, // 施工管理
  "04": 12, // 街面秩序 street order
  "05": 2, // 突发事件
  "06": 10, // 设施部件 facilities
  "07": 6, // 矛盾纠纷 disputes
  "08": 4, // 治安 public order
  "09": 3, // 消防安全 fire
  "10": 2, // 燃气安全 gas
  "11": 3, // 出租房屋 rentals
  "12": 2, // 重点人员
  "13": 2, // 信访
  "14": 2, // 家事 family
  "15": 6, // 非警务求助 110 non-police help
  "16": 9, // 民生服务
};

// calls by hour of day (Asia/Shanghai): quiet at night, peaks mid-morning and mid-afternoon
const HOURLY = [
  1, 0.6, 0.4, 0.3, 0.3, 0.6, 1.5, 3, 5.5, 7, 7.5, 7, 5, 5.5, 6.5, 7, 6.5, 5.5, 4, 3.5, 3, 2.5, 2, 1.5,
];
// by month: a summer peak (noise, rubbish, fumes) and a dip at the Spring Festival
const MONTHLY = [0.8, 0.7, 0.95, 1, 1.05, 1.15, 1.25, 1.25, 1.1, 1, 0.95, 0.9];

const OPEN_STATES = ["reported", "accepted", "dispatched", "handling", "feedback", "verified"];
const SOURCES = [
  "grid",
  "grid",
  "grid",
  "resident",
  "hotline_12345",
  "hotline_12345",
  "police_110",
  "desk",
  "volunteer",
  "iot",
];

/** Fills `slots` cells with values in proportion to their weights (for O(1) weighted picks in SQL). */
function weightedSlots<T>(items: { value: T; weight: number }[], slots: number): T[] {
  const total = items.reduce((s, i) => s + i.weight, 0);
  const out: T[] = [];
  let acc = 0;
  for (const item of items) {
    acc += item.weight;
    const upto = Math.round((acc / total) * slots);
    while (out.length < upto) out.push(item.value);
  }
  while (out.length < slots) out.push(items[items.length - 1]!.value);
  return out;
}

/** Leaf categories weighted by their group's share, shuffled deterministically within the group. */
function categorySlots(seed: number): string[] {
  const random = rng(seed);
  const leaves = DEFAULT_CATEGORIES.categories.filter((c) => c.parent !== null && c.active !== false);
  const items = leaves.map((c) => {
    const siblings = leaves.filter((l) => l.parent === c.parent).length;
    return { value: c.code, weight: ((GROUP_WEIGHTS[c.parent!] ?? 2) / siblings) * (0.5 + random.next()) };
  });
  return weightedSlots(items, 2_000);
}

/** Day offsets within the span, weighted by month and weekday (weekends lighter). */
function daySlots(from: Date, to: Date): number[] {
  const days = Math.max(1, Math.round((to.getTime() - from.getTime()) / 86_400_000));
  const items = Array.from({ length: days }, (_, d) => {
    const day = new Date(from.getTime() + d * 86_400_000 + 8 * 3_600_000);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    return { value: d, weight: MONTHLY[day.getUTCMonth()]! * (weekend ? 0.7 : 1) };
  });
  return weightedSlots(items, Math.min(20_000, days * 20));
}

/**
 * Inserts `count` historical events over the active grids of the database, in chunks. Answers how
 * many were written. Each event's state follows its age: old ones are nearly all closed (most on
 * time, some late, a few evaluated dissatisfied), recent ones spread over the open states.
 */
export async function generateEventHistory(db: Executor, o: HistoryOptions): Promise<number> {
  const grids = await queryRows<{ id: string; path: string; lat: number | null; lng: number | null }>(
    db,
    sql`select id, path, center_lat as lat, center_lng as lng from areas
        where level in ('grid','micro_grid') and valid_to is null order by path`,
  );
  if (grids.length === 0) throw new Error("No grids to put events in: generate the areas first");
  const slots = categorySlots(o.seed);
  const catCodes = [...new Set(slots)];
  const catSlots = slots.map((c) => catCodes.indexOf(c) + 1);
  const days = daySlots(o.from, o.to);
  const hours = weightedSlots(
    HOURLY.map((w, h) => ({ value: h, weight: w })),
    1_000,
  );
  const chunk = o.chunk ?? 100_000;
  const now = o.to;
  const seq0 = await queryRows<{ n: number }>(db, sql`select coalesce(max(seq), 0)::bigint as n from events`);
  const base = Number(seq0[0]?.n ?? 0);
  let done = 0;
  for (let start = 0; start < o.count; start += chunk) {
    const end = Math.min(o.count, start + chunk);
    // r(k): a deterministic uniform number in [0,1) for row g and stream k
    await db.execute(sql`
      with grids as materialized (
        select * from unnest(
          ${sql.param(grids.map((g) => g.id))}::uuid[],
          ${sql.param(grids.map((g) => g.path))}::text[],
          ${sql.param(grids.map((g) => g.lat ?? 29.9))}::float8[],
          ${sql.param(grids.map((g) => g.lng ?? 121.6))}::float8[]) with ordinality as t(grid_id, grid_path, glat, glng, gi)
      ),
      cats as materialized (
        select * from unnest(${sql.param(catCodes)}::text[]) with ordinality as t(cat, ci)
      ),
      rows as (
        select g,
          ((hashint8(g * 16 + 1 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r1,
          ((hashint8(g * 16 + 2 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r2,
          ((hashint8(g * 16 + 3 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r3,
          ((hashint8(g * 16 + 4 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r4,
          ((hashint8(g * 16 + 5 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r5,
          ((hashint8(g * 16 + 6 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r6,
          ((hashint8(g * 16 + 7 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r7,
          ((hashint8(g * 16 + 8 + ${o.seed}::bigint * 7919) & 2147483647)::float8 / 2147483648) as r8
        from generate_series(${start + 1}::bigint, ${end}::bigint) as g
      ),
      keyed as (
        select r.*,
          1 + floor(r1 * ${grids.length})::int as gi_pick,
          (${sql.param(catSlots)}::int[])[1 + floor(r2 * ${catSlots.length})::int] as ci_pick,
          ${o.from}::timestamptz
            + make_interval(days => (${sql.param(days)}::int[])[1 + floor(r3 * ${days.length})::int])
            + make_interval(hours => (${sql.param(hours)}::int[])[1 + floor(r4 * ${hours.length})::int] - 8)
            + make_interval(secs => floor(r5 * 3600)) as created
        from rows r
      ),
      picked as (
        select k.*, gr.grid_id, gr.grid_path, gr.glat, gr.glng, c.cat
        from keyed k join grids gr on gr.gi = k.gi_pick join cats c on c.ci = k.ci_pick
      ),
      shaped as (
        select *,
          -- handling time in hours: mostly within a day or two, a long tail
          (exp(r6 * 5.2) - 0.8) as handle_hours,
          extract(epoch from (${now}::timestamptz - created)) / 86400 as age_days,
          case when cat like '05%' or cat like '09%' or cat like '10%' then interval '2 hours'
               when cat like '0%' then interval '7 days' else interval '5 days' end as budget
        from picked
      ),
      outcome as (
        select *,
          (r7 < least(0.985, age_days / 12)) and created + make_interval(secs => handle_hours * 3600) <= ${now}::timestamptz as is_closed,
          created + make_interval(secs => handle_hours * 3600) as closed_time
        from shaped
      )
      insert into events (tracking_code, seq, category_code, title, description, urgency, source,
        lat, lng, area_id, area_path, state, version, handling_level, sla_stage, deadline, due_at, colour,
        accepted_at, dispatched_at, closed_at, closed_on_time, closed_in_grid, dispatch_count,
        satisfaction, evaluated_at, created_at, updated_at)
      select
        'H' || to_hex(${base}::bigint + g) || substr(md5(g::text || ${o.seed}::text), 1, 6),
        ${base}::bigint + g,
        cat,
        '历史事件 ' || cat,
        '生成的历史事件，用于统计与压测',
        case when r8 < 0.03 then 'urgent' when r8 > 0.995 then 'critical' else 'normal' end,
        (${sql.param(SOURCES)}::text[])[1 + floor(r8 * ${SOURCES.length})::int],
        glat + (r5 - 0.5) * 0.002,
        glng + (r6 - 0.5) * 0.002,
        grid_id,
        grid_path,
        case when is_closed then case when r8 < 0.7 then 'evaluated' else 'closed' end
             else (${sql.param(OPEN_STATES)}::text[])[1 + floor(r1 * ${OPEN_STATES.length})::int] end,
        1,
        case when r2 < 0.62 then 'grid' when r2 < 0.85 then 'community' when r2 < 0.98 then 'street' else 'district' end,
        case when is_closed then null else 'handle' end,
        created + budget,
        created + budget,
        case when is_closed then 'green'
             when created + budget < ${now}::timestamptz then 'red'
             when created + budget * 0.8 < ${now}::timestamptz then 'yellow' else 'green' end,
        created + interval '20 minutes',
        created + interval '1 hour',
        case when is_closed then closed_time end,
        case when is_closed then closed_time <= created + budget end,
        case when is_closed then r2 < 0.62 end,
        case when r4 < 0.04 then 2 else 1 end,
        case when is_closed and r8 < 0.7
             then case when r3 < 0.86 then 'satisfied' when r3 < 0.96 then 'basic' else 'dissatisfied' end end,
        case when is_closed and r8 < 0.7 then closed_time + interval '1 day' end,
        created,
        least(${now}::timestamptz, created + make_interval(secs => handle_hours * 3600))
      from outcome`);
    done = end;
    o.onProgress?.(done);
  }
  // the sequence behind seq must move past what was written directly
  await db.execute(sql`select setval(pg_get_serial_sequence('events', 'seq'), ${base + o.count}::bigint)`);
  return done;
}
