import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CREDIT_AUTHORITIES,
  CREDIT_CODE_CHARS,
  creditCodeCheckChar,
  orgCodeCheckChar,
  validateCreditCode,
  type CreditCodeResult,
} from "./credit-code";

const codeOf = (r: CreditCodeResult) => (r.ok ? undefined : r.code);

/** A body of 16 characters (authority … organisation code body) completed with both check characters. */
function complete(first16: string): string {
  const org = first16.slice(8, 16);
  const body17 = first16 + orgCodeCheckChar(org);
  return body17 + creditCodeCheckChar(body17);
}

describe("validateCreditCode", () => {
  // Public codes that pass both the organisation code's MOD 11 and the final MOD 31 check.
  const REAL = [
    "91350100M000100Y43", // the example of GB 32100-2015 practice
    "91110000802100433B", // Beijing Baidu Netcom Science and Technology
    "914403001922038216", // Huawei Technologies
    "91440300708461136T", // Shenzhen Tencent Computer Systems
    "91110108551385082Q", // Xiaomi
    "91330100799655058B", // a Hangzhou enterprise
    "91310000MA1FW1BXX2", // a Shanghai enterprise: organisation code MA1FW1BX-X of the 2015 series
    "91310000MA1K32MN7F", // a Shanghai enterprise of the MA series
    "11100000000013127D", // a central-level government body (region 100000)
  ];

  it.each(REAL)("accepts %s", (code) => {
    const r = validateCreditCode(code);
    expect(r).toMatchObject({ ok: true, normalized: code, orgCode: code.slice(8, 17) });
  });

  it("names the authority, organisation type and region", () => {
    expect(validateCreditCode("914403001922038216")).toEqual({
      ok: true,
      normalized: "914403001922038216",
      authority: { code: "9", zh: CREDIT_AUTHORITIES["9"]!.zh, en: CREDIT_AUTHORITIES["9"]!.en },
      orgType: { code: "1", zh: "企业", en: "Enterprise" },
      region: "440300",
      orgCode: "192203821",
    });
    expect(validateCreditCode("11100000000013127D")).toMatchObject({
      ok: true,
      authority: { code: "1", zh: "机构编制" },
      orgType: { code: "1", zh: "机关" },
      region: "100000",
    });
  });

  it("normalises spaces, lower case and full-width characters", () => {
    expect(validateCreditCode(" 9135 0100 m000 100y43 ")).toMatchObject({
      ok: true,
      normalized: "91350100M000100Y43",
    });
    expect(validateCreditCode("９１３５０１００Ｍ０００１００Ｙ４３")).toMatchObject({ ok: true });
  });

  it("refuses a wrong final check character", () => {
    const r = validateCreditCode("91350100M000100Y44");
    expect(r).toEqual({
      ok: false,
      code: "CC_CHECKSUM",
      message: {
        zh: "统一社会信用代码校验位错误",
        en: "The unified social credit code's check character is wrong",
      },
    });
  });

  it("refuses a wrong organisation-code check character even when the final character fits", () => {
    const body17 = "91350100M000100Y5"; // position 17 altered from 4 to 5
    const code = body17 + creditCodeCheckChar(body17);
    expect(codeOf(validateCreditCode(code))).toBe("CC_ORG_CHECKSUM");
  });

  it("refuses the wrong length and characters outside the 31-character set", () => {
    expect(codeOf(validateCreditCode("91350100M000100Y4"))).toBe("CC_FORMAT");
    expect(codeOf(validateCreditCode("91350100M000100Y433"))).toBe("CC_FORMAT");
    for (const letter of ["I", "O", "S", "V", "Z"]) {
      expect(codeOf(validateCreditCode(`91350100M${letter}00100Y43`))).toBe("CC_FORMAT");
    }
    expect(codeOf(validateCreditCode("91350100M000100Y4-"))).toBe("CC_FORMAT");
    expect(codeOf(validateCreditCode(""))).toBe("CC_REQUIRED");
  });

  it("refuses an unknown registration authority or organisation type", () => {
    expect(codeOf(validateCreditCode(complete("B1350100M000100Y")))).toBe("CC_AUTHORITY");
    expect(codeOf(validateCreditCode(complete("0135010000000100")))).toBe("CC_AUTHORITY");
    expect(codeOf(validateCreditCode(complete("94350100M000100Y")))).toBe("CC_ORG_TYPE");
    expect(codeOf(validateCreditCode(complete("9A350100M000100Y")))).toBe("CC_ORG_TYPE");
    expect(codeOf(validateCreditCode(complete("Y2350100M000100Y")))).toBe("CC_ORG_TYPE");
    // the types each authority has
    expect(validateCreditCode(complete("52330212MJ000001"))).toMatchObject({
      ok: true,
      orgType: { zh: "民办非企业单位" },
    });
    expect(validateCreditCode(complete("N2330212MF000001"))).toMatchObject({
      ok: true,
      orgType: { zh: "村级集体经济组织" },
    });
    expect(validateCreditCode(complete("92330212MA000001"))).toMatchObject({
      ok: true,
      orgType: { zh: "个体工商户" },
    });
  });

  it("refuses a region outside every province", () => {
    expect(codeOf(validateCreditCode(complete("91990100M000100Y")))).toBe("CC_REGION");
    expect(codeOf(validateCreditCode(complete("9135A100M000100Y")))).toBe("CC_REGION");
    expect(codeOf(validateCreditCode(complete("91100001M000100Y")))).toBe("CC_REGION");
  });

  it("property: constructed codes pass; changing any one character fails", () => {
    const authorities = Object.entries(CREDIT_AUTHORITIES).flatMap(([a, { types }]) =>
      Object.keys(types).map((t) => a + t),
    );
    const char = fc.constantFrom(...CREDIT_CODE_CHARS);
    const code = fc
      .record({
        head: fc.constantFrom(...authorities),
        region: fc.constantFrom("110105", "330212", "440300", "650102", "100000"),
        org: fc.array(char, { minLength: 8, maxLength: 8 }).map((a) => a.join("")),
      })
      .map(({ head, region, org }) => complete(head + region + org));
    fc.assert(
      fc.property(code, fc.nat(17), fc.integer({ min: 1, max: 30 }), (c, pos, delta) => {
        expect(validateCreditCode(c)).toMatchObject({ ok: true, normalized: c });
        const old = CREDIT_CODE_CHARS.indexOf(c[pos]!);
        const altered = c.slice(0, pos) + CREDIT_CODE_CHARS[(old + delta) % 31] + c.slice(pos + 1);
        expect(validateCreditCode(altered).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("check characters", () => {
  it("computes the GB 11714 organisation code check character", () => {
    expect(orgCodeCheckChar("19220382")).toBe("1");
    expect(orgCodeCheckChar("MA1FW1BX")).toBe("X");
    expect(orgCodeCheckChar("80210043")).toBe("3");
    expect(() => orgCodeCheckChar("1922038")).toThrow(TypeError);
  });

  it("computes the GB 32100 check character", () => {
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
    expect(() => creditCodeCheckChar("91350100M000100YI")).toThrow(TypeError);
    expect(() => creditCodeCheckChar("9135")).toThrow(TypeError);
  });
});
