import { afterEach, describe, expect, it } from "vitest";
import {
  endOfZonedDay,
  formatDateTime,
  formatMinute,
  getDisplayTimeZone,
  setDisplayTimeZone,
  splitUptime,
  startOfZonedDay,
} from "./time";

afterEach(() => setDisplayTimeZone("Asia/Shanghai"));

describe("time formatting", () => {
  it("shows a UTC instant in Shanghai time by default, to the minute, zero-padded", () => {
    expect(getDisplayTimeZone()).toBe("Asia/Shanghai");
    expect(formatMinute(new Date("2026-11-23T05:24:00Z"))).toBe("2026-11-23 13:24");
    // 16:03 UTC is already the next day in Shanghai
    expect(formatMinute(new Date("2026-01-04T16:03:59Z"))).toBe("2026-01-05 00:03");
  });

  it("formats ISO timestamps in the display zone and passes bad input through", () => {
    expect(formatDateTime("2026-11-23T06:05:09Z")).toBe("2026-11-23 14:05:09");
    expect(formatDateTime("2026-11-23T06:05:09.500+00:00")).toBe("2026-11-23 14:05:09");
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("follows the zone the server sets, daylight saving included", () => {
    setDisplayTimeZone("America/New_York");
    expect(formatDateTime("2026-11-23T05:24:00Z")).toBe("2026-11-23 00:24:00"); // EST, UTC−5
    expect(formatDateTime("2026-07-01T05:24:00Z")).toBe("2026-07-01 01:24:00"); // EDT, UTC−4
    setDisplayTimeZone("UTC");
    expect(formatMinute(new Date("2026-11-23T05:24:00Z"))).toBe("2026-11-23 05:24");
  });

  it("keeps the previous zone when given one it does not know", () => {
    setDisplayTimeZone("Mars/Olympus");
    expect(getDisplayTimeZone()).toBe("Asia/Shanghai");
    expect(formatMinute(new Date("2026-11-23T05:24:00Z"))).toBe("2026-11-23 13:24");
  });
});

describe("calendar days in the display zone", () => {
  it("a Shanghai day runs from 16:00 UTC the day before", () => {
    expect(startOfZonedDay(2026, 11, 23).toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(endOfZonedDay(2026, 11, 23).toISOString()).toBe("2026-11-23T15:59:59.999Z");
    expect(endOfZonedDay(2026, 12, 31).toISOString()).toBe("2026-12-31T15:59:59.999Z");
  });

  it("follows the zone's offset on that day", () => {
    setDisplayTimeZone("America/New_York");
    expect(startOfZonedDay(2026, 1, 15).toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfZonedDay(2026, 7, 15).toISOString()).toBe("2026-07-15T04:00:00.000Z");
    // 2026-03-08 springs forward at 02:00: the day is 23 hours long
    expect(endOfZonedDay(2026, 3, 8).getTime() + 1 - startOfZonedDay(2026, 3, 8).getTime()).toBe(
      23 * 3600_000,
    );
  });
});

describe("uptime", () => {
  it("splits uptime into days, hours and minutes", () => {
    expect(splitUptime(90061)).toEqual({ d: 1, h: 1, m: 1 });
    expect(splitUptime(59)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitUptime(-5)).toEqual({ d: 0, h: 0, m: 0 });
  });
});
