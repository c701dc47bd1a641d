import type { Message } from "../../../core/errors";

/** The shape of a code table and the helper that builds one from rows; the tables are in tables*.ts. */
export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
}

export interface CodeTable {
  id: string;
  name: Message;
  source: string;
  entries: readonly CodeEntry[];
}

export type Row = readonly [code: string, zh: string, en: string];

export function table(id: string, name: Message, source: string, rows: readonly Row[]): CodeTable {
  return { id, name, source, entries: rows.map(([code, zh, en]) => ({ code, zh, en })) };
}

export const GBT31000 = "GB/T 31000-2015 practice (open-source governance systems)";
export const PRODUCT = "Pingan (this product)";
