import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHINA_CALENDAR } from "./calendar-cn";
import { fromLocal, localDateOf, parseLocalDateTime, toLocal, zoneOffsetMillis } from "./local-time";
import {
  WorkingCalendar,
  addDays,
  computeDeadline,
  onTimeVerdict,
  shiftDeadlineForPauses,
  slaColour,
  warningInstant,
  type SlaUnit,
} from "./working-days";

const cal = WorkingCalendar.china();
/** Beijing time, written as the clocks in Shanghai show it. */
const bj = (text: string) => new Date(`${text}+08:00`);
const H = 3_600_000;

describe("time zones", () => {
  it("knows fixed and daylight-saving offsets", () => {
    expect(zoneOffsetMillis(bj("2025-06-01T12:00:00"), "Asia/Shanghai")).toBe(8 * H);
    expect(zoneOffsetMillis(new Date("2015-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * H);
    expect(zoneOffsetMillis(new Date("2015-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * H);
    expect(zoneOffsetMillis(new Date("2025-01-15T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * H);
  });

  it("moves a wall time in a spring-forward gap forward, and takes the earlier of a repeated one", () => {
    const ny = "America/New_York";
    expect(fromLocal({ year: 2015, month: 3, day: 8, hour: 1, minute: 59 }, ny).toISOString()).toBe(
      "2015-03-08T06:59:00.000Z",
    );
    expect(fromLocal({ year: 2015, month: 3, day: 8, hour: 2, minute: 30 }, ny).toISOString()).toBe(
      "2015-03-08T07:30:00.000Z", // 03:30 EDT
    );
    expect(fromLocal({ year: 2015, month: 3, day: 8, hour: 3, minute: 0 }, ny).toISOString()).toBe(
      "2015-03-08T07:00:00.000Z",
    );
    expect(fromLocal({ year: 2015, month: 11, day: 1, hour: 1, minute: 30 }, ny).toISOString()).toBe(
      "2015-11-01T05:30:00.000Z", // 01:30 EDT, not EST
    );
    expect(fromLocal({ year: 2015, month: 11, day: 1, hour: 2, minute: 0 }, ny).toISOString()).toBe(
      "2015-11-01T07:00:00.000Z",
    );
  });

  it("parses the Boston 311 12-hour format and ISO", () => {
    const ny = "America/New_York";
    expect(parseLocalDateTime("01/05/2015 12:40:41 PM", ny).toISOString()).toBe("2015-01-05T17:40:41.000Z");
    expect(parseLocalDateTime("07/05/2015 12:40:41 AM", ny).toISOString()).toBe("2015-07-05T04:40:41.000Z");
    expect(parseLocalDateTime("07/05/2015 01:02:03 PM", ny).toISOString()).toBe("2015-07-05T17:02:03.000Z");
    expect(parseLocalDateTime("2025-09-26 15:00", "Asia/Shanghai")).toEqual(bj("2025-09-26T15:00:00"));
    expect(parseLocalDateTime("2025-09-26T15:00:00.250", "Asia/Shanghai")).toEqual(
      bj("2025-09-26T15:00:00.250"),
    );
    expect(parseLocalDateTime("2025-09-26", "Asia/Shanghai")).toEqual(bj("2025-09-26T00:00:00"));
    expect(parseLocalDateTime("2025-09-26T15:00:00Z", "Asia/Shanghai").toISOString()).toBe(
      "2025-09-26T15:00:00.000Z",
    );
    expect(parseLocalDateTime("2025-09-26T15:00:00-04:00", "Asia/Shanghai").toISOString()).toBe(
      "2025-09-26T19:00:00.000Z",
    );
    for (const bad of ["", "2025-02-29", "13/01/2015 01:00:00 PM", "01/05/2015 13:00:00 PM", "tomorrow"])
      expect(() => parseLocalDateTime(bad, ny)).toThrow(RangeError);
  });

  it("round-trips any instant through its local wall time", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
        fc.constantFrom("Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC"),
        (at, zone) => {
          const back = fromLocal(toLocal(at, zone), zone);
          // equal, or the earlier instant of a repeated wall time (same wall clock, within 1 h)
          expect(back.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime() - back.getTime()).toBeLessThanOrEqual(H);
          expect(toLocal(back, zone)).toEqual(toLocal(at, zone));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the 2025–2026 China calendar", () => {
  it("has the National Day and Mid-Autumn holiday 2025 with its make-up days", () => {
    for (let d = "2025-10-01"; d <= "2025-10-08"; d = addDays(d, 1))
      expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2025-09-28")).toBe(true); // Sunday
    expect(cal.isWorkingDay("2025-10-11")).toBe(true); // Saturday
    expect(cal.isWorkingDay("2025-10-09")).toBe(true);
    expect(cal.isWorkingDay("2025-10-12")).toBe(false); // an ordinary Sunday
  });

  it("has the Spring Festival 2026 (Feb 15–23 off, Saturdays Feb 14 and 28 worked)", () => {
    for (let d = "2026-02-15"; d <= "2026-02-23"; d = addDays(d, 1))
      expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2026-02-13")).toBe(true);
    expect(cal.isWorkingDay("2026-02-14")).toBe(true);
    expect(cal.isWorkingDay("2026-02-24")).toBe(true);
    expect(cal.isWorkingDay("2026-02-28")).toBe(true);
    expect(cal.isWorkingDay("2026-03-01")).toBe(false);
  });

  it("copies the shared data file exactly", async () => {
    const { sharedFile } = await import("../../test/shared-data");
    const file = sharedFile("calendar-cn/holidays.json");
    if (!file) return;
    const fs = await import("node:fs");
    expect(JSON.parse(fs.readFileSync(file, "utf8")).years).toEqual(CHINA_CALENDAR);
  });

  it("falls back to Monday–Friday in a year it has no data for", () => {
    expect(cal.coversYear(2025)).toBe(true);
    expect(cal.coversYear(2026)).toBe(true);
    expect(cal.coversYear(2027)).toBe(false);
    expect(cal.isWorkingDay("2027-01-01")).toBe(true); // a Friday; no holiday data for 2027
    expect(cal.isWorkingDay("2027-01-02")).toBe(false);
    expect(cal.addWorkingDays(bj("2027-01-01T10:00:00"), 1)).toEqual(bj("2027-01-04T17:30:00"));
  });

  it("takes overrides that replace a whole year", () => {
    const c = WorkingCalendar.china({ "2027": { offDays: ["2027-01-01"], workDays: ["2027-01-02"] } });
    expect(c.coversYear(2027)).toBe(true);
    expect(c.isWorkingDay("2027-01-01")).toBe(false);
    expect(c.isWorkingDay("2027-01-02")).toBe(true);
    expect(c.isWorkingDay("2025-10-01")).toBe(false); // built-in years stay
    const emptied = WorkingCalendar.china({ "2025": { offDays: [], workDays: [] } });
    expect(emptied.isWorkingDay("2025-10-01")).toBe(true);
  });

  it("rejects malformed calendar data and hours", () => {
    const make = (years: Record<string, { offDays: string[]; workDays: string[] }>, hours?: any) =>
      new WorkingCalendar({ years, timeZone: "Asia/Shanghai", hours });
    expect(() => make({ "2025": { offDays: ["2025-13-01"], workDays: [] } })).toThrow(RangeError);
    expect(() => make({ "2025": { offDays: ["2024-12-31"], workDays: [] } })).toThrow(/another year/);
    expect(() => make({ "2025": { offDays: ["2025-09-28"], workDays: ["2025-09-28"] } })).toThrow(/both/);
    expect(() => make({}, [])).toThrow(RangeError);
    expect(() => make({}, [{ start: "13:00", end: "12:00" }])).toThrow(RangeError);
    expect(() =>
      make({}, [
        { start: "08:00", end: "12:00" },
        { start: "11:00", end: "17:00" },
      ]),
    ).toThrow(RangeError);
    expect(() => make({}, [{ start: "8:00", end: "12:00" }])).toThrow(RangeError);
    expect(() => new WorkingCalendar({ years: {}, timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => cal.isWorkingDay("2025-9-1")).toThrow(RangeError);
  });
});

describe("addWorkingDays: the day of receipt does not count, the deadline is the end of the N-th working day", () => {
  it("lands on the make-up Sunday 2025-09-28 for a Friday receipt", () => {
    expect(cal.addWorkingDays(bj("2025-09-26T15:00:00"), 1)).toEqual(bj("2025-09-28T17:30:00"));
    expect(cal.addWorkingDays(bj("2025-09-26T15:00:00"), 2)).toEqual(bj("2025-09-29T17:30:00"));
  });

  it("skips the National Day holiday and counts the make-up Saturday", () => {
    // Tue 30 Sep: Oct 1–8 off, Thu 9, Fri 10, Sat 11 (worked), Mon 13
    expect(cal.addWorkingDays(bj("2025-09-30T09:00:00"), 1)).toEqual(bj("2025-10-09T17:30:00"));
    expect(cal.addWorkingDays(bj("2025-09-30T09:00:00"), 3)).toEqual(bj("2025-10-11T17:30:00"));
    expect(cal.addWorkingDays(bj("2025-09-30T09:00:00"), 4)).toEqual(bj("2025-10-13T17:30:00"));
    // received during the holiday: the first working day after is the 1st
    expect(cal.addWorkingDays(bj("2025-10-03T10:00:00"), 1)).toEqual(bj("2025-10-09T17:30:00"));
  });

  it("skips ordinary weekends and ignores the time of receipt", () => {
    // Fri 2025-11-14 → Mon 17 … Fri 21
    for (const time of ["00:00:00", "07:00:00", "12:30:00", "23:59:59"]) {
      expect(cal.addWorkingDays(bj(`2025-11-14T${time}`), 1)).toEqual(bj("2025-11-17T17:30:00"));
      expect(cal.addWorkingDays(bj(`2025-11-14T${time}`), 5)).toEqual(bj("2025-11-21T17:30:00"));
    }
    // received on Saturday: Monday is the first working day after it
    expect(cal.addWorkingDays(bj("2025-11-15T10:00:00"), 1)).toEqual(bj("2025-11-17T17:30:00"));
  });

  it("counts the Spring Festival 2026", () => {
    // Thu 12 Feb: Fri 13, Sat 14 (worked), 15–23 off, Tue 24
    expect(cal.addWorkingDays(bj("2026-02-12T10:00:00"), 2)).toEqual(bj("2026-02-14T17:30:00"));
    expect(cal.addWorkingDays(bj("2026-02-12T10:00:00"), 3)).toEqual(bj("2026-02-24T17:30:00"));
  });

  it("0 days is the end of the current working day", () => {
    expect(cal.addWorkingDays(bj("2025-11-14T10:00:00"), 0)).toEqual(bj("2025-11-14T17:30:00"));
    expect(cal.addWorkingDays(bj("2025-11-14T18:00:00"), 0)).toEqual(bj("2025-11-17T17:30:00"));
    expect(cal.addWorkingDays(bj("2025-11-15T10:00:00"), 0)).toEqual(bj("2025-11-17T17:30:00"));
    expect(() => cal.addWorkingDays(bj("2025-11-14T10:00:00"), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(bj("2025-11-14T10:00:00"), 1.5)).toThrow(RangeError);
  });

  it("ends the day at the end of the last working-hours segment, in the calendar's zone", () => {
    const late = WorkingCalendar.china({}, "Asia/Shanghai", [{ start: "09:00", end: "18:00" }]);
    expect(late.addWorkingDays(bj("2025-09-26T15:00:00"), 1)).toEqual(bj("2025-09-28T18:00:00"));
    const ny = new WorkingCalendar({ years: {}, timeZone: "America/New_York" });
    // Friday 2015-03-06 → Monday 2015-03-09 17:30 EDT (clocks moved on Sunday)
    expect(ny.addWorkingDays(new Date("2015-03-06T15:00:00-05:00"), 1).toISOString()).toBe(
      "2015-03-09T21:30:00.000Z",
    );
  });
});

describe("addWorkingHours and workingMillisBetween", () => {
  it("skips lunch, nights, weekends and holidays", () => {
    // 11:00 + 2 h: 1 h to noon, lunch 12:00–13:30, then 1 h → 14:30
    expect(cal.addWorkingHours(bj("2025-11-13T11:00:00"), 2)).toEqual(bj("2025-11-13T14:30:00"));
    // 17:00 Thursday + 1 h: 30 min to 17:30, then Friday 08:30 + 30 min
    expect(cal.addWorkingHours(bj("2025-11-13T17:00:00"), 1)).toEqual(bj("2025-11-14T09:00:00"));
    // Friday 17:00 + 1 h → Monday 09:00
    expect(cal.addWorkingHours(bj("2025-11-14T17:00:00"), 1)).toEqual(bj("2025-11-17T09:00:00"));
    // Tuesday 30 Sep 17:00 + 1 h → Thursday 9 Oct 09:00, over the whole holiday
    expect(cal.addWorkingHours(bj("2025-09-30T17:00:00"), 1)).toEqual(bj("2025-10-09T09:00:00"));
    // a full 7.5-hour day
    expect(cal.addWorkingHours(bj("2025-11-13T08:30:00"), 7.5)).toEqual(bj("2025-11-13T17:30:00"));
    expect(cal.addWorkingHours(bj("2025-11-13T08:30:00"), 3.5)).toEqual(bj("2025-11-13T12:00:00"));
  });

  it("starts counting at the next working-hours start when received outside them", () => {
    expect(cal.addWorkingHours(bj("2025-11-13T06:00:00"), 1)).toEqual(bj("2025-11-13T09:30:00"));
    expect(cal.addWorkingHours(bj("2025-11-13T12:10:00"), 1)).toEqual(bj("2025-11-13T14:30:00"));
    expect(cal.addWorkingHours(bj("2025-11-13T20:00:00"), 1)).toEqual(bj("2025-11-14T09:30:00"));
    expect(cal.addWorkingHours(bj("2025-11-15T10:00:00"), 0)).toEqual(bj("2025-11-17T08:30:00"));
    expect(cal.addWorkingHours(bj("2025-11-13T10:00:00"), 0)).toEqual(bj("2025-11-13T10:00:00"));
  });

  it("measures elapsed working time", () => {
    expect(cal.workingMillisBetween(bj("2025-11-13T11:00:00"), bj("2025-11-13T14:30:00"))).toBe(2 * H);
    expect(cal.workingMillisBetween(bj("2025-11-14T17:00:00"), bj("2025-11-17T09:00:00"))).toBe(1 * H);
    expect(cal.workingMillisBetween(bj("2025-09-30T00:00:00"), bj("2025-10-10T00:00:00"))).toBe(15 * H);
    expect(cal.workingMillisBetween(bj("2025-11-17T09:00:00"), bj("2025-11-14T17:00:00"))).toBe(-1 * H);
    expect(cal.workingMillisBetween(bj("2025-11-15T09:00:00"), bj("2025-11-16T17:00:00"))).toBe(0);
  });

  it("works across a daylight-saving change", () => {
    const allDay = [{ start: "00:00", end: "24:00" }];
    const ny = new WorkingCalendar({ years: {}, timeZone: "America/New_York", hours: allDay });
    const nySunday = new WorkingCalendar({
      years: { "2015": { offDays: [], workDays: ["2015-03-08"] } },
      timeZone: "America/New_York",
      hours: allDay,
    });
    const fri = new Date("2015-03-06T00:00:00-05:00");
    const tue = new Date("2015-03-10T00:00:00-04:00");
    expect(ny.workingMillisBetween(fri, tue)).toBe(48 * H); // Friday and Monday
    expect(nySunday.workingMillisBetween(fri, tue)).toBe(71 * H); // and the 23-hour Sunday
    expect(nySunday.addWorkingHours(new Date("2015-03-08T00:00:00-05:00"), 23).toISOString()).toBe(
      "2015-03-09T04:00:00.000Z",
    );
    expect(ny.addWorkingHours(new Date("2015-03-06T23:00:00-05:00"), 2).toISOString()).toBe(
      "2015-03-09T05:00:00.000Z", // 1 h Friday, then Monday 00:00 EDT + 1 h
    );
  });
});

describe("computeDeadline", () => {
  const start = bj("2025-11-14T15:00:00"); // Friday
  it("handles each unit", () => {
    expect(computeDeadline(cal, start, 1, "working_days")).toEqual(bj("2025-11-17T17:30:00"));
    expect(computeDeadline(cal, start, 4, "working_hours")).toEqual(bj("2025-11-17T10:00:00"));
    expect(computeDeadline(cal, start, 24, "natural_hours")).toEqual(bj("2025-11-15T15:00:00"));
    expect(computeDeadline(cal, start, 1.5, "natural_hours")).toEqual(bj("2025-11-14T16:30:00"));
    expect(computeDeadline(cal, start, 1, "natural_days")).toEqual(bj("2025-11-16T00:00:00"));
    expect(computeDeadline(cal, start, 0, "natural_days")).toEqual(bj("2025-11-15T00:00:00"));
    expect(() => computeDeadline(cal, start, 1, "weeks" as SlaUnit)).toThrow(RangeError);
    expect(() => computeDeadline(cal, start, -1, "natural_hours")).toThrow(RangeError);
  });
});

describe("shiftDeadlineForPauses", () => {
  const start = bj("2025-11-13T09:00:00"); // Thursday
  const deadline = computeDeadline(cal, start, 2, "working_days"); // Mon 17 Nov 17:30

  it("adds back the paused working time", () => {
    expect(deadline).toEqual(bj("2025-11-17T17:30:00"));
    const shifted = shiftDeadlineForPauses(cal, deadline, "working_days", [
      { from: bj("2025-11-13T10:00:00"), to: bj("2025-11-13T12:00:00") },
    ]);
    expect(shifted).toEqual(bj("2025-11-18T10:30:00"));
    // a pause over the weekend costs no working time
    expect(
      shiftDeadlineForPauses(cal, deadline, "working_days", [
        { from: bj("2025-11-14T17:30:00"), to: bj("2025-11-17T08:30:00") },
      ]),
    ).toEqual(deadline);
    // one whole working day paused moves the end of Monday to the end of Tuesday
    expect(
      shiftDeadlineForPauses(cal, deadline, "working_days", [
        { from: bj("2025-11-14T00:00:00"), to: bj("2025-11-15T00:00:00") },
      ]),
    ).toEqual(bj("2025-11-18T17:30:00"));
  });

  it("counts overlapping pauses once and ignores pauses after the deadline passed", () => {
    const p = { from: bj("2025-11-13T10:00:00"), to: bj("2025-11-13T11:00:00") };
    const q = { from: bj("2025-11-13T10:30:00"), to: bj("2025-11-13T12:00:00") };
    expect(shiftDeadlineForPauses(cal, deadline, "working_hours", [q, p])).toEqual(bj("2025-11-18T10:30:00"));
    const late = { from: bj("2025-11-18T09:00:00"), to: bj("2025-11-18T12:00:00") };
    expect(shiftDeadlineForPauses(cal, deadline, "working_days", [late])).toEqual(deadline);
    // but a pause that starts before the moved deadline counts whole, even past it
    const straddles = { from: bj("2025-11-17T17:00:00"), to: bj("2025-11-18T09:30:00") };
    expect(shiftDeadlineForPauses(cal, deadline, "working_days", [straddles])).toEqual(
      bj("2025-11-18T10:00:00"),
    );
    expect(shiftDeadlineForPauses(cal, deadline, "working_days", [])).toEqual(deadline);
  });

  it("adds elapsed time for natural units", () => {
    const d = computeDeadline(cal, start, 48, "natural_hours");
    expect(
      shiftDeadlineForPauses(cal, d, "natural_hours", [
        { from: bj("2025-11-14T22:00:00"), to: bj("2025-11-15T01:00:00") },
      ]),
    ).toEqual(bj("2025-11-15T12:00:00"));
  });
});

describe("colour, warning and on-time verdict", () => {
  const deadline = bj("2025-11-17T17:30:00");
  const warnAt = bj("2025-11-17T14:00:00");
  it("colours green, yellow from the warning, red only after the deadline", () => {
    expect(slaColour(bj("2025-11-17T13:59:59"), deadline, warnAt)).toBe("green");
    expect(slaColour(warnAt, deadline, warnAt)).toBe("yellow");
    expect(slaColour(deadline, deadline, warnAt)).toBe("yellow");
    expect(slaColour(new Date(deadline.getTime() + 1), deadline, warnAt)).toBe("red");
  });

  it("puts the warning at a fraction of the budget in the unit's own time", () => {
    const start = bj("2025-11-14T15:00:00"); // Friday; 1 working day → Monday 17:30
    const d = computeDeadline(cal, start, 1, "working_days");
    // budget: 2.5 h Friday + 7.5 h Monday = 10 h; 80 % = 8 h → Monday 13:30 + 2.5 h … = 15:30
    expect(warningInstant(cal, start, d, "working_days", 0.8)).toEqual(bj("2025-11-17T15:30:00"));
    expect(warningInstant(cal, start, d, "working_days", 1)).toEqual(d);
    const n = computeDeadline(cal, start, 10, "natural_hours");
    expect(warningInstant(cal, start, n, "natural_hours", 0.8)).toEqual(bj("2025-11-14T23:00:00"));
    expect(() => warningInstant(cal, start, n, "natural_hours", 1.2)).toThrow(RangeError);
  });

  it("decides on time as closed at or before the deadline", () => {
    expect(onTimeVerdict(deadline, deadline)).toBe("ONTIME");
    expect(onTimeVerdict(new Date(deadline.getTime() + 1000), deadline)).toBe("OVERDUE");
  });
});

describe("properties", () => {
  const calendars = [
    cal,
    new WorkingCalendar({ years: {}, timeZone: "America/New_York" }),
    WorkingCalendar.china({}, "Asia/Shanghai", [{ start: "09:00", end: "18:00" }]),
  ];
  const instant = fc.date({ min: new Date("2024-06-01"), max: new Date("2027-06-30"), noInvalidDate: true });
  // picked by index so that a counterexample prints briefly
  const calendar = fc.integer({ min: 0, max: calendars.length - 1 }).map((i) => calendars[i]!);

  it("addWorkingDays lands at the end of a working day, n working days on, and grows with n", () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (c, s, n, k) => {
          const d = c.addWorkingDays(s, n);
          const day = c.localDate(d);
          expect(c.isWorkingDay(day)).toBe(true);
          expect(d).toEqual(c.endOfWorkingDay(day));
          expect(d.getTime()).toBeGreaterThanOrEqual(s.getTime());
          // strictly later from n = 1 on; n = 0 out of hours is the next working day's end, as n = 1
          const later = c.addWorkingDays(s, n + k).getTime();
          if (n > 0) expect(later).toBeGreaterThan(d.getTime());
          else expect(later).toBeGreaterThanOrEqual(d.getTime());
          if (n > 0) {
            let count = 0;
            for (let x = addDays(c.localDate(s), 1); x <= day; x = addDays(x, 1))
              if (c.isWorkingDay(x)) count++;
            expect(count).toBe(n);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("workingMillisBetween(start, addWorkingHours(start, h)) is h hours, and time is additive", () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 200 * 60 }),
        fc.integer({ min: 0, max: 60 * 60 }),
        (c, s, m, m2) => {
          const end = c.addWorkingHours(s, m / 60);
          expect(c.workingMillisBetween(s, end)).toBe(m * 60_000);
          const further = c.addWorkingHours(s, (m + m2) / 60);
          expect(further.getTime()).toBeGreaterThanOrEqual(end.getTime());
          expect(c.workingMillisBetween(s, end) + c.workingMillisBetween(end, further)).toBe(
            c.workingMillisBetween(s, further),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a pause outside working time never moves a working deadline; one inside moves it by its length", () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 600 }),
        (c, s, n, minutes) => {
          const d = computeDeadline(c, s, n, "working_days");
          const from = c.addWorkingHours(s, 0.5);
          const to = new Date(from.getTime() + minutes * 60_000);
          const paused = c.workingMillisBetween(from, to);
          const shifted = shiftDeadlineForPauses(c, d, "working_days", [{ from, to }]);
          if (from >= d) expect(shifted).toEqual(d);
          else expect(c.workingMillisBetween(d, shifted)).toBe(paused);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the warning lies between start and deadline and the colour is monotone in time", () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<SlaUnit>("working_days", "working_hours", "natural_hours", "natural_days"),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, s, n, unit, f) => {
          const d = computeDeadline(c, s, n, unit);
          const w = warningInstant(c, s, d, unit, f);
          expect(w.getTime()).toBeLessThanOrEqual(d.getTime());
          if (unit.startsWith("natural")) expect(w.getTime()).toBeGreaterThanOrEqual(s.getTime());
          const rank = { green: 0, yellow: 1, red: 2 };
          let previous = 0;
          for (const t of [s, w, d, new Date(d.getTime() + 1)]) {
            const r = rank[slaColour(t, d, w)];
            expect(r).toBeGreaterThanOrEqual(previous);
            previous = r;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("localDate agrees with the wall-clock date", () => {
    fc.assert(
      fc.property(calendar, instant, (c, s) => {
        expect(c.localDate(s)).toBe(localDateOf(s, c.timeZone));
        const l = toLocal(s, c.timeZone);
        expect(c.localDate(s)).toBe(
          `${l.year}-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`,
        );
      }),
    );
  });
});
