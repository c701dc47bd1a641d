/**
 * Wall-clock time in an IANA time zone, without external libraries: offsets come from
 * Intl.DateTimeFormat, so daylight saving (America/New_York) is handled as well as fixed zones
 * (Asia/Shanghai).
 *
 * Conventions for wall times that do not map to exactly one instant (the "compatible" rule of
 * Temporal and of most calendars):
 * - a time skipped by a spring-forward gap (02:30 on a day clocks jump from 02:00 to 03:00) is
 *   moved forward by the length of the gap (→ 03:30 in the new offset);
 * - a time repeated by a fall-back overlap (01:30 twice) is the earlier of the two instants.
 */

/** Local calendar and clock fields; month 1–12, hour 0–24 (24:00 is the next day's midnight). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // throws RangeError for an unknown zone, which is what a caller passing a bad zone should see
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError unless timeZone is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The local wall-clock fields of an instant in a time zone (milliseconds carried over). */
export function toLocal(instant: Date, timeZone: string): Required<LocalDateTime> {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError("Invalid Date");
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
    millisecond: ((t % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +8 h for Asia/Shanghai). */
export function zoneOffsetMillis(instant: Date | number, timeZone: string): number {
  const t = typeof instant === "number" ? instant : instant.getTime();
  const whole = Math.floor(t / 1000) * 1000; // Intl works to the second
  const l = toLocal(new Date(whole), timeZone);
  const wall = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return wall - whole;
}

function wallMillis(f: LocalDateTime): number {
  const d = new Date(0);
  // setUTCFullYear keeps years 0–99 literal (Date.UTC would map them to 1900–1999)
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second ?? 0, f.millisecond ?? 0);
  return d.getTime();
}

/** The instant at which the clocks in timeZone show the given wall time (see the gap/overlap rule above). */
export function fromLocal(fields: LocalDateTime, timeZone: string): Date {
  const wall = wallMillis(fields);
  if (!Number.isFinite(wall)) throw new RangeError(`Invalid local time ${JSON.stringify(fields)}`);
  // the offsets in force a day either side bracket any transition near this wall time
  const before = zoneOffsetMillis(wall - DAY, timeZone);
  const after = zoneOffsetMillis(wall + DAY, timeZone);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const t = wall - offset;
    if (zoneOffsetMillis(t, timeZone) === offset) candidates.push(t);
  }
  if (candidates.length === 0) {
    // no offset yields the wall time: it is inside a gap, or an offset changed in between
    const direct = zoneOffsetMillis(wall, timeZone);
    const t = wall - direct;
    if (zoneOffsetMillis(t, timeZone) === direct) return new Date(t);
    // gap: read the wall time with the offset from before the jump, which lands after it
    return new Date(wall - before);
  }
  return new Date(Math.min(...candidates));
}

/** The calendar date 'YYYY-MM-DD' of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return isoDate(l.year, l.month, l.day);
}

export function isoDate(year: number, month: number, day: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function checkFields(f: Required<LocalDateTime>, text: string): void {
  const ok =
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth(f.year, f.month) &&
    f.hour >= 0 &&
    f.hour <= 23 &&
    f.minute >= 0 &&
    f.minute <= 59 &&
    f.second >= 0 &&
    f.second <= 59;
  if (!ok) throw new RangeError(`Invalid date-time: ${JSON.stringify(text)}`);
}

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a date-time written as local wall time in timeZone and returns the instant.
 * Accepts the US 12-hour form of the Boston 311 data ("01/05/2015 12:40:41 PM"; 12 AM is midnight,
 * 12 PM noon) and ISO 8601 ("2025-09-26", "2025-09-26 15:00", "2025-09-26T15:00:00.5"). An ISO text
 * with its own offset ("Z", "+08:00") is absolute and timeZone is not used. Throws RangeError when
 * the text is not one of these forms or names an impossible date.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date {
  const s = text.trim();
  let m = US.exec(s);
  if (m) {
    const [, mo, d, y, h, mi, sec, ampm] = m;
    let hour = Number(h);
    if (hour < 1 || hour > 12) throw new RangeError(`Invalid date-time: ${JSON.stringify(text)}`);
    hour = (hour % 12) + (ampm!.toUpperCase() === "PM" ? 12 : 0);
    const f = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour,
      minute: Number(mi),
      second: Number(sec ?? 0),
      millisecond: 0,
    };
    checkFields(f, text);
    return fromLocal(f, timeZone);
  }
  m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const f = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(sec ?? 0),
      millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
    };
    checkFields(f, text);
    if (zone) {
      const offset =
        zone.toUpperCase() === "Z"
          ? 0
          : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * HOUR + Number(zone.slice(-2)) * MINUTE);
      return new Date(wallMillis(f) - offset);
    }
    return fromLocal(f, timeZone);
  }
  throw new RangeError(
    `Unrecognised date-time ${JSON.stringify(text)} (expected MM/DD/YYYY hh:mm:ss AM or ISO 8601)`,
  );
}
