/**
 * The working-day calendar and SLA deadline arithmetic. Pure functions, no database.
 *
 * Conventions (they follow Chinese 12345-hotline rules such as Shanghai's "N 个工作日内办结"):
 *
 * - Days are the calendar's local days (its IANA time zone), never UTC days.
 * - A working day is a day listed in `workDays` (调休上班), or a Monday–Friday not listed in `offDays`.
 *   For a year the calendar has no data for, Monday–Friday are working days and weekends are off;
 *   `coversYear(y)` tells whether the year is known, so callers can warn the administrator.
 * - "Within N working days" (`addWorkingDays`): the day of receipt does not count, whatever the time of
 *   receipt and whether or not it is a working day; the deadline is the END of the N-th working day
 *   after it. "End of the day" is the end of the last working-hours segment (17:30 by default). So a
 *   ticket received Friday 2025-09-26 15:00 with 1 working day is due Sunday 2025-09-28 17:30, because
 *   that Sunday is a make-up working day; one received Saturday is due at the end of Monday.
 *   N = 0 means the end of the current working day (the first working day whose end is not before the start).
 * - Working hours (`addWorkingHours`): only time inside the working-hours segments of working days
 *   counts; a start outside them counts from the next segment start. A budget that ends exactly at the
 *   end of a segment ends there (8 working hours from 08:30 end at 17:30 the same day with an 8-hour day).
 * - Natural hours: plain elapsed time. Natural days: like working days but every calendar day counts —
 *   the day of receipt does not, and the deadline is the end (24:00 local) of the N-th following day.
 * - On time means `closed <= deadline` (`onTimeVerdict`), and the colour is red only strictly after it.
 */
import { CHINA_CALENDAR } from "./calendar-cn";
import { assertTimeZone, fromLocal, localDateOf } from "./local-time";

export { parseLocalDateTime } from "./local-time";

/** One year of calendar data; ISO dates 'YYYY-MM-DD'. */
export interface CalendarYear {
  /** Days off: public holidays and shifted rest days (weekend days inside holidays may be listed too). */
  offDays: string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  workDays: string[];
}

/** One segment of the working day in local wall time, "HH:MM" (end may be "24:00"). */
export interface WorkingHoursSegment {
  start: string;
  end: string;
}

/** The working day's segments, in order, not overlapping; e.g. morning and afternoon around lunch. */
export type WorkingHours = WorkingHoursSegment[];

export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze([
  { start: "08:30", end: "12:00" },
  { start: "13:30", end: "17:30" },
]);

const HOUR = 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How far the arithmetic looks for a working day before deciding the calendar has none (ten years). */
const MAX_SCAN_DAYS = 3660;

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  const parsed = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!parsed || addDays(date, 0) !== date) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`);
  return parsed;
}

/** The ISO date `days` calendar days after `date` (pure date arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function parseHm(hm: string): { hour: number; minute: number } {
  const m = /^(\d{2}):(\d{2})$/.exec(hm);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || minute > 59 || hour > 24 || (hour === 24 && minute !== 0))
    throw new RangeError(`Working hours must be "HH:MM" between 00:00 and 24:00, not ${JSON.stringify(hm)}`);
  return { hour, minute };
}

function validateHours(hours: readonly WorkingHoursSegment[]): { hour: number; minute: number }[][] {
  if (hours.length === 0) throw new RangeError("Working hours need at least one segment");
  let previousEnd = -1;
  return hours.map(({ start, end }) => {
    const s = parseHm(start);
    const e = parseHm(end);
    const sm = s.hour * 60 + s.minute;
    const em = e.hour * 60 + e.minute;
    if (sm >= em || sm < previousEnd)
      throw new RangeError(`Working-hours segments must be ordered and not overlap: ${start}–${end}`);
    previousEnd = em;
    return [s, e];
  });
}

export interface WorkingCalendarOptions {
  /** Calendar data by year ("2025"); years not listed fall back to Monday–Friday. */
  years: Record<string, CalendarYear>;
  /** IANA time zone where the days are counted, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Working-hours segments; default 08:30–12:00 and 13:30–17:30. */
  hours?: readonly WorkingHoursSegment[];
}

export class WorkingCalendar {
  readonly timeZone: string;
  readonly hours: readonly WorkingHoursSegment[];
  private readonly years = new Set<number>();
  private readonly off = new Set<string>();
  private readonly work = new Set<string>();
  private readonly segments: { hour: number; minute: number }[][];
  private readonly dayCache = new Map<string, [number, number][]>();

  constructor(opts: WorkingCalendarOptions) {
    assertTimeZone(opts.timeZone);
    this.timeZone = opts.timeZone;
    this.hours = (opts.hours ?? DEFAULT_WORKING_HOURS).map((h) => ({ ...h }));
    this.segments = validateHours(this.hours);
    for (const [key, year] of Object.entries(opts.years)) {
      if (!/^\d{4}$/.test(key))
        throw new RangeError(`Calendar year must be "YYYY", not ${JSON.stringify(key)}`);
      this.years.add(Number(key));
      for (const [list, set] of [
        [year.offDays, this.off],
        [year.workDays, this.work],
      ] as const) {
        for (const date of list) {
          if (parseDate(date).year !== Number(key))
            throw new RangeError(`Calendar year ${key} lists a date of another year: ${date}`);
          set.add(date);
        }
      }
      for (const date of year.workDays)
        if (this.off.has(date)) throw new RangeError(`${date} is listed both as a day off and a working day`);
    }
  }

  /**
   * China's official calendar: the built-in 2025–2026 data (State Council notices) plus `overrides`,
   * each of which replaces the whole year it names (administrators add later years in the same form).
   */
  static china(
    overrides: Record<string, CalendarYear> = {},
    timeZone = "Asia/Shanghai",
    hours?: readonly WorkingHoursSegment[],
  ): WorkingCalendar {
    return new WorkingCalendar({ years: { ...CHINA_CALENDAR, ...overrides }, timeZone, hours });
  }

  /** Whether the calendar has data for the year (otherwise it assumes Monday–Friday). */
  coversYear(year: number): boolean {
    return this.years.has(year);
  }

  /** Whether a local date 'YYYY-MM-DD' is a working day. */
  isWorkingDay(date: string): boolean {
    parseDate(date);
    if (this.work.has(date)) return true;
    if (this.off.has(date)) return false;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** The calendar's local date of an instant. */
  localDate(instant: Date): string {
    return localDateOf(instant, this.timeZone);
  }

  /** The working-hours intervals [start, end) in epoch ms of a local date; empty on a day off. */
  private intervals(date: string): [number, number][] {
    let cached = this.dayCache.get(date);
    if (cached) return cached;
    cached = [];
    if (this.isWorkingDay(date)) {
      const { year, month, day } = parseDate(date);
      for (const [s, e] of this.segments) {
        const from = fromLocal({ year, month, day, ...s! }, this.timeZone).getTime();
        const to = fromLocal({ year, month, day, ...e! }, this.timeZone).getTime();
        if (to > from) cached.push([from, to]); // a DST jump could in theory swallow a segment
      }
    }
    if (this.dayCache.size > 20_000) this.dayCache.clear();
    this.dayCache.set(date, cached);
    return cached;
  }

  /** The end of working hours (end of the last segment) of a local date. */
  endOfWorkingDay(date: string): Date {
    const { year, month, day } = parseDate(date);
    return fromLocal({ year, month, day, ...this.segments[this.segments.length - 1]![1]! }, this.timeZone);
  }

  /**
   * The deadline for "within n working days" of `start`: the end of working hours of the n-th working
   * day after the start's local date (the day of receipt never counts). n = 0: the end of the first
   * working day, starting with the start's own, whose working hours end at or after `start`.
   */
  addWorkingDays(start: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Working days must be a whole number ≥ 0, not ${n}`);
    let date = this.localDate(start);
    if (n === 0 && this.isWorkingDay(date) && this.endOfWorkingDay(date) >= start)
      return this.endOfWorkingDay(date);
    let left = Math.max(n, 1); // n = 0 after hours or on a day off: the next working day
    for (let gap = 0; gap <= MAX_SCAN_DAYS;) {
      date = addDays(date, 1);
      if (!this.isWorkingDay(date)) {
        gap++;
        continue;
      }
      gap = 0;
      if (--left === 0) return this.endOfWorkingDay(date);
    }
    throw new RangeError("The calendar has no working days in the next ten years");
  }

  /** `start` plus `hours` of working time (see the module conventions). */
  addWorkingHours(start: Date, hours: number): Date {
    return this.addWorkingMillis(start, Math.round(hours * HOUR));
  }

  /**
   * `start` plus `ms` milliseconds of working time. A start outside working hours counts from the next
   * segment start (so 0 ms from 20:00 is the next morning's start); a budget ending exactly at a segment
   * end ends there.
   */
  addWorkingMillis(start: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time must be ≥ 0, not ${ms}`);
    const t0 = start.getTime();
    let left = ms;
    let date = this.localDate(start);
    for (let scanned = 0; scanned <= MAX_SCAN_DAYS; date = addDays(date, 1)) {
      const intervals = this.intervals(date);
      scanned = intervals.length ? 0 : scanned + 1;
      for (const [s, e] of intervals) {
        if (e <= t0) continue;
        const from = Math.max(s, t0);
        if (left <= e - from) return new Date(from + left);
        left -= e - from;
      }
    }
    throw new RangeError("The calendar has no working hours in the next ten years");
  }

  /** `start` plus plain elapsed hours. */
  addNaturalHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours)) throw new RangeError(`Hours must be finite, not ${hours}`);
    return new Date(start.getTime() + Math.round(hours * HOUR));
  }

  /**
   * The deadline for "within n natural days": the end (24:00 local, i.e. the next local midnight) of
   * the n-th calendar day after the start's local date; n = 0 is the end of the start's own day.
   */
  addNaturalDays(start: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Natural days must be a whole number ≥ 0, not ${n}`);
    const { year, month, day } = parseDate(addDays(this.localDate(start), n + 1));
    return fromLocal({ year, month, day, hour: 0, minute: 0 }, this.timeZone);
  }

  /**
   * Working time in milliseconds between a and b (time inside working hours of working days), for
   * paused clocks and elapsed-time reports. Negative when b is before a.
   */
  workingMillisBetween(a: Date, b: Date): number {
    const ta = a.getTime();
    const tb = b.getTime();
    if (tb < ta) return -this.workingMillisBetween(b, a);
    let total = 0;
    const last = this.localDate(b);
    for (let date = this.localDate(a); date <= last; date = addDays(date, 1)) {
      for (const [s, e] of this.intervals(date)) {
        const overlap = Math.min(e, tb) - Math.max(s, ta);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }
}

/** How an SLA budget is counted. */
export type SlaUnit = "working_days" | "working_hours" | "natural_hours" | "natural_days";

const isWorking = (unit: SlaUnit) => unit === "working_days" || unit === "working_hours";

/** The deadline of a budget of `amount` units started at `start` (see the module conventions). */
export function computeDeadline(cal: WorkingCalendar, start: Date, amount: number, unit: SlaUnit): Date {
  switch (unit) {
    case "working_days":
      return cal.addWorkingDays(start, amount);
    case "working_hours":
      return cal.addWorkingHours(start, amount);
    case "natural_hours":
      if (amount < 0) throw new RangeError(`Hours must be ≥ 0, not ${amount}`);
      return cal.addNaturalHours(start, amount);
    case "natural_days":
      return cal.addNaturalDays(start, amount);
    default:
      throw new RangeError(`Unknown SLA unit ${JSON.stringify(unit satisfies never)}`);
  }
}

/**
 * The deadline moved for the pauses [from, to) of the clock since it started. Paused time is added back
 * in the unit's family: working time (working_days, working_hours) is added as working time after the
 * deadline, elapsed time (natural_*) as elapsed time. Overlapping pauses count once. A pause that
 * begins after the (moving) deadline does not count: the deadline had already passed, and a later pause
 * does not make an overdue ticket on time again. A pause still open can be passed with `to` = now.
 */
export function shiftDeadlineForPauses(
  cal: WorkingCalendar,
  deadline: Date,
  unit: SlaUnit,
  pauses: readonly { from: Date; to: Date }[],
): Date {
  const sorted = pauses
    .map((p) => [p.from.getTime(), p.to.getTime()] as [number, number])
    .filter(([f, t]) => t > f)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [f, t] of sorted) {
    const lastPause = merged[merged.length - 1];
    if (lastPause && f <= lastPause[1]) lastPause[1] = Math.max(lastPause[1], t);
    else merged.push([f, t]);
  }
  let due = deadline;
  for (const [f, t] of merged) {
    if (f >= due.getTime()) break;
    if (isWorking(unit)) {
      const paused = cal.workingMillisBetween(new Date(f), new Date(t));
      if (paused > 0) due = cal.addWorkingMillis(due, paused);
    } else {
      due = new Date(due.getTime() + (t - f));
    }
  }
  return due;
}

/** Green before the warning instant, yellow from it up to and including the deadline, red after it. */
export function slaColour(now: Date, deadline: Date, warnAt: Date): "green" | "yellow" | "red" {
  if (now.getTime() > deadline.getTime()) return "red";
  if (now.getTime() >= warnAt.getTime()) return "yellow";
  return "green";
}

/**
 * The yellow-warning instant: when `fraction` (0–1, e.g. 0.8) of the budget from start to deadline is
 * used, measured in the unit's own time (working time for working units, elapsed time otherwise).
 */
export function warningInstant(
  cal: WorkingCalendar,
  start: Date,
  deadline: Date,
  unit: SlaUnit,
  fraction: number,
): Date {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`Fraction must be in [0, 1], not ${fraction}`);
  if (fraction === 1) return deadline;
  if (isWorking(unit)) {
    const budget = Math.max(0, cal.workingMillisBetween(start, deadline));
    const at = cal.addWorkingMillis(start, Math.round(budget * fraction));
    return at > deadline ? deadline : at;
  }
  return new Date(start.getTime() + Math.round((deadline.getTime() - start.getTime()) * fraction));
}

/** Whether a case closed on time: closed at or before the deadline (the Boston 311 rule, and ours). */
export function onTimeVerdict(closedAt: Date, deadline: Date): "ONTIME" | "OVERDUE" {
  return closedAt.getTime() <= deadline.getTime() ? "ONTIME" : "OVERDUE";
}
