/**
 * The one place that turns outside input about a person (an API body or a spreadsheet row) into a
 * row of `persons`: every field checked against its national code table, all problems reported.
 */
import type { Keyring } from "../../core/crypto";
import { normalizeChinesePhone } from "../../core/privacy";
import type { persons } from "../../db/schema";
import { DOCUMENT_TYPES, validateDocument, type DocumentType } from "./codes/id-documents";
import { isPlausibleDivisionCode } from "./codes/divisions";
import { pinyinKeys } from "./codes/pinyin";
import { isCode } from "./codes/tables";
import { fieldProblems, type FieldProblem } from "./registry.errors";
import { sealIdNumber, sealPhone } from "./sensitive";

export type { FieldProblem } from "./registry.errors";

export type ResidentType = "registered" | "floating" | "foreign";
export const RESIDENT_TYPES: readonly ResidentType[] = ["registered", "floating", "foreign"];

/** Floating-population registration (流动人口登记). */
export interface FloatingInput {
  reason?: string;
  permitType?: string;
  registeredOn?: string;
  permitExpiresOn?: string;
  origin?: string;
}

export interface PersonInput {
  name: string;
  formerNames?: string[];
  docType?: DocumentType;
  idNumber?: string;
  phone?: string;
  sex?: string;
  birthDate?: string;
  ethnicity?: string;
  maritalStatus?: string;
  education?: string;
  politicalStatus?: string;
  religion?: string;
  nationality?: string;
  occupation?: string;
  workplace?: string;
  hukouDivision?: string;
  hukouAddress?: string;
  currentAddress?: string;
  houseId?: string;
  residentType?: ResidentType;
  floating?: FloatingInput;
  livesAlone?: boolean;
  areaCode?: string;
  extra?: Record<string, unknown>;
}

type Msg = { zh: string; en: string };
const problem = (field: string, code: string, zh: string, en: string): FieldProblem => ({
  field,
  code,
  message: { zh, en },
});

/** Free-text fields and their longest allowed length. */
const TEXT_LIMITS: [keyof PersonInput, number, Msg][] = [
  ["religion", 50, { zh: "宗教信仰", en: "religion" }],
  ["occupation", 100, { zh: "职业", en: "occupation" }],
  ["workplace", 200, { zh: "工作单位", en: "workplace" }],
  ["hukouAddress", 200, { zh: "户籍地址", en: "household-registration address" }],
  ["currentAddress", 200, { zh: "现住址", en: "current address" }],
];

/** Coded fields: the input field, its code table, and its name in messages. */
const CODED: [keyof PersonInput, string, Msg][] = [
  ["sex", "sex", { zh: "性别", en: "sex" }],
  ["ethnicity", "ethnicity", { zh: "民族", en: "ethnicity" }],
  ["maritalStatus", "marital-status", { zh: "婚姻状况", en: "marital status" }],
  ["education", "education", { zh: "学历", en: "education" }],
  ["politicalStatus", "political-status", { zh: "政治面貌", en: "political status" }],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether s is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const present = (v: string | undefined | null): v is string => typeof v === "string" && v.trim() !== "";

function checkDate(out: FieldProblem[], field: string, value: string | undefined, label: Msg) {
  if (!present(value)) return false;
  if (!isIsoDate(value.trim())) {
    out.push(
      problem(
        field,
        "DATE_INVALID",
        `${label.zh}应为有效日期（YYYY-MM-DD），而不是“${value}”`,
        `The ${label.en} must be a real date (YYYY-MM-DD), not “${value}”`,
      ),
    );
    return false;
  }
  return true;
}

/** The document parsed from the input, when there is one and it is valid. */
function parsedDocument(input: PersonInput, today: string) {
  if (!present(input.idNumber)) return undefined;
  const docType = input.docType ?? "resident_id";
  if (!DOCUMENT_TYPES.includes(docType)) return undefined;
  return validateDocument(docType, input.idNumber, today);
}

/**
 * Validates every field (ID checksum via codes/validateDocument, code tables via isCode, dates,
 * phone) and returns ALL problems, not just the first; an empty list means the input is valid.
 * `today` (YYYY-MM-DD in the platform's time zone) bounds dates of birth.
 */
export function checkPersonInput(input: PersonInput, today: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name) out.push(problem("name", "NAME_REQUIRED", "请填写姓名", "The name is missing"));
  else if (name.length > 50)
    out.push(
      problem("name", "NAME_TOO_LONG", "姓名不能超过 50 个字", "The name has more than 50 characters"),
    );
  for (const [i, former] of (input.formerNames ?? []).entries())
    if (typeof former !== "string" || !former.trim() || former.length > 50)
      out.push(
        problem(
          `formerNames.${i}`,
          "NAME_INVALID",
          "曾用名应为 1–50 个字",
          "A former name must have 1–50 characters",
        ),
      );

  const docType = input.docType ?? "resident_id";
  if (!DOCUMENT_TYPES.includes(docType))
    out.push(
      problem(
        "docType",
        "DOC_TYPE_UNKNOWN",
        `证件类型“${docType}”不存在`,
        `Unknown document type “${docType}”`,
      ),
    );
  const doc = parsedDocument(input, today);
  if (doc && !doc.ok) out.push({ field: "idNumber", code: doc.code, message: doc.message });
  const derived = doc?.ok ? doc : undefined;

  if (present(input.phone) && !normalizeChinesePhone(input.phone))
    out.push(
      problem(
        "phone",
        "PHONE_INVALID",
        "电话号码格式不正确（手机号11位，或区号-号码）",
        "The phone number is neither a mainland mobile (11 digits) nor a landline (area code-number)",
      ),
    );

  for (const [field, tableId, label] of CODED) {
    const v = input[field] as string | undefined;
    if (present(v) && !isCode(tableId, v.trim()))
      out.push(
        problem(
          field,
          "CODE_UNKNOWN",
          `${label.zh}代码“${v}”不在代码表中`,
          `“${v}” is not a code of the ${label.en} table`,
        ),
      );
  }
  if (
    present(input.sex) &&
    derived?.sex &&
    input.sex.trim() !== derived.sex &&
    isCode("sex", input.sex.trim())
  )
    out.push(
      problem(
        "sex",
        "SEX_MISMATCH",
        "性别与证件号码不符",
        "The sex does not match the one encoded in the document number",
      ),
    );

  if (checkDate(out, "birthDate", input.birthDate, { zh: "出生日期", en: "date of birth" })) {
    const birth = input.birthDate!.trim();
    if (birth > today)
      out.push(
        problem("birthDate", "DATE_IN_FUTURE", "出生日期不能晚于今天", "The date of birth is in the future"),
      );
    else if (derived?.birthDate && birth !== derived.birthDate)
      out.push(
        problem(
          "birthDate",
          "BIRTH_DATE_MISMATCH",
          `出生日期与证件号码（${derived.birthDate}）不符`,
          `The date of birth does not match the document number (${derived.birthDate})`,
        ),
      );
  }

  if (present(input.nationality) && !/^[A-Z]{3}$/.test(input.nationality.trim().toUpperCase()))
    out.push(
      problem(
        "nationality",
        "CODE_UNKNOWN",
        "国籍应为 GB/T 2659 三位字母代码（如 CHN）",
        "The nationality must be a GB/T 2659 three-letter code (e.g. CHN)",
      ),
    );
  if (present(input.hukouDivision) && !isPlausibleDivisionCode(input.hukouDivision.trim()))
    out.push(
      problem(
        "hukouDivision",
        "DIVISION_UNKNOWN",
        `户籍地行政区划代码“${input.hukouDivision}”无效（应为 6 位 GB/T 2260 代码）`,
        `“${input.hukouDivision}” is not a six-digit GB/T 2260 division code`,
      ),
    );
  for (const [field, max, label] of TEXT_LIMITS) {
    const v = input[field];
    if (typeof v === "string" && v.length > max)
      out.push(
        problem(
          field,
          "TEXT_TOO_LONG",
          `${label.zh}不能超过 ${max} 个字`,
          `The ${label.en} has more than ${max} characters`,
        ),
      );
  }
  if (present(input.houseId) && !UUID.test(input.houseId.trim()))
    out.push(problem("houseId", "HOUSE_UNKNOWN", "房屋编号无效", "The house id is not a valid id"));
  if (present(input.areaCode) && !/^[0-9A-Za-z_-]{1,40}$/.test(input.areaCode.trim()))
    out.push(problem("areaCode", "AREA_UNKNOWN", "区域代码无效", "The area code is not valid"));

  const residentType = input.residentType ?? "registered";
  if (!RESIDENT_TYPES.includes(residentType))
    out.push(
      problem(
        "residentType",
        "CODE_UNKNOWN",
        `人口类型“${residentType}”不存在（registered/floating/foreign）`,
        `Unknown resident type “${residentType}” (registered, floating or foreign)`,
      ),
    );
  checkFloating(out, input.floating, residentType);
  if (
    input.extra !== undefined &&
    (typeof input.extra !== "object" || input.extra === null || Array.isArray(input.extra))
  )
    out.push(problem("extra", "EXTRA_INVALID", "扩展字段应为对象", "Extra fields must be an object"));
  else if (input.extra && JSON.stringify(input.extra).length > 8000)
    out.push(
      problem(
        "extra",
        "EXTRA_TOO_LARGE",
        "扩展字段过大（上限 8000 字符）",
        "Extra fields exceed 8,000 characters",
      ),
    );
  return out;
}

function checkFloating(out: FieldProblem[], f: FloatingInput | undefined, residentType: string) {
  if (!f) return;
  const filled = Object.values(f).some((v) => present(v as string | undefined));
  if (!filled) return;
  if (residentType !== "floating") {
    out.push(
      problem(
        "floating",
        "FLOATING_NOT_ALLOWED",
        "只有流动人口才填写流动人口登记信息",
        "Floating-population details are only for floating residents",
      ),
    );
    return;
  }
  if (present(f.permitType) && !isCode("permit-type", f.permitType.trim()))
    out.push(
      problem(
        "floating.permitType",
        "CODE_UNKNOWN",
        `办证类型代码“${f.permitType}”不在代码表中`,
        `“${f.permitType}” is not a permit-type code`,
      ),
    );
  const reg = checkDate(out, "floating.registeredOn", f.registeredOn, {
    zh: "登记日期",
    en: "registration date",
  });
  const exp = checkDate(out, "floating.permitExpiresOn", f.permitExpiresOn, {
    zh: "证件有效期至",
    en: "permit expiry date",
  });
  if (reg && exp && f.permitExpiresOn!.trim() < f.registeredOn!.trim())
    out.push(
      problem(
        "floating.permitExpiresOn",
        "DATES_INVALID",
        "证件到期日不能早于登记日期",
        "The permit expiry cannot be before the registration date",
      ),
    );
  for (const k of ["reason", "origin"] as const)
    if ((f[k]?.length ?? 0) > 200)
      out.push(problem(`floating.${k}`, "TEXT_TOO_LONG", "内容不能超过 200 个字", "At most 200 characters"));
}

const clean = (v: string | undefined | null) => (present(v) ? v.trim() : null);

/**
 * The persons-table values for a valid input: sealed ID/phone, pinyin keys, birth date and sex
 * derived from the ID when absent (a mismatch is a problem), masked forms. Area columns are left to
 * the caller. Throws the first problem (400 naming the field) when the input is not valid.
 */
export function personRow(keyring: Keyring, input: PersonInput, today: string): typeof persons.$inferInsert {
  const problems = checkPersonInput(input, today);
  if (problems.length) throw fieldProblems(problems);
  const name = input.name.trim();
  const keys = pinyinKeys(name);
  const docType = input.docType ?? "resident_id";
  const doc = parsedDocument(input, today);
  const derived = doc?.ok ? doc : undefined;
  const id = derived ? sealIdNumber(keyring, derived.normalized) : undefined;
  const phone = present(input.phone) ? sealPhone(keyring, input.phone) : undefined;
  const residentType = input.residentType ?? "registered";
  const floating =
    residentType === "floating" && input.floating
      ? Object.fromEntries(
          Object.entries(input.floating)
            .map(([k, v]) => [k, clean(v as string | undefined)])
            .filter(([, v]) => v !== null),
        )
      : null;
  return {
    name,
    formerNames: input.formerNames?.map((n) => n.trim()).filter(Boolean) ?? null,
    namePinyin: keys.full || null,
    nameInitials: keys.initials || null,
    docType,
    idEnc: id?.enc ?? null,
    idIndex: id?.index ?? null,
    idMasked: id?.masked ?? null,
    idTail: id?.tail ?? null,
    phoneEnc: phone?.enc ?? null,
    phoneIndex: phone?.index ?? null,
    phoneMasked: phone?.masked ?? null,
    phoneTail: phone?.tail ?? null,
    sex: clean(input.sex) ?? derived?.sex ?? null,
    birthDate: clean(input.birthDate) ?? derived?.birthDate ?? null,
    ethnicity: clean(input.ethnicity),
    maritalStatus: clean(input.maritalStatus),
    education: clean(input.education),
    politicalStatus: clean(input.politicalStatus),
    religion: clean(input.religion),
    nationality: clean(input.nationality)?.toUpperCase() ?? (residentType === "foreign" ? null : "CHN"),
    occupation: clean(input.occupation),
    workplace: clean(input.workplace),
    hukouDivision: clean(input.hukouDivision),
    hukouAddress: clean(input.hukouAddress),
    currentAddress: clean(input.currentAddress),
    houseId: clean(input.houseId),
    residentType,
    floating: floating && Object.keys(floating).length ? floating : null,
    permitExpiresOn: (floating?.permitExpiresOn as string | undefined) ?? null,
    livesAlone: input.livesAlone ?? false,
    extra: input.extra && Object.keys(input.extra).length ? input.extra : null,
  };
}
