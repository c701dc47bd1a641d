/**
 * The fields each key-person category carries in `details`, as data (GB/T 31000 practice), and their
 * checking. Values are sensitive personal information (health, criminal record, minors): the history
 * and the audit trail show only that `details` changed.
 */
import type { Keyring } from "../../core/crypto";
import type { Message } from "../../core/errors";
import { codeLabel, isCode } from "./codes/tables";
import { isIsoDate } from "./field-checks";
import type { FieldProblem } from "./registry.errors";
import { sealPhone } from "./sensitive";

/** GB/T 31000 special population types: 01 released prisoner … 06 key youth. */
export const KEY_PERSON_CATEGORIES = ["01", "02", "03", "04", "05", "06"] as const;
export type KeyPersonCategory = (typeof KEY_PERSON_CATEGORIES)[number];

export type DetailSpec = { label: Message; required?: boolean } & (
  | { type: "code"; table: string }
  | { type: "codes"; table: string }
  | { type: "date" }
  | { type: "text"; max: number }
  /** a phone number, kept encrypted with its masked form */
  | { type: "phone" }
);

/** Per category: its fields, and pairs of dates where the first may not fall before the second. */
export const CATEGORY_DETAILS: Readonly<
  Record<KeyPersonCategory, { fields: Record<string, DetailSpec>; notBefore?: [string, string][] }>
> = {
  "01": {
    fields: {
      releasedOn: { type: "date", required: true, label: { zh: "释放日期", en: "Released on" } },
      supportLevel: { type: "code", table: "support-level", label: { zh: "帮教类型", en: "Support level" } },
      crime: { type: "text", max: 200, label: { zh: "原罪名", en: "Offence" } },
      sentence: { type: "text", max: 100, label: { zh: "原判刑期", en: "Sentence" } },
      placedOn: { type: "date", label: { zh: "安置日期", en: "Resettled on" } },
    },
  },
  "02": {
    fields: {
      correctionType: {
        type: "code",
        table: "correction-type",
        required: true,
        label: { zh: "矫正类别", en: "Correction type" },
      },
      correctionStart: {
        type: "date",
        required: true,
        label: { zh: "矫正开始日期", en: "Correction start" },
      },
      correctionEnd: { type: "date", label: { zh: "矫正结束日期", en: "Correction end" } },
      intakeMode: { type: "code", table: "intake-mode", label: { zh: "接收方式", en: "Intake mode" } },
      fourHistories: {
        type: "codes",
        table: "four-histories",
        label: { zh: "四史情况", en: "Four histories" },
      },
      threeInvolvements: {
        type: "codes",
        table: "three-involvements",
        label: { zh: "三涉情况", en: "Three involvements" },
      },
      crime: { type: "text", max: 200, label: { zh: "罪名", en: "Offence" } },
    },
    notBefore: [["correctionEnd", "correctionStart"]],
  },
  "03": {
    fields: {
      riskGrade: {
        type: "code",
        table: "risk-grade",
        required: true,
        label: { zh: "目前危险性评估等级", en: "Risk grade" },
      },
      diagnosis: { type: "code", table: "diagnosis", label: { zh: "目前诊断类型", en: "Diagnosis" } },
      treatment: { type: "code", table: "treatment", label: { zh: "治疗情况", en: "Treatment" } },
      guardianName: { type: "text", max: 50, label: { zh: "监护人姓名", en: "Guardian" } },
      guardianPhone: { type: "phone", label: { zh: "监护人电话", en: "Guardian's phone" } },
      admissionReason: {
        type: "code",
        table: "admission-reason",
        label: { zh: "实施住院原因", en: "Reason for admission" },
      },
    },
  },
  "04": {
    fields: {
      controlStatus: {
        type: "code",
        table: "drug-control",
        required: true,
        label: { zh: "管控情况", en: "Control status" },
      },
      firstFoundOn: { type: "date", label: { zh: "初次发现日期", en: "First found on" } },
      drugs: { type: "text", max: 100, label: { zh: "滥用毒品种类", en: "Drugs used" } },
    },
  },
  "05": {
    fields: {
      riskNote: { type: "text", max: 500, label: { zh: "危险情况说明", en: "Risk note" } },
    },
  },
  "06": {
    fields: {
      youthType: {
        type: "code",
        table: "key-youth-type",
        required: true,
        label: { zh: "重点青少年类型", en: "Key youth type" },
      },
      guardianName: { type: "text", max: 50, label: { zh: "监护人姓名", en: "Guardian" } },
      guardianPhone: { type: "phone", label: { zh: "监护人电话", en: "Guardian's phone" } },
      school: { type: "text", max: 100, label: { zh: "就读学校", en: "School" } },
    },
  },
};

const problem = (field: string, code: string, zh: string, en: string): FieldProblem => ({
  field: `details.${field}`,
  code,
  message: { zh, en },
});

function checkValue(key: string, spec: DetailSpec, value: unknown): FieldProblem | undefined {
  const name = spec.label;
  switch (spec.type) {
    case "code":
      if (typeof value !== "string" || !isCode(spec.table, value))
        return problem(
          key,
          "UNKNOWN_CODE",
          `${name.zh}的代码“${String(value)}”不存在`,
          `${name.en}: no code “${String(value)}”`,
        );
      return;
    case "codes":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !isCode(spec.table, v)))
        return problem(
          key,
          "UNKNOWN_CODE",
          `${name.zh}含有不存在的代码`,
          `${name.en} has a code that does not exist`,
        );
      return;
    case "date":
      if (!isIsoDate(value))
        return problem(key, "DATE_FORMAT", `${name.zh}不是有效日期`, `${name.en} is not a valid date`);
      return;
    case "text":
      if (typeof value !== "string" || value.trim().length > spec.max)
        return problem(
          key,
          "TOO_LONG",
          `${name.zh}应为不超过 ${spec.max} 字的文字`,
          `${name.en} is text of at most ${spec.max} characters`,
        );
      return;
    case "phone":
      if (typeof value !== "string")
        return problem(key, "PHONE_FORMAT", `${name.zh}格式不正确`, `${name.en} is not a phone number`);
      return;
  }
}

/**
 * Checks incoming details for a category and merges them onto what is stored (null removes a field).
 * Unknown fields, bad codes and dates, missing required fields → problems naming `details.<field>`.
 * Phones are sealed: `{ enc, masked }` in storage.
 */
export function prepareDetails(
  keyring: Keyring,
  category: KeyPersonCategory,
  incoming: Record<string, unknown>,
  stored: Record<string, unknown> = {},
): { problems: FieldProblem[]; details: Record<string, unknown> } {
  const { fields, notBefore = [] } = CATEGORY_DETAILS[category];
  const unknown = Object.keys(incoming).filter((k) => !(k in fields));
  const problems: FieldProblem[] = unknown.map((k) =>
    problem(
      k,
      "UNKNOWN_FIELD",
      `“${codeLabel("special-population-type", category, "zh")}”没有字段：${unknown.join("、")}`,
      `Category ${category} has no field(s): ${unknown.join(", ")}`,
    ),
  );
  const details: Record<string, unknown> = { ...stored };
  for (const [key, spec] of Object.entries(fields)) {
    if (!(key in incoming)) continue;
    const value = incoming[key];
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
      delete details[key];
      continue;
    }
    const bad = checkValue(key, spec, value);
    if (bad) {
      problems.push(bad);
      continue;
    }
    if (spec.type === "phone") {
      try {
        const s = sealPhone(keyring, value as string, `details.${key}`);
        details[key] = { enc: s.enc, masked: s.masked };
      } catch {
        problems.push(
          problem(
            key,
            "PHONE_FORMAT",
            `${spec.label.zh}格式不正确`,
            `${spec.label.en} is not a phone number`,
          ),
        );
      }
    } else if (spec.type === "text") details[key] = (value as string).trim();
    else if (spec.type === "codes") details[key] = [...new Set(value as string[])].sort();
    else details[key] = value;
  }
  for (const [key, spec] of Object.entries(fields))
    if (spec.required && details[key] === undefined)
      problems.push(problem(key, "REQUIRED", `请填写${spec.label.zh}`, `${spec.label.en} is required`));
  for (const [later, earlier] of notBefore) {
    const a = details[later];
    const b = details[earlier];
    if (typeof a === "string" && typeof b === "string" && a < b)
      problems.push(
        problem(
          later,
          "END_BEFORE_START",
          `${fields[later]!.label.zh}不能早于${fields[earlier]!.label.zh}`,
          `${fields[later]!.label.en} cannot be before ${fields[earlier]!.label.en}`,
        ),
      );
  }
  return { problems, details };
}

/** Stored details as a response shows them: phones masked, nothing encrypted leaves. */
export function presentDetails(category: string, stored: unknown): Record<string, unknown> {
  const fields = CATEGORY_DETAILS[category as KeyPersonCategory]?.fields ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((stored as Record<string, unknown>) ?? {})) {
    if (fields[key]?.type === "phone") out[key] = (value as { masked?: string })?.masked ?? null;
    else out[key] = value;
  }
  return out;
}

/** The fields of every category, for the console's forms. */
export function detailFieldsView() {
  return KEY_PERSON_CATEGORIES.map((c) => ({
    category: c,
    label: {
      zh: codeLabel("special-population-type", c, "zh")!,
      en: codeLabel("special-population-type", c, "en")!,
    },
    fields: Object.entries(CATEGORY_DETAILS[c].fields).map(([name, s]) => ({
      name,
      type: s.type,
      label: s.label,
      required: s.required ?? false,
      table: "table" in s ? s.table : null,
    })),
  }));
}
