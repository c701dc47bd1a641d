import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROVINCE_CODES } from "./divisions";
import {
  DOCUMENT_TYPE_INFO,
  DOCUMENT_TYPES,
  normalizeDocumentNumber,
  parseResidentId,
  residentIdCheckDigit,
  validateDocument,
  type DocumentResult,
} from "./id-documents";

const TODAY = "2025-06-15";

/** A 17-digit body with its check digit appended. */
const withCheck = (body: string) => body + residentIdCheckDigit(body);

function errorCode(r: DocumentResult): string | undefined {
  return r.ok ? undefined : r.code;
}

describe("residentIdCheckDigit", () => {
  it("gives the check digits of the GB 11643-1999 examples", () => {
    expect(residentIdCheckDigit("11010519491231002")).toBe("X");
    expect(residentIdCheckDigit("44052418800101001")).toBe("4");
  });

  it("refuses a body that is not 17 digits", () => {
    expect(() => residentIdCheckDigit("1101051949123100")).toThrow(TypeError);
    expect(() => residentIdCheckDigit("1101051949123100A")).toThrow(TypeError);
  });
});

describe("normalizeDocumentNumber", () => {
  it("makes full-width characters ASCII, drops spaces and upper-cases", () => {
    expect(normalizeDocumentNumber(" １１０１０５ 19491231002ｘ\u3000")).toBe("11010519491231002X");
    expect(normalizeDocumentNumber("e1234 5678")).toBe("E12345678");
  });
});

describe("parseResidentId", () => {
  it("accepts a valid number and derives date of birth and sex", () => {
    expect(parseResidentId("11010519491231002X", TODAY)).toEqual({
      ok: true,
      normalized: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "2",
    });
    expect(parseResidentId("440524188001010014", TODAY)).toMatchObject({
      ok: true,
      birthDate: "1880-01-01",
      sex: "1",
    });
  });

  it("normalises a lower-case x, full-width digits and surrounding spaces", () => {
    const r = parseResidentId("  １１０１０５１９４９１２３１００２x ", TODAY);
    expect(r).toMatchObject({ ok: true, normalized: "11010519491231002X" });
  });

  it("derives the sex from the parity of the 17th digit", () => {
    expect(parseResidentId(withCheck("33021219900101123"), TODAY)).toMatchObject({ ok: true, sex: "1" });
    expect(parseResidentId(withCheck("33021219900101124"), TODAY)).toMatchObject({ ok: true, sex: "2" });
  });

  it("refuses a wrong check digit", () => {
    const r = parseResidentId("110105194912310021", TODAY);
    expect(r).toEqual({
      ok: false,
      code: "ID_CHECKSUM",
      message: { zh: "身份证号校验位错误", en: "The resident ID's check digit is wrong" },
    });
  });

  it("refuses an impossible date of birth", () => {
    expect(errorCode(parseResidentId(withCheck("11010519901301002"), TODAY))).toBe("ID_BIRTHDATE");
    expect(errorCode(parseResidentId(withCheck("11010519900431002"), TODAY))).toBe("ID_BIRTHDATE");
    expect(errorCode(parseResidentId(withCheck("11010519900100002"), TODAY))).toBe("ID_BIRTHDATE");
    expect(errorCode(parseResidentId(withCheck("11010517990101002"), TODAY))).toBe("ID_BIRTHDATE");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseResidentId(withCheck("11010520240229002"), TODAY)).toMatchObject({
      ok: true,
      birthDate: "2024-02-29",
    });
    expect(parseResidentId(withCheck("11010520000229002"), TODAY)).toMatchObject({ ok: true });
    const r = parseResidentId(withCheck("11010520230229002"), TODAY);
    expect(errorCode(r)).toBe("ID_BIRTHDATE");
    expect(r.ok ? "" : r.message.zh).toContain("20230229");
    expect(errorCode(parseResidentId(withCheck("11010519000229002"), TODAY))).toBe("ID_BIRTHDATE");
  });

  it("refuses a date of birth after today, accepts one born today", () => {
    const r = parseResidentId(withCheck("11010520250616002"), TODAY);
    expect(r).toMatchObject({ ok: false, code: "ID_BIRTHDATE" });
    expect(r.ok ? "" : r.message.en).toContain("in the future");
    expect(parseResidentId(withCheck("11010520250615002"), TODAY)).toMatchObject({
      ok: true,
      birthDate: TODAY,
    });
  });

  it("refuses a region code outside every province", () => {
    const r = parseResidentId(withCheck("99010519491231002"), TODAY);
    expect(r).toMatchObject({ ok: false, code: "ID_REGION" });
    expect(errorCode(parseResidentId(withCheck("00010519491231002"), TODAY))).toBe("ID_REGION");
    expect(errorCode(parseResidentId(withCheck("16010519491231002"), TODAY))).toBe("ID_REGION");
  });

  it("refuses malformed numbers", () => {
    for (const s of [
      "1101051949123100",
      "1101051949123100XX",
      "11010519491231002Y",
      "11010519491231X002",
      "abc",
    ]) {
      expect(errorCode(parseResidentId(s, TODAY)), s).toBe("ID_FORMAT");
    }
    expect(errorCode(parseResidentId("   ", TODAY))).toBe("ID_REQUIRED");
  });

  it("converts an old 15-digit number to 18 digits", () => {
    expect(parseResidentId("110105491231002", TODAY)).toEqual({
      ok: true,
      normalized: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "2",
      converted: true,
    });
    expect(parseResidentId("330212900101123", TODAY)).toMatchObject({
      ok: true,
      normalized: withCheck("33021219900101123"),
      sex: "1",
      converted: true,
    });
  });

  it("refuses a 15-digit number with a bad date or region", () => {
    expect(errorCode(parseResidentId("110105490230002", TODAY))).toBe("ID_BIRTHDATE");
    expect(errorCode(parseResidentId("990105491231002", TODAY))).toBe("ID_REGION");
  });

  it("refuses a malformed today", () => {
    expect(() => parseResidentId("11010519491231002X", "2025-6-1")).toThrow(TypeError);
  });

  it("property: any valid body with its check digit passes; changing any one digit fails", () => {
    const provinces = [...PROVINCE_CODES];
    const body = fc
      .record({
        province: fc.constantFrom(...provinces),
        rest: fc.stringMatching(/^\d{4}$/),
        birth: fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date(`${TODAY}T00:00:00Z`),
          noInvalidDate: true,
        }),
        seq: fc.stringMatching(/^\d{3}$/),
      })
      .map(
        ({ province, rest, birth, seq }) =>
          `${province}${rest}${birth.toISOString().slice(0, 10).replace(/-/g, "")}${seq}`,
      );
    fc.assert(
      fc.property(body, fc.nat(17), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const id = withCheck(b);
        const ok = parseResidentId(id, TODAY);
        expect(ok).toMatchObject({ ok: true, normalized: id, sex: Number(b[16]) % 2 ? "1" : "2" });
        const old = id[pos] === "X" ? 10 : Number(id[pos]);
        const changed = (old + delta) % 10; // a different digit (an X check digit becomes 0–9)
        const altered = id.slice(0, pos) + String(changed) + id.slice(pos + 1);
        expect(altered).not.toBe(id);
        expect(parseResidentId(altered, TODAY).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("validateDocument", () => {
  it("maps every document type to its GA/T 517 code (null for the 2018 residence permits)", () => {
    expect(DOCUMENT_TYPES).toHaveLength(6);
    expect(DOCUMENT_TYPE_INFO.resident_id.gaT517).toBe("111");
    expect(DOCUMENT_TYPE_INFO.passport.gaT517).toBe("414");
    expect(DOCUMENT_TYPE_INFO.foreign_pr.gaT517).toBe("553");
    expect(DOCUMENT_TYPE_INFO.hkmo_permit.gaT517).toBeNull();
    expect(DOCUMENT_TYPE_INFO.other.gaT517).toBe("990");
  });

  it("validates resident IDs like parseResidentId", () => {
    expect(validateDocument("resident_id", "110105491231002", TODAY)).toMatchObject({
      ok: true,
      normalized: "11010519491231002X",
      converted: true,
    });
    expect(errorCode(validateDocument("resident_id", "110105194912310021", TODAY))).toBe("ID_CHECKSUM");
  });

  it("accepts residence permits of Hong Kong, Macao and Taiwan residents", () => {
    expect(validateDocument("hkmo_permit", "810000199408230021", TODAY)).toEqual({
      ok: true,
      normalized: "810000199408230021",
      birthDate: "1994-08-23",
      sex: "2",
    });
    expect(validateDocument("hkmo_permit", withCheck("82000019851107005"), TODAY)).toMatchObject({
      ok: true,
      birthDate: "1985-11-07",
      sex: "1",
    });
    expect(validateDocument("tw_permit", "830000199201300022", TODAY)).toMatchObject({
      ok: true,
      birthDate: "1992-01-30",
    });
  });

  it("refuses a permit with a wrong check digit, a bad date or a wrong prefix", () => {
    expect(validateDocument("hkmo_permit", "810000199408230022", TODAY)).toMatchObject({
      ok: false,
      code: "ID_CHECKSUM",
      message: { zh: "港澳居民居住证号校验位错误" },
    });
    expect(errorCode(validateDocument("tw_permit", withCheck("83000019930229002"), TODAY))).toBe(
      "ID_BIRTHDATE",
    );
    expect(errorCode(validateDocument("tw_permit", "810000199408230021", TODAY))).toBe("ID_WRONG_TYPE");
    expect(errorCode(validateDocument("hkmo_permit", "830000199201300022", TODAY))).toBe("ID_WRONG_TYPE");
    expect(errorCode(validateDocument("hkmo_permit", "11010519491231002X", TODAY))).toBe("ID_WRONG_TYPE");
    expect(errorCode(validateDocument("hkmo_permit", withCheck("99000019920130002"), TODAY))).toBe(
      "ID_REGION",
    );
    expect(errorCode(validateDocument("hkmo_permit", "81000019940823002", TODAY))).toBe("ID_FORMAT");
  });

  it("tells that a permit number was entered as a resident ID", () => {
    const r = validateDocument("resident_id", "810000199408230021", TODAY);
    expect(r).toMatchObject({ ok: false, code: "ID_WRONG_TYPE" });
    expect(r.ok ? "" : r.message.zh).toContain("港澳居民居住证");
  });

  it("accepts both forms of the foreign permanent-residence ID card", () => {
    // 2023 card: 9, Beijing (11), USA (840), born 1980-01-01, sequence 001, GB 11643 check digit
    const card = withCheck("91184019800101001");
    expect(validateDocument("foreign_pr", card, TODAY)).toEqual({
      ok: true,
      normalized: card,
      birthDate: "1980-01-01",
    });
    // older cards: structure only
    expect(validateDocument("foreign_pr", "usa110080010101", TODAY)).toEqual({
      ok: true,
      normalized: "USA110080010101",
    });
  });

  it("refuses a malformed or wrong foreign permanent-residence number", () => {
    const card = withCheck("91184019800101001");
    const wrong = card.slice(0, 17) + String((Number(card[17] === "X" ? 10 : card[17]) + 1) % 10);
    expect(errorCode(validateDocument("foreign_pr", wrong, TODAY))).toBe("ID_CHECKSUM");
    expect(errorCode(validateDocument("foreign_pr", withCheck("91184019800230001"), TODAY))).toBe(
      "ID_BIRTHDATE",
    );
    expect(errorCode(validateDocument("foreign_pr", withCheck("98184019800101001"), TODAY))).toBe(
      "ID_REGION",
    );
    expect(
      errorCode(validateDocument("foreign_pr", withCheck("98184019800101001").replace(/^9/, "1"), TODAY)),
    ).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("foreign_pr", "US1110080010101", TODAY))).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("foreign_pr", "USA11008001010", TODAY))).toBe("ID_FORMAT");
  });

  it("accepts passports of 5–17 letters and digits, Chinese ones included", () => {
    expect(validateDocument("passport", "e12345678", TODAY)).toEqual({ ok: true, normalized: "E12345678" });
    expect(validateDocument("passport", "EA1234567", TODAY)).toMatchObject({ ok: true });
    expect(validateDocument("passport", "G12345678", TODAY)).toMatchObject({ ok: true });
    expect(validateDocument("passport", "X1234", TODAY)).toMatchObject({ ok: true });
    expect(validateDocument("passport", "A".repeat(17), TODAY)).toMatchObject({ ok: true });
  });

  it("refuses passports too short, too long or with other characters", () => {
    expect(errorCode(validateDocument("passport", "E123", TODAY))).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("passport", "A".repeat(18), TODAY))).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("passport", "E1234-5678", TODAY))).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("passport", "护照12345", TODAY))).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("passport", "", TODAY))).toBe("ID_REQUIRED");
  });

  it("accepts any other document number up to 50 characters", () => {
    expect(validateDocument("other", "  军官证 第 123 号 ", TODAY)).toEqual({
      ok: true,
      normalized: "军官证 第 123 号",
    });
    expect(errorCode(validateDocument("other", "x".repeat(51), TODAY))).toBe("ID_FORMAT");
    expect(errorCode(validateDocument("other", " ", TODAY))).toBe("ID_REQUIRED");
  });

  it("gives every error a message in both languages", () => {
    const cases: [Parameters<typeof validateDocument>[0], string][] = [
      ["resident_id", ""],
      ["resident_id", "123"],
      ["resident_id", "110105194912310021"],
      ["hkmo_permit", "110105194912310021"],
      ["foreign_pr", "123"],
      ["passport", "#"],
    ];
    for (const [type, n] of cases) {
      const r = validateDocument(type, n, TODAY);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(r.message.en).toMatch(/^[A-Z]/);
      }
    }
  });
});
