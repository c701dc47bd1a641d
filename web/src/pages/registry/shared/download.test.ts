// @vitest-environment node
import { describe, expect, it } from "vitest";
import { fileNameFromDisposition } from "./download";

describe("download file names", () => {
  it("reads the UTF-8 name first", () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent("人员_2026.xlsx")}`,
      ),
    ).toBe("人员_2026.xlsx");
    expect(
      fileNameFromDisposition(`attachment; filename*=UTF-8''${encodeURIComponent("导入错误.xlsx")}`),
    ).toBe("导入错误.xlsx");
  });

  it("falls back to the plain name, or none", () => {
    expect(fileNameFromDisposition('attachment; filename="persons.xlsx"')).toBe("persons.xlsx");
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition("inline")).toBeNull();
  });
});
