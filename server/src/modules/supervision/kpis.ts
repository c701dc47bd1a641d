import { sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import {
  addCounts,
  childKeySql,
  cohortWhere,
  shapeRows,
  textArray,
  type KpiQuery,
  type KpiRow,
} from "./kpi-cohort";
import { DISSATISFIED_VALUES, SATISFIED_VALUES, type KpiCounts } from "./kpi-definitions";

export * from "./kpi-definitions";
export type { KpiQuery, KpiRow } from "./kpi-cohort";
export { computeKpisFromRaw } from "./kpis-raw";

/**
 * The KPIs of a cohort of events, in one grouped aggregate over `events` (index-friendly: the period
 * on created_at, the subtree as a prefix on area_path). Grouped by child area, every child appears,
 * those without events with zero counts.
 */
export async function computeKpis(db: Executor, q: KpiQuery): Promise<KpiRow[]> {
  const asOf = q.asOf ?? new Date();
  const key = q.groupByChildArea ? childKeySql(q.areaPath) : sql`''`;
  const closed = sql`closed_at is not null`;
  const cutoff = sql`least(paused_at, ${asOf}::timestamptz)`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${key} as k, area_path is null as unassigned,
          count(*) as received,
          count(*) filter (where ${closed} or due_at <= ${asOf}) as due_to_close,
          count(*) filter (where ${closed}) as closed,
          count(*) filter (where ${closed} and closed_on_time) as closed_on_time,
          count(*) filter (where ${closed} and closed_in_grid) as closed_in_grid,
          count(*) filter (where satisfaction is not null) as evaluated,
          count(*) filter (where satisfaction = any(${textArray(SATISFIED_VALUES)})) as satisfied,
          count(*) filter (where satisfaction = any(${textArray(DISSATISFIED_VALUES)})) as dissatisfied,
          count(*) filter (where dispatch_count > 0) as dispatched,
          count(*) filter (where ${closed} and dispatch_count > 1) as redispatched,
          count(*) filter (where not ${closed} and (deadline < ${cutoff} or due_at < ${cutoff})) as overdue_open,
          coalesce(sum(extract(epoch from closed_at - created_at)) filter (where ${closed}), 0)::float8 / 3600
            as handling_hours
        from events
        where ${cohortWhere(q)}
        group by 1, 2`,
  );
  const byKey = new Map<string, KpiCounts>();
  for (const r of rows) {
    const k = r.unassigned === true ? "\u0000unassigned" : String(r.k ?? "");
    byKey.set(k, addCounts(byKey.get(k), countsOf(r)));
  }
  return shapeRows(db, q, byKey);
}

const countsOf = (r: Record<string, unknown>): KpiCounts => ({
  received: Number(r.received),
  dueToClose: Number(r.due_to_close),
  closed: Number(r.closed),
  closedOnTime: Number(r.closed_on_time),
  closedInGrid: Number(r.closed_in_grid),
  evaluated: Number(r.evaluated),
  satisfied: Number(r.satisfied),
  dissatisfied: Number(r.dissatisfied),
  dispatched: Number(r.dispatched),
  redispatched: Number(r.redispatched),
  overdueOpen: Number(r.overdue_open),
  handlingHours: Number(r.handling_hours),
});
