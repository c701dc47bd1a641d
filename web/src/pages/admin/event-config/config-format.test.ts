import { describe, expect, it } from "vitest";
import {
  budgetText,
  categoryRows,
  nextLeafCode,
  sortedDays,
  unitText,
  updateCategory,
} from "./config-format";
import type { Category } from "./config-types";

const cat = (code: string, parent: string | null): Category => ({
  code,
  parent,
  name: { zh: code, en: code },
  public: true,
  sensitive: false,
});

describe("event settings helpers", () => {
  it("writes a budget with its unit, rounding odd fractions", () => {
    const words = { unit: (u: string) => (u === "working_days" ? "工作日" : "自然小时") };
    expect(budgetText({ amount: 5, unit: "working_days" }, words)).toBe("5 工作日");
    expect(budgetText({ amount: 0.25, unit: "natural_hours" }, words)).toBe("0.25 自然小时");
    expect(budgetText({ amount: 1 / 3, unit: "natural_hours" }, words)).toBe("0.33 自然小时");
    expect(budgetText(undefined, words)).toBe("—");
  });

  it("names each kind of routing unit", () => {
    const names = {
      kind: (k: string) => `kind:${k}`,
      teamRole: (r: string) => `role:${r}`,
      police: "police",
      department: (c: string) => `dept:${c}`,
    };
    expect(unitText({ department: "x" }, names)).toBe("dept:x");
    expect(unitText({ departmentKind: "fire" }, names)).toBe("kind:fire");
    expect(unitText({ teamRole: "grid_worker", role: "assist" }, names)).toBe("role:grid_worker");
    expect(unitText({ police: true }, names)).toBe("police");
  });

  it("nests leaves under their groups in code order", () => {
    const rows = categoryRows([cat("0902", "09"), cat("09", null), cat("01", null), cat("0901", "09")]);
    expect(rows.map((r) => r.code)).toEqual(["01", "09"]);
    expect(rows[0]!.children).toBeUndefined();
    expect(rows[1]!.children!.map((c) => c.code)).toEqual(["0901", "0902"]);
  });

  it("finds the next free leaf code", () => {
    expect(nextLeafCode([cat("09", null), cat("0901", "09"), cat("0903", "09")], "09")).toBe("0902");
    expect(nextLeafCode([cat("16", null)], "16")).toBe("1601");
  });

  it("changes one category only", () => {
    const next = updateCategory([cat("01", null), cat("0101", "01")], "0101", { public: false });
    expect(next.map((c) => c.public)).toEqual([true, false]);
  });

  it("sorts days and drops repeats", () => {
    expect(sortedDays(["2026-10-02", "2026-01-01", "2026-10-02"])).toEqual(["2026-01-01", "2026-10-02"]);
  });
});
