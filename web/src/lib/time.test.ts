import { describe, expect, it } from "vitest";
import { formatDateTime, formatMinute, splitUptime } from "./time";

describe("time formatting", () => {
  it("formats local time to the minute with zero padding", () => {
    expect(formatMinute(new Date(2026, 0, 5, 8, 3, 59))).toBe("2026-01-05 08:03");
  });

  it("formats ISO timestamps in local time and passes bad input through", () => {
    const iso = new Date(2026, 10, 23, 14, 5, 9).toISOString();
    expect(formatDateTime(iso)).toBe("2026-11-23 14:05:09");
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("splits uptime into days, hours and minutes", () => {
    expect(splitUptime(90061)).toEqual({ d: 1, h: 1, m: 1 });
    expect(splitUptime(59)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitUptime(-5)).toEqual({ d: 0, h: 0, m: 0 });
  });
});
