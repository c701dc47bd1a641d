/**
 * Spreadsheet cells → the typed values the registry's input contracts take. Lenient where people
 * are (男 for 1, 2024/3/5 for 2024-03-05, 是/否 for yes/no), strict where data would be lost (an
 * 18-digit ID number that Excel stored as a number has already lost its last digits).
 */
import { codeTables } from "../codes/tables";
import { cellProblem, type Column, type RowProblem } from "./columns";

/** A cell as the readers give it: text from CSV; text, number, Date, boolean or an object from xlsx. */
export type RawCell = unknown;

/** The text of an xlsx cell value: rich text joined, a formula's result, a hyperlink's text. */
export function cellText(v: RawCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return o.richText
        .map((r: { text?: string }) => r.text ?? "")
        .join("")
        .trim();
    if ("result" in o) return cellText(o.result);
    if ("text" in o) return cellText(o.text);
    if ("error" in o) return String(o.error);
  }
  return String(v).trim();
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** An Excel serial day number (1900 date system) as YYYY-MM-DD. */
function fromSerial(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000); // 25569 = 1970-01-01
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A date cell as YYYY-MM-DD when it reads as one (Date, Excel serial, 20240305, 2024/3/5, 2024.3.5,
 * 2024年3月5日); otherwise the text unchanged, for the contract to report.
 */
export function dateText(v: RawCell): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    // ExcelJS gives dates as UTC wall times; round to the minute so float drift (23:59:59.999) is undone
    return new Date(Math.round(v.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
  }
  // a number below 2,958,466 (9999-12-31) in a date column is Excel's day count; 20240305 is not
  if (typeof v === "number" && v > 0 && v < 2_958_466) return fromSerial(v);
  const t = cellText(v);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "有"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "无", "不是"]);

export interface Converted {
  /** undefined: the cell is empty (or could not be read: then there is a problem). */
  value: unknown;
  problem?: RowProblem;
}

/** Label → code for a coded column: its table's codes and labels, its extra values and aliases. */
export function codeLookup(column: Column): Map<string, string> {
  const map = new Map<string, string>();
  const entries = [
    ...(column.table ? (codeTables[column.table]?.entries ?? []) : []),
    ...(column.values ?? []),
  ];
  for (const e of entries) {
    map.set(e.code.toLowerCase(), e.code);
    map.set(e.zh.toLowerCase(), e.code);
    if ("en" in e && typeof e.en === "string") map.set(e.en.toLowerCase(), e.code);
  }
  for (const [alias, code] of Object.entries(column.aliases ?? {})) map.set(alias.toLowerCase(), code);
  return map;
}

const lookups = new WeakMap<Column, Map<string, string>>();

/** Converts one cell for its column; an empty cell gives `undefined` (the field is not given). */
export function convertCell(column: Column, raw: RawCell, row: number): Converted {
  const text = column.type === "date" ? dateText(raw) : cellText(raw);
  if (text === "") return { value: undefined };
  switch (column.type) {
    case "text":
    case "date":
      return { value: text };
    case "phone":
      return { value: text.replace(/\.0$/, "") };
    case "id":
      // 18 digits do not fit a double: Excel keeps 15 significant digits and the rest are gone
      if (typeof raw === "number" && Math.abs(raw) >= 1e15)
        return {
          value: undefined,
          problem: cellProblem(
            row,
            column,
            "ID_STORED_AS_NUMBER",
            `${column.header}被 Excel 存成了数字，末几位已丢失：请将该列设为“文本”格式后重新填写`,
            `Excel stored the ${column.key} as a number and lost its last digits: format the column as text and enter it again`,
          ),
        };
      return { value: text };
    case "number": {
      const n = typeof raw === "number" ? raw : Number(text.replace(/,/g, ""));
      if (!Number.isFinite(n))
        return {
          value: undefined,
          problem: cellProblem(
            row,
            column,
            "NUMBER_INVALID",
            `${column.header}应为数字，而不是“${text}”`,
            `The ${column.key} must be a number, not “${text}”`,
          ),
        };
      return { value: n };
    }
    case "bool": {
      const t = text.toLowerCase();
      if (YES.has(t)) return { value: true };
      if (NO.has(t)) return { value: false };
      return {
        value: undefined,
        problem: cellProblem(
          row,
          column,
          "BOOLEAN_INVALID",
          `${column.header}应填“是”或“否”，而不是“${text}”`,
          `The ${column.key} must be 是 (yes) or 否 (no), not “${text}”`,
        ),
      };
    }
    case "list":
      return {
        value: text
          .split(/[、,，;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case "code": {
      let map = lookups.get(column);
      if (!map) lookups.set(column, (map = codeLookup(column)));
      const code = map.get(text.toLowerCase());
      if (code !== undefined) return { value: code };
      return {
        value: undefined,
        problem: cellProblem(
          row,
          column,
          "CODE_UNKNOWN",
          `${column.header}“${text}”不在代码表中（可填代码或名称，见“说明”页）`,
          `“${text}” is not a code of the ${column.key} table (a code or its name; see the 说明 sheet)`,
        ),
      };
    }
  }
}
