/**
 * Code tables the registry pages label with, in both languages: the registry's own definitions
 * (server/src/modules/registry/codes/tables.ts: GB/T 2261.1, GB/T 4761, GB/T 31000…, the same data
 * `/api/registry/codes` serves), bundled into the console, plus a few tables only the console labels.
 */
import { codeTables } from "../../../../../server/src/modules/registry/codes/tables";
import type { Lang } from "../../../i18n/translate";

type Row = readonly [code: string, zh: string, en: string];

/** Tables only the console labels with (the server keeps these as constants of their own modules). */
const LOCAL = {
  // the registry's own document-type ids (resident_id…), not the GA/T 517 codes of the national table
  "document-type": [
    ["resident_id", "居民身份证", "Resident identity card"],
    ["hkmo_permit", "港澳居民居住证", "Residence permit for Hong Kong and Macao residents"],
    ["tw_permit", "台湾居民居住证", "Residence permit for Taiwan residents"],
    ["foreign_pr", "外国人永久居留身份证", "Foreign permanent resident ID card"],
    ["passport", "护照", "Passport"],
    ["other", "其他证件", "Other document"],
  ],
  "care-plan-kind": [
    ["employment", "就业帮扶", "Employment"],
    ["treatment", "治疗康复", "Treatment"],
    ["family_support", "家庭支持", "Family support"],
    ["education", "教育帮扶", "Education"],
    ["other", "其他", "Other"],
  ],
  "care-plan-outcome": [
    ["achieved", "已达成", "Achieved"],
    ["partly", "部分达成", "Partly achieved"],
    ["not_achieved", "未达成", "Not achieved"],
  ],
  "helper-role": [
    ["grid_worker", "网格员", "Grid worker"],
    ["police", "社区民警", "Community police"],
    ["official", "村（社区）干部", "Community official"],
    ["judicial", "司法所工作人员", "Judicial office"],
    ["doctor", "精防医生", "Mental-health doctor"],
    ["social_worker", "社工", "Social worker"],
    ["family", "家属/监护人", "Family or guardian"],
    ["volunteer", "志愿者", "Volunteer"],
    ["other", "其他", "Other"],
  ],
  "visit-method": [
    ["in_person", "入户走访", "Home visit"],
    ["phone", "电话联系", "Phone call"],
    ["video", "视频联系", "Video call"],
    ["joint", "联合走访", "Joint visit"],
    ["other", "其他", "Other"],
  ],
} as const satisfies Record<string, readonly Row[]>;

/** The national and product code tables the console uses, served from the registry's own definitions. */
export const SERVER_TABLE_IDS = [
  "ethnicity",
  "sex",
  "household-relation",
  "resident-type",
  "attention-level",
  "special-population-type",
  "place-type",
  "thing-type",
  "house-use",
  "colour-rating",
  "deregistration-reason",
  "marital-status",
  "education",
  "political-status",
  "permit-type",
  "migration-reason",
  "risk-grade",
  "diagnosis",
  "treatment",
  "correction-type",
  "support-level",
  "drug-control",
  "key-youth-type",
  "termination-type",
  "admission-reason",
  "intake-mode",
  "four-histories",
  "three-involvements",
] as const;

const TABLES: Record<string, readonly Row[]> = {
  ...Object.fromEntries(
    SERVER_TABLE_IDS.map((id) => [
      id,
      (codeTables[id]?.entries ?? []).map((e) => [e.code, e.zh, e.en] as const),
    ]),
  ),
  ...LOCAL,
};

/** The id of a code table the console knows. */
export type CodeTableId = (typeof SERVER_TABLE_IDS)[number] | keyof typeof LOCAL;

const index = new Map<string, Map<string, Row>>(
  Object.entries(TABLES).map(([id, rows]) => [id, new Map(rows.map((r) => [r[0], r]))]),
);

/** The label of a code in the UI language; an unknown code is shown as it is, null as null. */
export function codeText(table: CodeTableId, code: string | null | undefined, lang: Lang): string | null {
  if (code === null || code === undefined || code === "") return null;
  const row = index.get(table)?.get(code);
  if (!row) return code;
  return lang === "zh-CN" ? row[1] : row[2];
}

/** Select options of a table in the UI language, in the table's order. */
export function codeOptions(
  table: CodeTableId,
  lang: Lang,
  only?: readonly string[],
): { value: string; label: string }[] {
  return TABLES[table]
    .filter((r) => !only || only.includes(r[0]))
    .map((r) => ({ value: r[0], label: lang === "zh-CN" ? r[1] : r[2] }));
}

/** The codes of a table, in order. */
export function codes(table: CodeTableId): string[] {
  return TABLES[table].map((r) => r[0]);
}

/** Short Chinese names of the key-person categories (GB/T 31000), for tight places such as matrix headers. */
export const CATEGORY_SHORT: Record<string, { zh: string; en: string }> = {
  "01": { zh: "刑满释放", en: "Released prisoner" },
  "02": { zh: "社区矫正", en: "Community corrections" },
  "03": { zh: "严重精神障碍", en: "Severe mental disorder" },
  "04": { zh: "吸毒", en: "Drug user" },
  "05": { zh: "艾滋病危险", en: "HIV risk" },
  "06": { zh: "重点青少年", en: "Key youth" },
};

/** A key-person category's short label in the UI language. */
export function categoryText(code: string, lang: Lang): string {
  const short = CATEGORY_SHORT[code];
  if (!short) return codeText("special-population-type", code, lang) ?? code;
  return lang === "zh-CN" ? short.zh : short.en;
}
