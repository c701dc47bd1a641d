import { describe, expect, it } from "vitest";
import { durationParts, formatDuration, liveColour, timeLeft } from "./sla";

const words = {
  day: "天",
  hour: "小时",
  minute: "分钟",
  join: (n: number, u: string) => `${n} ${u}`,
  separator: " ",
};
const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe("time left", () => {
  it("counts down to the deadline and up past it", () => {
    const now = at("2026-11-23T08:00:00Z");
    expect(timeLeft("2026-11-23T10:00:00Z", now)).toEqual({ overdue: false, ms: 2 * H });
    expect(timeLeft("2026-11-23T05:00:00Z", now)).toEqual({ overdue: true, ms: 3 * H });
    // at the deadline itself the event is still on time (red is strictly after it)
    expect(timeLeft("2026-11-23T08:00:00Z", now)).toEqual({ overdue: false, ms: 0 });
    expect(timeLeft(null, now)).toBeNull();
    expect(timeLeft("not a date", now)).toBeNull();
  });

  it("reads as the two largest units", () => {
    expect(formatDuration(2 * H, words)).toBe("2 小时");
    expect(formatDuration(3 * H + 20 * 60_000, words)).toBe("3 小时 20 分钟");
    expect(formatDuration(26 * H + 5 * 60_000, words)).toBe("1 天 2 小时");
    expect(formatDuration(48 * H, words)).toBe("2 天");
    expect(formatDuration(12 * 60_000 + 59_000, words)).toBe("12 分钟");
    expect(formatDuration(30_000, words)).toBe("0 分钟");
  });

  it("splits durations without negative parts", () => {
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(25 * H + 61_000)).toEqual({ days: 1, hours: 1, minutes: 1 });
  });
});

describe("live colour", () => {
  const e = { colour: "green", deadline: "2026-11-23T10:00:00Z", warnAt: "2026-11-23T09:00:00Z" };
  it("turns yellow at the warning and red after the deadline without a reload", () => {
    expect(liveColour(e, at("2026-11-23T08:59:59Z"))).toBe("green");
    expect(liveColour(e, at("2026-11-23T09:00:00Z"))).toBe("yellow");
    expect(liveColour(e, at("2026-11-23T10:00:00Z"))).toBe("yellow");
    expect(liveColour(e, at("2026-11-23T10:00:01Z"))).toBe("red");
  });

  it("never shows less than the server says, and keeps it while paused or closed", () => {
    expect(liveColour({ ...e, colour: "red" }, at("2026-11-23T08:00:00Z"))).toBe("red");
    expect(liveColour({ ...e, colour: "yellow", warnAt: undefined }, at("2026-11-23T08:00:00Z"))).toBe(
      "yellow",
    );
    expect(liveColour({ ...e, paused: true }, at("2026-11-24T00:00:00Z"))).toBe("green");
    expect(liveColour({ ...e, closedAt: "2026-11-23T09:30:00Z" }, at("2026-11-24T00:00:00Z"))).toBe("green");
    expect(liveColour({ colour: "bogus", deadline: null }, at("2026-11-24T00:00:00Z"))).toBe("green");
  });
});
