import { eq, sql, type SQL } from "drizzle-orm";
import { likePrefix } from "../../core/authorize";
import type { Executor } from "../../db/database";
import { areas } from "../../db/schema";
import { kpiValues, UNCOUNTED_STATES, ZERO_COUNTS, type KpiCounts, type KpiId } from "./kpi-definitions";

export interface KpiQuery {
  /** the subtree's materialised path ("/330212/…/"); "" or "/" for every area, unassigned events included */
  areaPath: string;
  /** the cohort: events created in [from, to) */
  from: Date;
  to: Date;
  /** category code prefix (a top-level category takes its children) */
  categoryPrefix?: string;
  /** one row per child area of areaPath (晾晒比拼) instead of one row for the subtree */
  groupByChildArea?: boolean;
  /** the time "due" and "overdue" are judged at; now when left out */
  asOf?: Date;
}

export interface KpiRow {
  /** the child area (grouped), the subtree's own events ("self") or null for the whole subtree / unassigned */
  area: { code: string; name: string; path: string } | null;
  /** "child": a child area; "self": events located on the area itself; "total": not grouped; "unassigned" */
  kind: "total" | "child" | "self" | "unassigned";
  counts: KpiCounts;
  values: Record<KpiId, number | null>;
}

export const isRoot = (p: string) => p === "" || p === "/";
export const textArray = (xs: readonly string[]) =>
  sql`array[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/** The cohort's WHERE clause, shared with the raw computation. */
export function cohortWhere(q: KpiQuery): SQL {
  const conds: SQL[] = [
    sql`created_at >= ${q.from}`,
    sql`created_at < ${q.to}`,
    sql`merged_into_id is null`,
    sql`state <> all(${textArray(UNCOUNTED_STATES)})`,
  ];
  if (!isRoot(q.areaPath)) conds.push(sql`area_path like ${likePrefix(q.areaPath)}`);
  if (q.categoryPrefix) conds.push(sql`category_code like ${likePrefix(q.categoryPrefix)}`);
  return sql.join(conds, sql` and `);
}

/** The grouping key: the child's code (its path segment under areaPath), "" for the area itself. */
export function childKeySql(areaPath: string): SQL {
  const base = isRoot(areaPath) ? "/" : areaPath;
  return sql`split_part(substr(area_path, ${base.length + 1}), '/', 1)`;
}

/** The sum of two sets of counts (undefined is zero). */
export function addCounts(a: KpiCounts | undefined, b: KpiCounts): KpiCounts {
  if (!a) return { ...b };
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof KpiCounts)[]) out[k] += b[k];
  return out;
}

/**
 * Turns counts by key ("" = the area itself, a child code, or "\0unassigned") into rows: one total row,
 * or one per child area (all of them, in code order), then the area's own and unassigned events if any.
 */
export async function shapeRows(db: Executor, q: KpiQuery, byKey: Map<string, KpiCounts>): Promise<KpiRow[]> {
  const row = (kind: KpiRow["kind"], area: KpiRow["area"], counts: KpiCounts): KpiRow => ({
    area,
    kind,
    counts,
    values: kpiValues(counts),
  });
  if (!q.groupByChildArea) {
    let total = { ...ZERO_COUNTS };
    for (const c of byKey.values()) total = addCounts(total, c);
    return [row("total", null, total)];
  }
  const parent = isRoot(q.areaPath)
    ? undefined
    : (await db.select({ id: areas.id }).from(areas).where(eq(areas.path, q.areaPath)))[0];
  const children = await db
    .select({ code: areas.code, name: areas.name, path: areas.path, validTo: areas.validTo })
    .from(areas)
    .where(parent ? eq(areas.parentId, parent.id) : sql`${areas.parentId} is null`)
    .orderBy(areas.code);
  const today = (q.asOf ?? new Date()).toISOString().slice(0, 10);
  const out = children
    // a retired child shows only while it still has events in the cohort
    .filter((c) => c.validTo === null || c.validTo >= today || byKey.has(c.code))
    .map(({ validTo: _, ...c }) => c)
    .map((c) => row("child", c, byKey.get(c.code) ?? { ...ZERO_COUNTS }));
  const known = new Set(children.map((c) => c.code));
  // events in a child whose area row is gone (retired, moved) still count, under their path segment
  for (const [k, c] of byKey)
    if (k !== "" && !k.startsWith("\u0000") && !known.has(k))
      out.push(row("child", { code: k, name: k, path: `${isRoot(q.areaPath) ? "/" : q.areaPath}${k}/` }, c));
  const self = byKey.get("");
  if (self) out.push(row("self", null, self));
  const unassigned = byKey.get("\u0000unassigned");
  if (unassigned) out.push(row("unassigned", null, unassigned));
  return out;
}
