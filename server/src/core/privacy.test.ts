import { describe, expect, it } from "vitest";
import { maskIdNumber, maskPhone, normalizeChinesePhone } from "./privacy";

describe("maskPhone", () => {
  it("hides the middle four digits of a mobile", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("keeps a landline's area code and last four digits", () => {
    expect(maskPhone("0574-87651234")).toBe("0574-****1234");
    expect(maskPhone("010-7651234")).toBe("010-***1234");
    expect(maskPhone("0574-87651234-123")).toBe("0574-****1234-**");
  });

  it("masks short numbers more, and never shows a short number whole", () => {
    expect(maskPhone("87651234")).toBe("8***1234");
    expect(maskPhone("12345")).toBe("****5");
    expect(maskPhone("110")).toBe("**0");
    expect(maskPhone("12")).toBe("**");
    expect(maskPhone("")).toBe("");
  });
});

describe("maskIdNumber", () => {
  it("hides the date of birth of an 18-digit number", () => {
    expect(maskIdNumber("330212199001011234")).toBe("330212********1234");
    expect(maskIdNumber("33021219900101123X")).toBe("330212********123X");
  });

  it("hides the date of birth of a 15-digit number", () => {
    expect(maskIdNumber("330212900101123")).toBe("330212******123");
  });

  it("keeps at most a quarter at each end of anything else", () => {
    expect(maskIdNumber("12345678")).toBe("12****78");
    expect(maskIdNumber("123")).toBe("***");
  });
});

describe("normalizeChinesePhone", () => {
  it("accepts mobiles with spaces or a country code", () => {
    expect(normalizeChinesePhone("138 1234 5678")).toBe("13812345678");
    expect(normalizeChinesePhone("+86 13812345678")).toBe("13812345678");
    expect(normalizeChinesePhone("0086-138-1234-5678")).toBe("13812345678");
  });

  it("accepts landlines, splitting the area code by its known lengths", () => {
    expect(normalizeChinesePhone("0574-87651234")).toBe("0574-87651234");
    expect(normalizeChinesePhone("057487651234")).toBe("0574-87651234");
    expect(normalizeChinesePhone("01087651234")).toBe("010-87651234");
    expect(normalizeChinesePhone("(021)62345678")).toBe("021-62345678");
    expect(normalizeChinesePhone("0574-87651234-88")).toBe("0574-87651234-88");
  });

  it("refuses what is neither", () => {
    for (const bad of ["12812345678", "1381234567", "hello", "0574-0765123", "555-1234", ""])
      expect(normalizeChinesePhone(bad)).toBeUndefined();
  });
});
