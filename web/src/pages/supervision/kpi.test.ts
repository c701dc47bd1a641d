import { describe, expect, it } from "vitest";
import { formatKpi, monthRange, totalRow } from "./kpi";

describe("KPI strip", () => {
  it("shows ratios as percentages, counts as they are and nothing as a dash", () => {
    expect(formatKpi(0.9989, "ratio")).toBe("99.9%");
    expect(formatKpi(1, "ratio")).toBe("100.0%");
    expect(formatKpi(3, "count")).toBe("3");
    expect(formatKpi(12.345, "hours")).toBe("12.3");
    expect(formatKpi(null, "ratio")).toBe("—");
  });

  it("takes the month of the display zone, December rolling into the next year", () => {
    const start = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    const r = monthRange(new Date(), start, () => ({ year: 2026, month: 12 }));
    expect(r.from.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("reads the whole-area row", () => {
    const row = (kind: string) => ({ area: null, kind, counts: {}, values: {} });
    expect(totalRow([row("child"), row("total")])!.kind).toBe("total");
    expect(totalRow([])).toBeUndefined();
  });
});
