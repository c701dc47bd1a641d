import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import type { Problem } from "../../api/area-types";
import { conflictCodesOf, formatPosition, problemRows, problemsOf } from "./problems";

const short: Problem = {
  featureIndex: 0,
  code: "X1",
  kind: "ring_too_short",
  message: { zh: "环只有 3 个坐标", en: "ring has 3 positions" },
};
const overlap: Problem = {
  featureIndex: 1,
  otherIndex: 4,
  kind: "sibling_overlap",
  message: { zh: "与 #4 重叠", en: "overlaps #4" },
  position: [121.5661234567, 29.858],
};
const whole: Problem = {
  featureIndex: null,
  kind: "not_feature_collection",
  message: { zh: "不是", en: "not" },
};

const apiError = (details: Record<string, unknown>) =>
  new ApiError(
    422,
    { code: "AREA_IMPORT_INVALID", message: { zh: "无效", en: "invalid" }, requestId: "r" },
    details,
  );

describe("problems", () => {
  it("reads the problems and conflicting codes of an API error, and nothing from other errors", () => {
    expect(problemsOf(apiError({ problems: [short, { bogus: true }, overlap] }))).toEqual([short, overlap]);
    expect(problemsOf(apiError({}))).toEqual([]);
    expect(problemsOf(new Error("x"))).toEqual([]);
    expect(conflictCodesOf(apiError({ codes: ["a", 1, "b"] }))).toEqual(["a", "b"]);
    expect(conflictCodesOf(null)).toEqual([]);
  });

  it("formats positions as lng, lat to six decimals", () => {
    expect(formatPosition([121.5661234567, 29.858])).toBe("121.566123, 29.858000");
    expect(formatPosition(undefined)).toBe("");
    expect(formatPosition([1])).toBe("");
    expect(formatPosition([Number.NaN, 1])).toBe("");
  });

  it("makes rows in the current language, naming both features of an overlap", () => {
    const zh = problemRows([short, overlap, whole], "zh-CN");
    expect(zh.map((r) => [r.feature, r.code, r.message, r.position])).toEqual([
      ["#0", "X1", "环只有 3 个坐标", ""],
      ["#1 ↔ #4", "", "与 #4 重叠", "121.566123, 29.858000"],
      ["", "", "不是", ""],
    ]);
    expect(problemRows([short], "en-US")[0].message).toBe("ring has 3 positions");
  });
});
