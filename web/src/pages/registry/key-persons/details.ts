import type { KeyPersonCategories } from "../../../api/registry-types";
import type { Lang } from "../../../i18n/translate";
import { codeText, type CodeTableId } from "../shared/codes";

export interface DetailLine {
  name: string;
  label: string;
  value: string;
}

type Field = KeyPersonCategories["categories"][number]["fields"][number];

const isTable = (t: string | null): t is CodeTableId => t !== null;

/** One detail value made readable: codes by their label, lists joined, booleans in words. */
export function detailValue(
  value: unknown,
  field: Pick<Field, "type" | "table"> | undefined,
  lang: Lang,
): string {
  if (value === null || value === undefined || value === "") return "—";
  const label = (code: string) =>
    field && isTable(field.table) ? (codeText(field.table, code, lang) ?? code) : code;
  if (Array.isArray(value)) return value.length ? value.map((v) => label(String(v))).join("、") : "—";
  if (typeof value === "boolean") return lang === "zh-CN" ? (value ? "是" : "否") : value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  if (field?.type === "code") return label(String(value));
  return String(value);
}

/**
 * A key person's category details as lines to show: the category's fields in their order with the
 * server's labels (empty ones included, so a worker sees what is missing), then any stored field the
 * category does not describe.
 */
export function detailLines(
  category: string,
  details: Record<string, unknown>,
  catalogue: KeyPersonCategories | undefined,
  lang: Lang,
): DetailLine[] {
  const fields = catalogue?.categories.find((c) => c.category === category)?.fields ?? [];
  const text = (l: { zh: string; en: string }) => (lang === "zh-CN" ? l.zh : l.en);
  const lines: DetailLine[] = fields.map((f) => ({
    name: f.name,
    label: text(f.label),
    value: detailValue(details[f.name], f, lang),
  }));
  for (const [name, value] of Object.entries(details))
    if (!fields.some((f) => f.name === name))
      lines.push({ name, label: name, value: detailValue(value, undefined, lang) });
  return lines;
}
