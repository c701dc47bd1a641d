import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./event-config";
import { CONFIG_KINDS } from "./event-config-types";
import { policyFor } from "./event-clock";
import { textSimilarity, distanceM } from "./find-duplicates";
import { validateConfig } from "./validate-config";

const facts = {
  departmentCodes: new Set<string>(),
  areaCodes: new Set<string>(),
  usedCategories: new Set<string>(),
};

describe("the default configuration", () => {
  it.each(CONFIG_KINDS)("passes its own validation: %s", (kind) => {
    expect(validateConfig(kind, DEFAULT_CONFIG[kind], DEFAULT_CONFIG, facts)).toEqual([]);
  });

  it("marks family, key-person, dispute, police and petition categories sensitive and never public", () => {
    const cats = DEFAULT_CONFIG.categories.categories;
    for (const prefix of ["07", "08", "12", "13", "14", "15"])
      for (const c of cats.filter((c) => c.code.startsWith(prefix)))
        expect(c).toMatchObject({ sensitive: true, public: false });
    expect(cats.filter((c) => c.parent !== null && c.public).length).toBeGreaterThan(30);
  });

  it("layers SLA policies from least to most specific", () => {
    const sla = DEFAULT_CONFIG.sla;
    expect(policyFor(sla, "0101", "normal").handle).toEqual({ amount: 5, unit: "working_days" });
    expect(policyFor(sla, "1601", "normal").handle).toEqual({ amount: 1, unit: "working_days" });
    const fire = policyFor(sla, "0905", "critical");
    expect(fire.handle).toEqual({ amount: 2, unit: "natural_hours" });
    expect(fire.policyIds).toEqual(["hazards", "critical", "fire-critical"]);
    expect(policyFor(sla, "1301", "normal").total).toEqual({ amount: 60, unit: "natural_days" });
  });
});

describe("validation", () => {
  it("finds a removed category still named by a routing rule", () => {
    const categories = {
      categories: DEFAULT_CONFIG.categories.categories.filter((c) => !c.code.startsWith("15")),
    };
    const problems = validateConfig("categories", categories, DEFAULT_CONFIG, facts);
    expect(problems.map((p) => p.path)).toContain(
      `routing.rules.${DEFAULT_CONFIG.routing.rules.findIndex((r) => r.category === "15")}.category`,
    );
  });

  it("requires a catch-all routing rule and one lead per rule", () => {
    const routing = {
      ...DEFAULT_CONFIG.routing,
      rules: DEFAULT_CONFIG.routing.rules
        .filter((r) => r.id !== "default")
        .concat([
          {
            id: "two",
            category: "01",
            level: "grid",
            units: [{ teamRole: "grid_worker" }, { teamRole: "police" }],
          },
        ]),
    };
    const paths = validateConfig("routing", routing, DEFAULT_CONFIG, facts).map((p) => p.path);
    expect(paths).toContain("rules");
    expect(paths).toContain(`rules.${routing.rules.length - 1}.units`);
  });

  it("reports junk as shape problems, never throws", () => {
    for (const kind of CONFIG_KINDS)
      for (const junk of [null, 42, "x", [], { rules: "no" }, { states: [{}] }])
        expect(validateConfig(kind, junk, DEFAULT_CONFIG, facts).length).toBeGreaterThan(0);
  });
});

describe("duplicate scoring", () => {
  it("scores similar Chinese texts high and unrelated ones low", () => {
    expect(textSimilarity("广场舞音响声音太大扰民", "广场舞音响太大声扰民严重")).toBeGreaterThan(0.4);
    expect(textSimilarity("广场舞音响声音太大扰民", "井盖丢失很危险")).toBeLessThan(0.1);
    expect(textSimilarity("", "x")).toBe(0);
  });

  it("measures distances in metres", () => {
    expect(Math.round(distanceM({ lat: 29.85, lng: 121.58 }, { lat: 29.8518, lng: 121.58 }))).toBe(200);
  });
});
