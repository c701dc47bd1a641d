import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../core/errors";
import { isPlausibleDivisionCode, loadDivisionsCsv } from "./divisions";

describe("isPlausibleDivisionCode", () => {
  it("accepts six digits under a real province", () => {
    for (const c of ["110101", "330212", "650102", "460000", "710000", "810000", "820000"]) {
      expect(isPlausibleDivisionCode(c), c).toBe(true);
    }
  });

  it("refuses other lengths, other characters and unknown provinces", () => {
    for (const c of [
      "",
      "11010",
      "1101011",
      "11010a",
      "000000",
      "160101",
      "240101",
      "380101",
      "470101",
      "550101",
      "660101",
      "910101",
      " 110101",
    ]) {
      expect(isPlausibleDivisionCode(c), c).toBe(false);
    }
  });
});

describe("loadDivisionsCsv", () => {
  it("reads code and name, padding province and prefecture codes", () => {
    const csv =
      '\uFEFFcode,name,cityCode,provinceCode\r\n110101,"东城区",1101,11\r\n11,"北京市",,\r\n1101,"市辖区",,11\r\n\r\n';
    const m = loadDivisionsCsv(csv);
    expect([...m]).toEqual([
      ["110101", "东城区"],
      ["110000", "北京市"],
      ["110100", "市辖区"],
    ]);
  });

  it("finds the columns by name and reads quoted commas and quotes", () => {
    const m = loadDivisionsCsv('provinceCode,name,code\n33,"宁波市,""海曙""区",330203\n33,江北区,330205');
    expect(m.get("330203")).toBe('宁波市,"海曙"区');
    expect(m.get("330205")).toBe("江北区");
  });

  it("refuses a file without code or name columns, a bad code or a missing name, with the line", () => {
    expect(() => loadDivisionsCsv("")).toThrow(AppError);
    expect(() => loadDivisionsCsv("id,label\n110101,东城区")).toThrow(/code/);
    const bad = (() => {
      try {
        loadDivisionsCsv("code,name\n110101,东城区\n99010,某区");
      } catch (e) {
        return e;
      }
    })();
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).code).toBe("VALIDATION_FAILED");
    expect((bad as AppError).messages.zh).toContain("第 3 行");
    expect(() => loadDivisionsCsv("code,name\n110101,")).toThrow(/Line 2/);
  });

  const shared = new URL("../../../../../../shared/data/divisions-cn/areas.csv", import.meta.url);
  const publicList = existsSync(shared) ? shared : "/work/shared/data/divisions-cn/areas.csv";
  it.skipIf(!existsSync(publicList))("reads the public county-level list", () => {
    const m = loadDivisionsCsv(readFileSync(publicList, "utf8"));
    expect(m.size).toBeGreaterThan(2800);
    expect(m.get("110101")).toBe("东城区");
    for (const code of m.keys()) expect(isPlausibleDivisionCode(code), code).toBe(true);
  });
});
