// @vitest-environment node
import { describe, expect, it } from "vitest";
import { badRowCount, importProgress, isImportActive, problemText, sortProblems } from "./progress";

describe("import progress", () => {
  it("polls only while validating or loading", () => {
    expect(isImportActive("validating")).toBe(true);
    expect(isImportActive("loading")).toBe(true);
    expect(isImportActive("done")).toBe(false);
    expect(isImportActive("invalid")).toBe(false);
  });

  it("computes the bar from processed and total rows, never full before done", () => {
    expect(importProgress({ status: "loading", processedRows: 250, totalRows: 1000 })).toEqual({
      percent: 25,
      status: "active",
      processed: 250,
      total: 1000,
    });
    expect(importProgress({ status: "loading", processedRows: 1000, totalRows: 1000 }).percent).toBe(99);
    expect(importProgress({ status: "validating", processedRows: 0, totalRows: 0 }).percent).toBeNull();
    expect(importProgress({ status: "done", processedRows: 1000, totalRows: 1000 })).toMatchObject({
      percent: 100,
      status: "success",
    });
    expect(importProgress({ status: "invalid", processedRows: 40, totalRows: 100 })).toMatchObject({
      percent: 40,
      status: "exception",
    });
  });

  it("clamps counts the server may overshoot", () => {
    expect(importProgress({ status: "loading", processedRows: 120, totalRows: 100 }).processed).toBe(100);
    expect(importProgress({ status: "loading", processedRows: -3, totalRows: 100 }).processed).toBe(0);
  });

  it("shows bad rows in the UI language, in row order, keeping the order within a row", () => {
    const problems = [
      { row: 7, field: "phone", code: "PHONE", message: { zh: "电话有误", en: "Bad phone" } },
      {
        row: 3,
        field: "idNumber",
        column: "身份证号",
        code: "ID_CHECKSUM",
        message: { zh: "校验位错误", en: "Bad checksum" },
      },
      { row: 7, field: "areaCode", code: "AREA", message: "outside" },
    ];
    expect(sortProblems(problems).map((p) => `${p.row}:${p.field}`)).toEqual([
      "3:idNumber",
      "7:phone",
      "7:areaCode",
    ]);
    expect(problemText(problems[1]!, "zh-CN")).toBe("校验位错误");
    expect(problemText(problems[1]!, "en-US")).toBe("Bad checksum");
    expect(problemText(problems[2]!, "zh-CN")).toBe("outside");
    expect(badRowCount(problems)).toBe(2);
  });
});
