import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { Keyring } from "../../core/crypto";
import {
  CATEGORY_DETAILS,
  KEY_PERSON_CATEGORIES,
  prepareDetails,
  presentDetails,
} from "./key-person-details";
import { codeTables, isCode } from "./codes/tables";

const keyring = new Keyring(crypto.randomBytes(32));

describe("key-person details by category", () => {
  it("names every code table that exists", () => {
    for (const c of KEY_PERSON_CATEGORIES)
      for (const spec of Object.values(CATEGORY_DETAILS[c].fields))
        if ("table" in spec) expect(codeTables[spec.table], spec.table).toBeDefined();
    expect(isCode("risk-grade", "01")).toBe(true);
    expect(isCode("key-youth-type", "01")).toBe(true);
    expect(isCode("drug-control", "05")).toBe(true);
  });

  it("names each unknown field and keeps going to report every problem", () => {
    const r = prepareDetails(keyring, "06", { youthType: "07", hobby: "篮球", shoeSize: 42 });
    expect(r.problems.map((p) => [p.field, p.code])).toEqual([
      ["details.hobby", "UNKNOWN_FIELD"],
      ["details.shoeSize", "UNKNOWN_FIELD"],
      ["details.youthType", "UNKNOWN_CODE"],
      ["details.youthType", "REQUIRED"],
    ]);
    expect(r.problems[0]!.message.en).toContain("hobby, shoeSize");
  });

  it("seals phones, sorts code lists, and merges a change onto what is stored", () => {
    const first = prepareDetails(keyring, "02", {
      correctionType: "02",
      correctionStart: "2025-01-01",
      fourHistories: ["03", "01", "03"],
    });
    expect(first.problems).toEqual([]);
    expect(first.details.fourHistories).toEqual(["01", "03"]);
    const next = prepareDetails(
      keyring,
      "02",
      { fourHistories: null, correctionEnd: "2026-01-01" },
      first.details,
    );
    expect(next.problems).toEqual([]);
    expect(next.details).toEqual({
      correctionType: "02",
      correctionStart: "2025-01-01",
      correctionEnd: "2026-01-01",
    });

    const mental = prepareDetails(keyring, "03", { riskGrade: "02", guardianPhone: "139 0000 1234" });
    const sealed = mental.details.guardianPhone as { enc: string; masked: string };
    expect(keyring.decrypt(sealed.enc)).toBe("13900001234");
    expect(presentDetails("03", mental.details)).toEqual({ riskGrade: "02", guardianPhone: "139****1234" });
    expect(prepareDetails(keyring, "03", { riskGrade: "02", guardianPhone: "12" }).problems[0]).toMatchObject(
      {
        field: "details.guardianPhone",
        code: "PHONE_FORMAT",
      },
    );
  });

  it("refuses a date that does not exist", () => {
    expect(prepareDetails(keyring, "01", { releasedOn: "2025-02-30" }).problems[0]).toMatchObject({
      field: "details.releasedOn",
      code: "DATE_FORMAT",
    });
  });
});
