import type { ChangeView } from "../../../api/registry-types";
import type { Lang } from "../../../i18n/translate";
import { codeText, type CodeTableId } from "./codes";

/** A value of a history row made readable. */
export type HistoryValue =
  | { kind: "empty" }
  /** a sensitive value that changed; history keeps only that it did */
  | { kind: "sealed" }
  /** a link to another record (an id), not meaningful to read */
  | { kind: "link" }
  | { kind: "text"; text: string };

/** One changed field of a history row. */
export interface ChangeLine {
  field: string;
  before: HistoryValue;
  after: HistoryValue;
}

/** Fields history keeps that a person does not need to read (bookkeeping and location paths). */
const HIDDEN = new Set([
  "id",
  "areaPath",
  "areaId",
  "version",
  "updatedAt",
  "createdAt",
  "createdBy",
  "importId",
]);

/** Coded fields of registry records and the code table that labels them. */
const CODED: Record<string, CodeTableId> = {
  sex: "sex",
  ethnicity: "ethnicity",
  maritalStatus: "marital-status",
  education: "education",
  politicalStatus: "political-status",
  residentType: "resident-type",
  relation: "household-relation",
  deregisteredReason: "deregistration-reason",
  use: "house-use",
  colour: "colour-rating",
  attentionLevel: "attention-level",
  category: "special-population-type",
  docType: "document-type",
  permitType: "permit-type",
  outcome: "care-plan-outcome",
  method: "visit-method",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HistoryWords {
  lang: Lang;
  yes: string;
  no: string;
  /** The label of a nested field (e.g. the floating registration's `reason`). */
  label: (field: string) => string;
  /** The label of a record status (active, deregistered…). */
  status?: (code: string) => string;
}

/** How a stored history value of `field` reads: codes by their label, ids as links, objects as "label: value" pairs. */
export function historyValue(field: string, v: unknown, words: HistoryWords): HistoryValue {
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "object" && !Array.isArray(v) && (v as Record<string, unknown>).changed === true)
    return { kind: "sealed" };
  if (typeof v === "boolean") return { kind: "text", text: v ? words.yes : words.no };
  if (typeof v === "string" && UUID.test(v)) return { kind: "link" };
  if (typeof v === "string" && field === "status" && words.status)
    return { kind: "text", text: words.status(v) };
  if (typeof v === "string" && CODED[field])
    return { kind: "text", text: codeText(CODED[field], v, words.lang) ?? v };
  if (Array.isArray(v))
    return v.length ? { kind: "text", text: v.map(String).join("、") } : { kind: "empty" };
  if (typeof v === "object") {
    const zh = words.lang === "zh-CN";
    const parts = Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => [k, historyValue(k, x, words)] as const)
      .filter(([, x]) => x.kind === "text")
      .map(([k, x]) => `${words.label(k)}${zh ? "：" : ": "}${(x as { text: string }).text}`);
    return parts.length ? { kind: "text", text: parts.join(zh ? "；" : "; ") } : { kind: "empty" };
  }
  return { kind: "text", text: String(v) };
}

/**
 * The changed fields of a history row, before and after, bookkeeping left out; for a creation (no
 * before) only the fields that were filled in.
 */
export function changeLines(change: Pick<ChangeView, "before" | "after">, words: HistoryWords): ChangeLine[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN.has(f));
  const lines = fields.map((field) => ({
    field,
    before: historyValue(field, before[field], words),
    after: historyValue(field, after[field], words),
  }));
  return change.before ? lines : lines.filter((l) => l.after.kind !== "empty");
}

/** History rows newest first (the server sends them oldest first). */
export function newestFirst<T extends { id: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.id - a.id);
}
