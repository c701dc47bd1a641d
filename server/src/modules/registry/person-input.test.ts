import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { Keyring } from "../../core/crypto";
import { residentIdCheckDigit } from "./codes/id-documents";
import { checkPersonInput, personRow } from "./person-input";

const TODAY = "2026-11-23";
const id = (body: string) => body + residentIdCheckDigit(body);
const ID = id("33021219850315123"); // male (odd 17th digit), born 1985-03-15

describe("checkPersonInput", () => {
  it("accepts a complete, consistent person", () => {
    expect(
      checkPersonInput(
        {
          name: "张三丰",
          idNumber: ID,
          phone: "138 1234 5678",
          sex: "1",
          birthDate: "1985-03-15",
          ethnicity: "01",
          maritalStatus: "20",
          education: "20",
          politicalStatus: "13",
          hukouDivision: "330212",
          residentType: "floating",
          floating: { permitType: "01", registeredOn: "2026-01-01", permitExpiresOn: "2027-01-01" },
        },
        TODAY,
      ),
    ).toEqual([]);
  });

  it("reports every problem with its field, not only the first", () => {
    const wrongCheck = ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1");
    const problems = checkPersonInput(
      {
        name: " ",
        idNumber: wrongCheck,
        phone: "12345",
        ethnicity: "77",
        maritalStatus: "99",
        birthDate: "2026-02-30",
        hukouDivision: "990101",
        residentType: "registered",
        floating: { permitType: "01" },
      },
      TODAY,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["name", "NAME_REQUIRED"],
      ["idNumber", "ID_CHECKSUM"],
      ["phone", "PHONE_INVALID"],
      ["ethnicity", "CODE_UNKNOWN"],
      ["maritalStatus", "CODE_UNKNOWN"],
      ["birthDate", "DATE_INVALID"],
      ["hukouDivision", "DIVISION_UNKNOWN"],
      ["floating", "FLOATING_NOT_ALLOWED"],
    ]);
    for (const p of problems) expect(p.message.zh && p.message.en).toBeTruthy();
  });

  it("refuses a sex or birth date that contradicts the ID", () => {
    const problems = checkPersonInput(
      { name: "李四", idNumber: ID, sex: "2", birthDate: "1985-03-16" },
      TODAY,
    );
    expect(problems.map((p) => p.code)).toEqual(["SEX_MISMATCH", "BIRTH_DATE_MISMATCH"]);
  });

  it("checks floating-population dates and permit codes", () => {
    const problems = checkPersonInput(
      {
        name: "王五",
        residentType: "floating",
        floating: { permitType: "07", registeredOn: "2026-05-01", permitExpiresOn: "2026-04-01" },
      },
      TODAY,
    );
    expect(problems.map((p) => p.field)).toEqual(["floating.permitType", "floating.permitExpiresOn"]);
  });
});

describe("personRow", () => {
  const keyring = new Keyring(crypto.randomBytes(32));

  it("seals the ID and phone, derives birth date and sex, keeps masked forms and pinyin keys", () => {
    const row = personRow(
      keyring,
      { name: "张三丰", idNumber: ID.toLowerCase(), phone: "+86 138-1234-5678" },
      TODAY,
    );
    expect(row).toMatchObject({
      name: "张三丰",
      namePinyin: "zhangsanfeng",
      nameInitials: "zsf",
      idMasked: `330212********${ID.slice(-4)}`,
      idTail: ID.slice(-4),
      phoneMasked: "138****5678",
      phoneTail: "5678",
      sex: "1",
      birthDate: "1985-03-15",
      nationality: "CHN",
    });
    expect(keyring.decrypt(row.idEnc!)).toBe(ID);
    expect(keyring.decrypt(row.phoneEnc!)).toBe("13812345678");
    expect(JSON.stringify(row)).not.toContain("13812345678");
    expect(JSON.stringify(row)).not.toContain(ID);
  });

  it("converts an old 15-digit ID to 18 digits", () => {
    const row = personRow(keyring, { name: "赵六", idNumber: "330212850315123" }, TODAY);
    expect(keyring.decrypt(row.idEnc!)).toBe(id("33021219850315123"));
    expect(row.birthDate).toBe("1985-03-15");
  });

  it("keeps the permit expiry of a floating resident in its own column", () => {
    const row = personRow(
      keyring,
      {
        name: "钱七",
        residentType: "floating",
        floating: { permitExpiresOn: "2027-01-01", reason: " 务工 " },
      },
      TODAY,
    );
    expect(row.permitExpiresOn).toBe("2027-01-01");
    expect(row.floating).toEqual({ permitExpiresOn: "2027-01-01", reason: "务工" });
  });

  it("throws the first problem as a 400 naming its field", () => {
    expect(() => personRow(keyring, { name: "孙八", ethnicity: "77" }, TODAY)).toThrow(
      expect.objectContaining({ status: 400, field: "ethnicity" }),
    );
  });
});
