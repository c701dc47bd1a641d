// @vitest-environment node
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, dueColour, dueState, todayInZone } from "./dates";

describe("registry dates", () => {
  it("counts whole days across months and years", () => {
    expect(daysBetween("2025-12-30", "2026-01-02")).toBe(3);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("takes today in the deployment's zone, not the browser's", () => {
    // 2026-01-01 17:00 UTC is already 2 January in Shanghai
    expect(todayInZone(new Date("2026-01-01T17:00:00Z"), "Asia/Shanghai")).toBe("2026-01-02");
    expect(todayInZone(new Date("2026-01-01T17:00:00Z"), "UTC")).toBe("2026-01-01");
  });

  it("places a due date as overdue, today, soon or later", () => {
    expect(dueState("2026-05-09", "2026-05-10")).toBe("overdue");
    expect(dueState("2026-05-10", "2026-05-10")).toBe("today");
    expect(dueState("2026-05-17", "2026-05-10")).toBe("soon");
    expect(dueState("2026-05-18", "2026-05-10")).toBe("later");
    expect(dueState(null, "2026-05-10")).toBe("none");
    expect(dueColour("overdue")).toBe("red");
    expect(dueColour("later")).toBeUndefined();
  });
});
