// @vitest-environment node
import { describe, expect, it } from "vitest";
import {
  buildMatrix,
  countsFromStats,
  heat,
  heatTextIsLight,
  overallEmployment,
  percent,
  rateText,
} from "./matrix";

describe("key-person matrix", () => {
  it("fills every category and level, adding up repeated cells", () => {
    const m = buildMatrix([
      { category: "03", attentionLevel: "01", count: 4 },
      { category: "03", attentionLevel: "01", count: 1 },
      { category: "06", attentionLevel: "03", count: 7 },
    ]);
    expect(m.rows.map((r) => r.category)).toEqual(["01", "02", "03", "04", "05", "06"]);
    expect(m.levels).toEqual(["01", "02", "03", "00"]);
    expect(m.rows[2]).toEqual({ category: "03", cells: { "01": 5, "02": 0, "03": 0, "00": 0 }, total: 5 });
    expect(m.levelTotals).toEqual({ "01": 5, "02": 0, "03": 7, "00": 0 });
    expect(m.total).toBe(12);
    expect(m.max).toBe(7);
  });

  it("keeps unknown codes instead of dropping them", () => {
    const m = buildMatrix([{ category: "99", attentionLevel: "09", count: 2 }], ["01"], ["01"]);
    expect(m.rows.map((r) => r.category)).toEqual(["01", "99"]);
    expect(m.levels).toEqual(["01", "09"]);
    expect(m.total).toBe(2);
  });

  it("is empty but whole without counts", () => {
    const m = buildMatrix([]);
    expect(m.rows).toHaveLength(6);
    expect(m.total).toBe(0);
    expect(m.max).toBe(0);
  });

  it("shades cells by their share of the maximum", () => {
    expect(heat(0, 10)).toBeUndefined();
    expect(heat(10, 10)).toBe("rgba(22, 119, 255, 0.80)");
    expect(heat(1, 10)).toBe("rgba(22, 119, 255, 0.15)");
    expect(heatTextIsLight(9, 10)).toBe(true);
    expect(heatTextIsLight(2, 10)).toBe(false);
  });

  it("gives percentages with one decimal, none of nothing", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
});

describe("key-person stats helpers", () => {
  it("turns per-category level counts into cells", () => {
    const cells = countsFromStats([
      { category: "01", byLevel: { "01": 2, "03": 1 } },
      { category: "02", byLevel: {} },
    ]);
    expect(cells).toEqual([
      { category: "01", attentionLevel: "01", count: 2 },
      { category: "01", attentionLevel: "03", count: 1 },
    ]);
    expect(buildMatrix(cells).rows[0]!.total).toBe(3);
  });

  it("adds employment over categories", () => {
    expect(
      overallEmployment([
        { employed: 3, workingAge: 4 },
        { employed: 1, workingAge: 4 },
      ]),
    ).toEqual({
      employed: 4,
      workingAge: 8,
      rate: 0.5,
    });
    expect(overallEmployment([]).rate).toBeNull();
  });

  it("writes rates as percentages", () => {
    expect(rateText(0.4567)).toBe("45.7%");
    expect(rateText(1)).toBe("100.0%");
    expect(rateText(null)).toBe("—");
  });
});
