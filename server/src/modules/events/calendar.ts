import { sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import { CHINA_CALENDAR } from "../../core/calendar-cn";
import type { Ctx } from "../../core/context";
import { invalid, unprocessable } from "../../core/errors";
import { WorkingCalendar, type CalendarYear } from "../../core/working-days";
import { settings } from "../../db/schema";
import { CALENDAR_KEY, calendarOverrides } from "./event-clock";

export interface CalendarYearView extends CalendarYear {
  year: number;
  /** override: set by an administrator; built-in: the State Council's notice shipped with Pingan; none: Monday–Friday. */
  source: "override" | "built-in" | "none";
}

const yearOf = (year: number) => {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw invalid("year", "年份须在 2000–2100 之间", "The year must be between 2000 and 2100");
  return String(year);
};

/** The days off and make-up working days of one year, and where they come from. */
export async function readCalendarYear(ctx: Ctx, year: number): Promise<CalendarYearView> {
  authorize(ctx.actor, "event.read");
  const key = yearOf(year);
  const { years } = await calendarOverrides(ctx.tx);
  const data = years[key] ?? CHINA_CALENDAR[key];
  const source = years[key] ? "override" : CHINA_CALENDAR[key] ? "built-in" : "none";
  return { year, source, offDays: [...(data?.offDays ?? [])], workDays: [...(data?.workDays ?? [])] };
}

/** The years the calendar knows, with their source. */
export async function listCalendarYears(ctx: Ctx): Promise<{ year: number; source: string }[]> {
  authorize(ctx.actor, "event.read");
  const { years } = await calendarOverrides(ctx.tx);
  const all = new Set([...Object.keys(CHINA_CALENDAR), ...Object.keys(years)]);
  return [...all].sort().map((y) => ({ year: Number(y), source: years[y] ? "override" : "built-in" }));
}

/**
 * Sets one year's days off and make-up working days (调休上班), replacing the built-in data for that
 * year; deadlines computed from now on use it. Checked by building the calendar (422 on a bad date).
 */
export async function saveCalendarYear(
  ctx: Ctx,
  year: number,
  data: CalendarYear,
): Promise<CalendarYearView> {
  authorize(ctx.actor, "event.configure");
  const key = yearOf(year);
  const { years } = await calendarOverrides(ctx.tx);
  const clean = { offDays: [...new Set(data.offDays)].sort(), workDays: [...new Set(data.workDays)].sort() };
  try {
    WorkingCalendar.china({ [key]: clean }, ctx.services.config.timeZone);
  } catch (e) {
    throw unprocessable(
      "CALENDAR_INVALID",
      `日历数据无效：${(e as Error).message}`,
      `Invalid calendar: ${(e as Error).message}`,
      "offDays",
    );
  }
  const next = { ...years, [key]: clean };
  await ctx.tx
    .insert(settings)
    .values({ key: CALENDAR_KEY, value: next, updatedAt: ctx.clock.now() })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: sql`excluded.value`, updatedAt: ctx.clock.now() },
    });
  await recordAudit(ctx, {
    action: "calendar.year_set",
    subjectType: "calendar",
    subjectId: key,
    before: years[key] ? { offDays: years[key].offDays.length, workDays: years[key].workDays.length } : null,
    after: { offDays: clean.offDays.length, workDays: clean.workDays.length },
  });
  return { year, source: "override", ...clean };
}
