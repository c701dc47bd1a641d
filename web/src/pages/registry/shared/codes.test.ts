import { describe, expect, it } from "vitest";
import { codeTables } from "../../../../../server/src/modules/registry/codes/tables";
import { codeOptions, codeText, SERVER_TABLE_IDS } from "./codes";

describe("console code tables", () => {
  it("name only tables the registry defines, each with entries", () => {
    for (const id of SERVER_TABLE_IDS) expect(codeTables[id]?.entries.length, id).toBeGreaterThan(0);
  });

  it("label codes in both languages from the registry's tables", () => {
    expect(codeText("ethnicity", "01", "zh-CN")).toBe("汉族");
    expect(codeText("household-relation", "01", "en-US")).toBe(
      codeTables["household-relation"]!.entries.find((e) => e.code === "01")!.en,
    );
    expect(codeText("sex", "unknown-code", "zh-CN")).toBe("unknown-code");
    expect(codeOptions("document-type", "zh-CN").map((o) => o.value)).toContain("resident_id");
  });
});
