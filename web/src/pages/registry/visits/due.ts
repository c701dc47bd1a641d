import type { DueVisit } from "../../../api/registry-types";

/** How far ahead the visits page looks. */
export type DueRange = "today" | "week" | "month";

/**
 * Splits due visits into overdue (most overdue first) and upcoming (soonest first); a visit counts
 * as overdue when its due date is before `today`, whatever the server's flag said when it answered.
 */
export function groupDue(
  items: readonly DueVisit[],
  today: string,
): { overdue: DueVisit[]; upcoming: DueVisit[] } {
  const byDate = (a: DueVisit, b: DueVisit) =>
    a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title);
  const overdue = items.filter((v) => v.dueOn < today).sort(byDate);
  const upcoming = items.filter((v) => v.dueOn >= today).sort(byDate);
  return { overdue, upcoming };
}
