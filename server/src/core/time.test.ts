import { describe, expect, it } from "vitest";
import { localDate } from "./time";

describe("localDate", () => {
  it("counts the day in the deployment's zone, not UTC", () => {
    expect(localDate(new Date("2026-11-23T17:30:00Z"), "Asia/Shanghai")).toBe("2026-11-24");
    expect(localDate(new Date("2026-11-23T17:30:00Z"), "UTC")).toBe("2026-11-23");
  });
});
