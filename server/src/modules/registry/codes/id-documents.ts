/**
 * Identity documents of the person block (GB/T 31000): pure checks, no database.
 *
 * - Resident ID (居民身份证, GB 11643-1999): 6-digit region + 8-digit birth date + 3-digit sequence
 *   (odd for men, even for women) + ISO 7064 MOD 11-2 check character (0–9 or X). The old 15-digit
 *   numbers (GB 11643-1989: 2-digit year, no check digit) are converted to 18 digits.
 * - Residence permits for Hong Kong / Macao (810000, 820000) and Taiwan (830000) residents
 *   (港澳台居民居住证, 2018): same structure and check digit, the region being the fixed prefix.
 * - Foreign permanent-residence ID card (外国人永久居留身份证): the 2023 card has 18 digits starting
 *   with 9 (9 + 2-digit province where issued + 3-digit ISO 3166-1 numeric nationality + 8-digit
 *   birth date + 3-digit sequence + GB 11643 check digit); the older cards (2004 and 2017 designs)
 *   have 15 characters, three letters of nationality (ISO 3166-1 alpha-3) and 12 digits. The
 *   published descriptions of those 12 digits and of their check digit disagree, so for that form
 *   only the structure is checked.
 * - Passports: 5–17 letters and digits; Chinese ordinary passports (electronic: E + 8 digits, or
 *   E + letter + 7 digits once those ran out; older: G + 8 digits) fall within this rule.
 */
import type { Message } from "../../../core/errors";
import { MAINLAND_PROVINCE_CODES, PROVINCE_CODES } from "./divisions";

export type DocumentType = "resident_id" | "hkmo_permit" | "tw_permit" | "foreign_pr" | "passport" | "other";

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  "resident_id",
  "hkmo_permit",
  "tw_permit",
  "foreign_pr",
  "passport",
  "other",
];

/**
 * Each document type with its GA/T 517-2004 code (常用证件代码), as used by public-security data
 * exchange and by the open-source systems built on GB/T 31000: 111 居民身份证, 414 普通护照
 * (ordinary passport; 411 diplomatic, 412 service, 413 public-affairs ordinary), 553 外国人永久居留证
 * (now 外国人永久居留身份证), 990 其他. GA/T 517-2004 predates the 2018 residence permits for Hong
 * Kong, Macao and Taiwan residents and gives them no code, so theirs is null (systems that need one
 * use a local code).
 */
export const DOCUMENT_TYPE_INFO: Readonly<Record<DocumentType, { gaT517: string | null } & Message>> = {
  resident_id: { gaT517: "111", zh: "居民身份证", en: "Resident identity card" },
  hkmo_permit: {
    gaT517: null,
    zh: "港澳居民居住证",
    en: "Residence permit for Hong Kong and Macao residents",
  },
  tw_permit: { gaT517: null, zh: "台湾居民居住证", en: "Residence permit for Taiwan residents" },
  foreign_pr: {
    gaT517: "553",
    zh: "外国人永久居留身份证",
    en: "Foreign permanent resident ID card",
  },
  passport: { gaT517: "414", zh: "护照", en: "Passport" },
  other: { gaT517: "990", zh: "其他证件", en: "Other document" },
};

export type DocumentErrorCode =
  "ID_REQUIRED" | "ID_FORMAT" | "ID_REGION" | "ID_BIRTHDATE" | "ID_CHECKSUM" | "ID_WRONG_TYPE";

export type DocumentResult =
  | {
      ok: true;
      /** The number in normal form: ASCII, upper case, no spaces; 15-digit IDs converted to 18. */
      normalized: string;
      /** YYYY-MM-DD, where the number encodes it. */
      birthDate?: string;
      /** GB/T 2261.1: "1" male, "2" female, where the number encodes it. */
      sex?: "1" | "2";
      /** True when an old 15-digit resident ID was converted to 18 digits. */
      converted?: true;
    }
  | { ok: false; code: DocumentErrorCode; message: Message };

export type DocumentError = Extract<DocumentResult, { ok: false }>;

/** Weights of the 17 body digits: 2^(17−i) mod 11 for i = 0…16 (GB 11643-1999, ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character by (weighted sum mod 11). */
const CHECK_CHARS = "10X98765432";

/** The ISO 7064 MOD 11-2 check character ("0"–"9" or "X") of a 17-digit body. */
export function residentIdCheckDigit(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new TypeError(`A resident ID body has 17 digits, not “${body}”`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * A document number as typed or pasted, in normal form: full-width letters and digits (and the
 * ideographic space) made ASCII, all whitespace removed, letters upper-cased.
 */
export function normalizeDocumentNumber(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "")
    .toUpperCase();
}

/** What each document's number is called in messages. */
const LABEL: Record<DocumentType, Message> = {
  resident_id: { zh: "身份证号", en: "resident ID" },
  hkmo_permit: { zh: "港澳居民居住证号", en: "Hong Kong/Macao residence permit number" },
  tw_permit: { zh: "台湾居民居住证号", en: "Taiwan residence permit number" },
  foreign_pr: { zh: "永久居留身份证号", en: "permanent resident ID number" },
  passport: { zh: "护照号", en: "passport number" },
  other: { zh: "证件号码", en: "document number" },
};

function fail(code: DocumentErrorCode, zh: string, en: string): DocumentError {
  return { ok: false, code, message: { zh, en } };
}

const errors = {
  required: (t: DocumentType) => fail("ID_REQUIRED", `请填写${LABEL[t].zh}`, `The ${LABEL[t].en} is missing`),
  format: (t: DocumentType, zhRule: string, enRule: string) =>
    fail(
      "ID_FORMAT",
      `${LABEL[t].zh}格式错误：应为${zhRule}`,
      `The ${LABEL[t].en} is malformed: it should be ${enRule}`,
    ),
  region: (t: DocumentType, region: string) =>
    fail(
      "ID_REGION",
      `${LABEL[t].zh}的地区码 ${region} 不存在`,
      `The ${LABEL[t].en}'s region code ${region} does not exist`,
    ),
  birthDate: (t: DocumentType, digits: string) =>
    fail(
      "ID_BIRTHDATE",
      `${LABEL[t].zh}中的出生日期 ${digits} 无效`,
      `The ${LABEL[t].en}'s date of birth ${digits} is not a valid date`,
    ),
  futureBirth: (t: DocumentType, date: string) =>
    fail(
      "ID_BIRTHDATE",
      `${LABEL[t].zh}中的出生日期 ${date} 晚于今天`,
      `The ${LABEL[t].en}'s date of birth ${date} is in the future`,
    ),
  checksum: (t: DocumentType) =>
    fail("ID_CHECKSUM", `${LABEL[t].zh}校验位错误`, `The ${LABEL[t].en}'s check digit is wrong`),
};

/** Years before this are taken as typing errors (nobody born earlier holds a current document). */
const EARLIEST_BIRTH_YEAR = 1870;

/** "YYYYMMDD" → "YYYY-MM-DD" when it is a real calendar date not after `today`, else an error. */
function birthDateOf(t: DocumentType, digits: string, today: string): string | DocumentError {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    y >= EARLIEST_BIRTH_YEAR &&
    m >= 1 &&
    m <= 12 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d;
  if (!real) return errors.birthDate(t, digits);
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (iso > today) return errors.futureBirth(t, iso);
  return iso;
}

function checkToday(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new TypeError(`today must be YYYY-MM-DD, not “${today}”`);
}

const RESIDENT_ID_RULE = {
  zh: "18 位（17 位数字加一位数字或 X）或 15 位数字",
  en: "18 characters (17 digits and a digit or X) or 15 digits",
};

/**
 * An 18-digit number under GB 11643 rules (resident IDs and the residence permits): birth date,
 * check digit, sex. The region is checked by the caller.
 */
function parseEighteen(t: DocumentType, n: string, today: string): DocumentResult {
  const birth = birthDateOf(t, n.slice(6, 14), today);
  if (typeof birth !== "string") return birth;
  if (residentIdCheckDigit(n.slice(0, 17)) !== n[17]) return errors.checksum(t);
  return { ok: true, normalized: n, birthDate: birth, sex: Number(n[16]) % 2 === 1 ? "1" : "2" };
}

/**
 * A resident ID (GB 11643) as typed: trimmed, full-width digits and a lower-case x accepted. Checks
 * the province of the region code, the date of birth (a real date, not after `today`, YYYY-MM-DD)
 * and the check digit; derives the date of birth and the sex (GB/T 2261.1 "1"/"2" from the parity of
 * the 17th digit). An old 15-digit number (born 19YY) is converted to 18 digits, with `converted`.
 */
export function parseResidentId(text: string, today: string): DocumentResult {
  checkToday(today);
  const t: DocumentType = "resident_id";
  const n = normalizeDocumentNumber(text);
  if (!n) return errors.required(t);
  if (/^\d{15}$/.test(n)) {
    if (!PROVINCE_CODES.has(n.slice(0, 2))) return errors.region(t, n.slice(0, 6));
    const body = `${n.slice(0, 6)}19${n.slice(6)}`;
    const birth = birthDateOf(t, body.slice(6, 14), today);
    if (typeof birth !== "string") return birth;
    return {
      ok: true,
      normalized: body + residentIdCheckDigit(body),
      birthDate: birth,
      sex: Number(n[14]) % 2 === 1 ? "1" : "2",
      converted: true,
    };
  }
  if (!/^\d{17}[\dX]$/.test(n)) return errors.format(t, RESIDENT_ID_RULE.zh, RESIDENT_ID_RULE.en);
  if (!PROVINCE_CODES.has(n.slice(0, 2))) return errors.region(t, n.slice(0, 6));
  return parseEighteen(t, n, today);
}

const PERMIT_PREFIX: Record<"hkmo_permit" | "tw_permit", readonly string[]> = {
  hkmo_permit: ["810000", "820000"],
  tw_permit: ["830000"],
};

function parsePermit(t: "hkmo_permit" | "tw_permit", text: string, today: string): DocumentResult {
  const n = normalizeDocumentNumber(text);
  if (!n) return errors.required(t);
  const prefixes = PERMIT_PREFIX[t];
  if (!/^\d{17}[\dX]$/.test(n)) {
    return errors.format(
      t,
      `以 ${prefixes.join(" 或 ")} 开头的 18 位号码`,
      `18 characters starting with ${prefixes.join(" or ")}`,
    );
  }
  if (!prefixes.includes(n.slice(0, 6))) {
    const other = (Object.keys(PERMIT_PREFIX) as (keyof typeof PERMIT_PREFIX)[]).find((k) =>
      PERMIT_PREFIX[k].includes(n.slice(0, 6)),
    );
    if (other) return wrongType(t, other);
    if (PROVINCE_CODES.has(n.slice(0, 2))) return wrongType(t, "resident_id");
    return errors.region(t, n.slice(0, 6));
  }
  return parseEighteen(t, n, today);
}

function wrongType(chosen: DocumentType, actual: DocumentType): DocumentError {
  return fail(
    "ID_WRONG_TYPE",
    `该号码是${LABEL[actual].zh}，不是${LABEL[chosen].zh}，请选择正确的证件类型`,
    `This is a ${LABEL[actual].en}, not a ${LABEL[chosen].en}: choose the right document type`,
  );
}

function parseForeignPermanentResidence(text: string, today: string): DocumentResult {
  const t: DocumentType = "foreign_pr";
  const n = normalizeDocumentNumber(text);
  if (!n) return errors.required(t);
  // 2004/2017 cards: structure only (see the file's comment)
  if (/^[A-Z]{3}\d{12}$/.test(n)) return { ok: true, normalized: n };
  if (!/^9\d{16}[\dX]$/.test(n)) {
    return errors.format(
      t,
      "以 9 开头的 18 位号码，或 3 个字母加 12 位数字的旧版号码",
      "18 characters starting with 9, or, on older cards, 3 letters and 12 digits",
    );
  }
  if (!MAINLAND_PROVINCE_CODES.has(n.slice(1, 3))) return errors.region(t, n.slice(1, 3));
  const birth = birthDateOf(t, n.slice(6, 14), today);
  if (typeof birth !== "string") return birth;
  if (residentIdCheckDigit(n.slice(0, 17)) !== n[17]) return errors.checksum(t);
  return { ok: true, normalized: n, birthDate: birth };
}

function parsePassport(text: string): DocumentResult {
  const t: DocumentType = "passport";
  const n = normalizeDocumentNumber(text);
  if (!n) return errors.required(t);
  if (!/^[A-Z0-9]{5,17}$/.test(n))
    return errors.format(t, "5 至 17 位字母或数字", "5 to 17 letters or digits");
  return { ok: true, normalized: n };
}

function parseOther(text: string): DocumentResult {
  const t: DocumentType = "other";
  const n = text.trim().replace(/[\s\u3000]+/g, " ");
  if (!n) return errors.required(t);
  if (n.length > 50) return errors.format(t, "不超过 50 个字符", "at most 50 characters");
  return { ok: true, normalized: n };
}

/**
 * Checks a document number of the given type and returns it in normal form, with the date of birth
 * and sex where the number encodes them; or an error code with a message in both languages.
 * `today` (YYYY-MM-DD, in the platform's time zone) bounds the date of birth.
 */
export function validateDocument(type: DocumentType, number: string, today: string): DocumentResult {
  checkToday(today);
  switch (type) {
    case "resident_id": {
      const n = normalizeDocumentNumber(number);
      const prefix = n.slice(0, 6);
      if (/^\d{17}[\dX]$/.test(n)) {
        if (PERMIT_PREFIX.hkmo_permit.includes(prefix)) return wrongType(type, "hkmo_permit");
        if (PERMIT_PREFIX.tw_permit.includes(prefix)) return wrongType(type, "tw_permit");
      }
      return parseResidentId(number, today);
    }
    case "hkmo_permit":
    case "tw_permit":
      return parsePermit(type, number, today);
    case "foreign_pr":
      return parseForeignPermanentResidence(number, today);
    case "passport":
      return parsePassport(number);
    case "other":
      return parseOther(number);
  }
}
