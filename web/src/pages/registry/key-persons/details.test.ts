// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { KeyPersonCategories } from "../../../api/registry-types";
import { detailLines, detailValue } from "./details";

const catalogue: KeyPersonCategories = {
  categories: [
    {
      category: "03",
      label: { zh: "严重精神障碍", en: "Severe mental disorder" },
      fields: [
        {
          name: "riskGrade",
          type: "code",
          table: "risk-grade",
          required: true,
          label: { zh: "危险性评估等级", en: "Risk grade" },
        },
        {
          name: "guardianName",
          type: "text",
          table: null,
          required: false,
          label: { zh: "监护人", en: "Guardian" },
        },
      ],
    },
  ],
  helperRoles: [],
  carePlanKinds: [],
  visitMethods: [],
};

describe("key-person details", () => {
  it("labels codes and lists, and shows empty values as a dash", () => {
    expect(detailValue("03", { type: "code", table: "risk-grade" }, "zh-CN")).toBe("2级");
    expect(detailValue(["01", "03"], { type: "codes", table: "four-histories" }, "en-US")).toBe(
      "Drug use、Suicide",
    );
    expect(detailValue(null, undefined, "zh-CN")).toBe("—");
    expect(detailValue(true, undefined, "en-US")).toBe("Yes");
  });

  it("follows the category's fields, then lists anything else stored", () => {
    const lines = detailLines("03", { riskGrade: "02", extraNote: "x" }, catalogue, "zh-CN");
    expect(lines).toEqual([
      { name: "riskGrade", label: "危险性评估等级", value: "1级" },
      { name: "guardianName", label: "监护人", value: "—" },
      { name: "extraNote", label: "extraNote", value: "x" },
    ]);
  });

  it("still shows the stored details without the catalogue", () => {
    expect(detailLines("03", { riskGrade: "02" }, undefined, "en-US")).toEqual([
      { name: "riskGrade", label: "riskGrade", value: "02" },
    ]);
  });
});
