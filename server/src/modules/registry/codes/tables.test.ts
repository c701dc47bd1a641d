import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPE_INFO } from "./id-documents";
import { codeLabel, codeTables, isCode } from "./tables";

const all = Object.values(codeTables);

describe("code tables", () => {
  it("are keyed by their own id", () => {
    for (const [id, t] of Object.entries(codeTables)) expect(t.id).toBe(id);
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  it.each(all.map((t) => [t.id, t] as const))(
    "%s has unique codes, labels in both languages and a source",
    (_, t) => {
      expect(t.entries.length).toBeGreaterThan(0);
      const codes = t.entries.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(t.source.trim()).not.toBe("");
      expect(t.name.zh && t.name.en).toBeTruthy();
      for (const e of t.entries) {
        expect(e.code).toMatch(/^[0-9a-z_]+$/);
        expect(e.zh.trim()).not.toBe("");
        expect(e.en.trim()).not.toBe("");
      }
    },
  );

  it("numeric tables use codes of one width", () => {
    for (const t of all) {
      const widths = new Set(t.entries.map((e) => (/^\d+$/.test(e.code) ? e.code.length : -1)));
      if (!widths.has(-1)) expect(widths.size, t.id).toBe(1);
    }
  });

  it("holds the 56 ethnic groups of GB/T 3304 with 97 and 98", () => {
    const codes = codeTables.ethnicity!.entries.map((e) => e.code);
    expect(codes).toHaveLength(58);
    for (let i = 1; i <= 56; i++) expect(codes).toContain(String(i).padStart(2, "0"));
    expect(codeLabel("ethnicity", "01", "zh")).toBe("汉族");
    expect(codeLabel("ethnicity", "56", "zh")).toBe("基诺族");
    expect(codeLabel("ethnicity", "98", "zh")).toBe("外国血统中国籍人士");
  });

  it("holds the national codes as the standards give them", () => {
    expect(codeTables.sex!.entries.map((e) => e.code)).toEqual(["0", "1", "2", "9"]);
    expect(codeLabel("marital-status", "30", "zh")).toBe("丧偶");
    expect(codeLabel("marital-status", "40", "en")).toBe("Divorced");
    expect(codeLabel("household-relation", "02", "zh")).toBe("户主");
    expect(codeLabel("household-relation", "11", "zh")).toBe("夫");
    expect(codeLabel("household-relation", "52", "zh")).toBe("母亲");
    expect(codeLabel("household-relation", "99", "zh")).toBe("非亲属");
    expect(codeLabel("political-status", "01", "zh")).toBe("中国共产党党员");
    expect(codeLabel("political-status", "13", "zh")).toBe("群众");
    expect(codeLabel("education", "20", "zh")).toBe("大学本科");
    expect(codeLabel("special-population-type", "06", "zh")).toBe("重点青少年");
    expect(codeLabel("risk-grade", "01", "zh")).toBe("0级");
    expect(codeLabel("migration-reason", "09", "en")).toBe("Job transfer");
  });

  it("lists every document type's GA/T 517 code", () => {
    for (const info of Object.values(DOCUMENT_TYPE_INFO)) {
      if (info.gaT517) expect(isCode("document-type", info.gaT517), info.zh).toBe(true);
    }
  });

  it("agrees with the registry schema's checked values", () => {
    expect(codeTables["resident-type"]!.entries.map((e) => e.code)).toEqual([
      "registered",
      "floating",
      "foreign",
    ]);
    expect(codeTables["colour-rating"]!.entries.map((e) => e.code)).toEqual(["red", "yellow", "green"]);
    expect(isCode("attention-level", "02")).toBe(true);
    expect(isCode("house-use", "residential")).toBe(true);
  });

  it("isCode and codeLabel answer no for unknown tables and codes", () => {
    expect(isCode("sex", "1")).toBe(true);
    expect(isCode("sex", "3")).toBe(false);
    expect(isCode("sex", "01")).toBe(false);
    expect(isCode("no-such-table", "1")).toBe(false);
    expect(codeLabel("sex", "2", "zh")).toBe("女性");
    expect(codeLabel("sex", "2", "en")).toBe("Female");
    expect(codeLabel("sex", "3", "zh")).toBeUndefined();
    expect(codeLabel("no-such-table", "1", "en")).toBeUndefined();
    expect(isCode("place-type", "internet_cafe")).toBe(true);
    expect(isCode("thing-type", "micro_fire_station")).toBe(true);
    expect(isCode("deregistration-reason", "moved_away")).toBe(true);
  });
});
