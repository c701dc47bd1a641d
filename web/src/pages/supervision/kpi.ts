import type { KpiRow } from "../../api/event-types";

/** The KPIs of the supervision strip, in display order. */
export const STRIP_KPIS = [
  "closure_rate",
  "on_time_closure_rate",
  "satisfaction_rate",
  "closed_in_grid_rate",
  "overdue_open",
] as const;

/** The current calendar month as [from, to) instants, months counted in the display zone's calendar. */
export function monthRange(
  now: Date,
  startOfDay: (y: number, m: number, d: number) => Date,
  wall: (d: Date) => { year: number; month: number },
): { from: Date; to: Date } {
  const { year, month } = wall(now);
  return {
    from: startOfDay(year, month, 1),
    to: startOfDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1),
  };
}

/** A KPI value for the strip: a ratio as a percentage with one decimal, a count as it is, null as "—". */
export function formatKpi(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (unit === "ratio") return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (unit === "hours") return value.toFixed(1);
  return String(Math.round(value));
}

/** The whole-area row of a KPI report (the one not grouped by child area). */
export function totalRow(rows: readonly KpiRow[]): KpiRow | undefined {
  return rows.find((r) => r.kind === "total") ?? rows[0];
}
