/**
 * The columns of an import template: Chinese header, English key (the field path of the contract's
 * input, e.g. "floating.reason"), type and, for coded columns, the code table whose codes or
 * Chinese labels the cell may hold.
 */
import type { Message } from "../../../core/errors";
import type { FieldProblem } from "../registry.errors";

export type ImportKind = "persons" | "places" | "houses";
export const IMPORT_KINDS: readonly ImportKind[] = ["persons", "places", "houses"];

export type ColumnType = "text" | "id" | "phone" | "date" | "number" | "bool" | "code" | "list";

export interface Column {
  /** English key, accepted as a header too; dotted keys build nested input ("floating.reason"). */
  key: string;
  /** The Chinese header of the template. */
  header: string;
  type: ColumnType;
  required?: boolean;
  /** For "code": the code table (codes/tables.ts) whose codes or labels are accepted. */
  table?: string;
  /** For "code": more spellings people write, e.g. 男 → 1, 户主 → 02. */
  aliases?: Record<string, string>;
  /** For "code" columns whose values are not a code table: the values and labels allowed. */
  values?: readonly { code: string; zh: string }[];
  /** How to fill it in, shown on the template's 说明 sheet. */
  note: string;
  width?: number;
}

/** One problem of one row as an import reports it: the row number as the spreadsheet shows it. */
export interface RowProblem extends FieldProblem {
  row: number;
  /** The column's Chinese header, when the problem is about one column. */
  column?: string;
}

/** Header text as typed: trimmed, full-width made ASCII, required-markers and hints dropped. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .replace(/^\*+|\*+$/g, "")
    .replace(/\((必填|选填|可选|required|optional)\)$/i, "")
    .toLowerCase();
}

/** Header text → column, for the Chinese headers and the English keys of a kind's columns. */
export function headerIndex(columns: readonly Column[]): Map<string, Column> {
  const map = new Map<string, Column>();
  for (const c of columns) {
    map.set(normalizeHeader(c.header), c);
    map.set(normalizeHeader(c.key), c);
  }
  return map;
}

/** What a template of a kind is called. */
export const KIND_TITLE: Record<ImportKind, Message> = {
  persons: { zh: "人员", en: "persons" },
  places: { zh: "场所", en: "places" },
  houses: { zh: "房屋", en: "houses" },
};

/** Sets `value` at a dotted path of `target` ("floating.reason" → target.floating.reason). */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let at = target;
  for (const p of parts.slice(0, -1)) {
    at[p] ??= {};
    at = at[p] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
}

/** A problem about one cell, with the column named in both languages. */
export function cellProblem(row: number, column: Column, code: string, zh: string, en: string): RowProblem {
  return { row, field: column.key, column: column.header, code, message: { zh, en } };
}
