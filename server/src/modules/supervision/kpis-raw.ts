import { sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { DISSATISFIED_VALUES, SATISFIED_VALUES, ZERO_COUNTS, type KpiCounts } from "./kpi-definitions";
import { addCounts, cohortWhere, shapeRows, type KpiQuery, type KpiRow } from "./kpi-cohort";

interface RawEvent {
  seq: number;
  area_path: string | null;
  created_at: Date;
  closed_at: Date | null;
  due_at: Date | null;
  deadline: Date | null;
  paused_at: Date | null;
  satisfaction: string | null;
  closed_on_time: boolean | null;
  closed_in_grid: boolean | null;
  dispatch_count: number;
}

const time = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const satisfied = new Set<string>(SATISFIED_VALUES);
const dissatisfied = new Set<string>(DISSATISFIED_VALUES);

/** One event's contribution to the counts, the definitions written out in plain code. */
export function countEvent(e: RawEvent, asOf: Date): KpiCounts {
  const closed = e.closed_at !== null;
  const cutoff = e.paused_at && e.paused_at < asOf ? e.paused_at : asOf;
  const past = (d: Date | null) => d !== null && d < cutoff;
  return {
    received: 1,
    dueToClose: closed || (e.due_at !== null && e.due_at <= asOf) ? 1 : 0,
    closed: closed ? 1 : 0,
    closedOnTime: closed && e.closed_on_time === true ? 1 : 0,
    closedInGrid: closed && e.closed_in_grid === true ? 1 : 0,
    evaluated: e.satisfaction !== null ? 1 : 0,
    satisfied: e.satisfaction !== null && satisfied.has(e.satisfaction) ? 1 : 0,
    dissatisfied: e.satisfaction !== null && dissatisfied.has(e.satisfaction) ? 1 : 0,
    dispatched: e.dispatch_count > 0 ? 1 : 0,
    redispatched: closed && e.dispatch_count > 1 ? 1 : 0,
    overdueOpen: !closed && (past(e.deadline) || past(e.due_at)) ? 1 : 0,
    handlingHours: closed ? (e.closed_at!.getTime() - e.created_at.getTime()) / 3_600_000 : 0,
  };
}

/**
 * The same figures as computeKpis, computed the naive way: every event of the cohort fetched (in
 * pages by seq, so memory stays flat) and counted in JavaScript. The benchmark's baseline and the
 * tests' oracle.
 */
export async function computeKpisFromRaw(db: Executor, q: KpiQuery, pageSize = 20_000): Promise<KpiRow[]> {
  const asOf = q.asOf ?? new Date();
  const base = q.areaPath === "" || q.areaPath === "/" ? "/" : q.areaPath;
  const byKey = new Map<string, KpiCounts>();
  let after = 0;
  for (;;) {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select seq, area_path, created_at, closed_at, due_at, deadline, paused_at, satisfaction,
                 closed_on_time, closed_in_grid, dispatch_count
          from events where ${cohortWhere(q)} and seq > ${after}
          order by seq limit ${pageSize}`,
    );
    for (const r of rows) {
      const e: RawEvent = {
        seq: Number(r.seq),
        area_path: (r.area_path as string | null) ?? null,
        created_at: time(r.created_at)!,
        closed_at: time(r.closed_at),
        due_at: time(r.due_at),
        deadline: time(r.deadline),
        paused_at: time(r.paused_at),
        satisfaction: (r.satisfaction as string | null) ?? null,
        closed_on_time: (r.closed_on_time as boolean | null) ?? null,
        closed_in_grid: (r.closed_in_grid as boolean | null) ?? null,
        dispatch_count: Number(r.dispatch_count),
      };
      const key =
        e.area_path === null
          ? "\u0000unassigned"
          : q.groupByChildArea
            ? (e.area_path.slice(base.length).split("/")[0] ?? "")
            : "";
      byKey.set(key, addCounts(byKey.get(key) ?? { ...ZERO_COUNTS }, countEvent(e, asOf)));
      after = e.seq;
    }
    if (rows.length < pageSize) break;
  }
  return shapeRows(db, q, byKey);
}
