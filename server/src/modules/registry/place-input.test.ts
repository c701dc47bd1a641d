import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { Keyring } from "../../core/crypto";
import { creditCodeCheckChar, orgCodeCheckChar } from "./codes/credit-code";
import { checkPlaceInput, placeRow } from "./place-input";

const keyring = new Keyring(crypto.randomBytes(32));
const body = `91330212MA2H3J4K${orgCodeCheckChar("MA2H3J4K")}`;
const good = body + creditCodeCheckChar(body);

describe("place input", () => {
  it("reports every bad field at once, the credit code by its own check", () => {
    const problems = checkPlaceInput({
      name: " ",
      kind: "casino",
      creditCode: good.slice(0, 17) + (good[17] === "1" ? "2" : "1"),
      lat: 30,
      responsiblePhone: "12345",
      employees: -1,
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["name", "REQUIRED"],
      ["kind", "UNKNOWN_CODE"],
      ["creditCode", "CC_CHECKSUM"],
      ["lng", "POINT_INCOMPLETE"],
      ["responsiblePhone", "PHONE_FORMAT"],
      ["employees", "OUT_OF_RANGE"],
    ]);
    expect(problems.every((p) => p.message.zh && p.message.en)).toBe(true);
    expect(checkPlaceInput({ name: "平安酒吧", kind: "bar", creditCode: good })).toEqual([]);
  });

  it("normalises the credit code and seals the phones", () => {
    const row = placeRow(keyring, {
      name: " 平安酒吧 ",
      kind: "bar",
      creditCode: ` ${good.toLowerCase()} `,
      safetyManagerPhone: "0574-87651234",
    });
    expect(row).toMatchObject({
      name: "平安酒吧",
      creditCode: good,
      safetyManagerPhoneMasked: "0574-****1234",
    });
    expect(keyring.decrypt(row.safetyManagerPhoneEnc!)).toBe("0574-87651234");
    expect(row.responsiblePhoneEnc).toBeNull();
    expect(row).not.toHaveProperty("areaId");
  });
});
