import { getDisplayTimeZone } from "../../../lib/time";

const DAY_MS = 86_400_000;

/** Today's calendar date (YYYY-MM-DD) in the display zone (the deployment's). */
export function todayInZone(now: Date = new Date(), timeZone: string = getDisplayTimeZone()): string {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export type DueState = "overdue" | "today" | "soon" | "later" | "none";

/**
 * Where a due date stands on `today`: past it (overdue), today, within `soonDays` (soon), later, or
 * no date at all. Used for visits and inspections alike.
 */
export function dueState(dueOn: string | null | undefined, today: string, soonDays = 7): DueState {
  if (!dueOn) return "none";
  const d = daysBetween(today, dueOn);
  if (d < 0) return "overdue";
  if (d === 0) return "today";
  return d <= soonDays ? "soon" : "later";
}

/** The colour antd tags use for a due state. */
export function dueColour(state: DueState): string | undefined {
  switch (state) {
    case "overdue":
      return "red";
    case "today":
      return "orange";
    case "soon":
      return "gold";
    default:
      return undefined;
  }
}
