import { useEffect, useState } from "react";

const DEFAULT_TIME_ZONE = "Asia/Shanghai";
let displayTimeZone = DEFAULT_TIME_ZONE;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone; throws a RangeError for a zone the browser does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Sets the IANA zone every time is shown in: the deployment's, from `/api/me`. Times are stored
 * in UTC; a zone this browser does not know is ignored and the previous one kept.
 */
export function setDisplayTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
    displayTimeZone = timeZone;
  } catch {
    // keep the previous zone rather than fail every date on the page
  }
}

/** The zone times are shown in (Asia/Shanghai until the server says otherwise). */
export function getDisplayTimeZone(): string {
  return displayTimeZone;
}

type WallTime = Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;

/** The wall-clock fields of an instant in a zone, zero-padded. */
function wallTime(date: Date, timeZone: string): WallTime {
  const out: WallTime = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const p of formatterFor(timeZone).formatToParts(date))
    if (p.type in out) out[p.type as keyof WallTime] = p.value;
  return out;
}

/** The time in the display zone as `YYYY-MM-DD HH:mm`. */
export function formatMinute(date: Date): string {
  const w = wallTime(date, displayTimeZone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}`;
}

/** An ISO timestamp from the API as `YYYY-MM-DD HH:mm:ss` in the display zone; empty input gives '', invalid input comes back as is. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatMinute(date)}:${wallTime(date, displayTimeZone).second}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallTime(new Date(instant), timeZone);
  const asUtc = Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day (month 1–12) starts in the display zone; a day past the month's end
 * rolls over, so `day + 1` gives the next day's start.
 */
export function startOfZonedDay(year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day);
  const guess = wall - zoneOffsetMs(wall, displayTimeZone);
  // once more at the guess, in case the offset changes between the two (daylight saving)
  return new Date(wall - zoneOffsetMs(guess, displayTimeZone));
}

/** The last millisecond of a calendar day in the display zone. */
export function endOfZonedDay(year: number, month: number, day: number): Date {
  return new Date(startOfZonedDay(year, month, day + 1).getTime() - 1);
}

/** Splits seconds into whole days, hours and minutes. */
export function splitUptime(seconds: number): { d: number; h: number; m: number } {
  const s = Math.max(0, Math.floor(seconds));
  return {
    d: Math.floor(s / 86400),
    h: Math.floor((s % 86400) / 3600),
    m: Math.floor((s % 3600) / 60),
  };
}

/** The current time, re-rendering at the start of each minute. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let interval: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(new Date());
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    const timeout = setTimeout(() => {
      tick();
      interval = setInterval(tick, 60_000);
    }, toNextMinute);
    return () => {
      clearTimeout(timeout);
      if (interval) clearInterval(interval);
    };
  }, []);
  return now;
}
