/**
 * Reads an import file row by row without holding its rows in memory: xlsx through ExcelJS's
 * streaming reader, CSV through the RFC 4180 parser. Finds the header row (the first of the first
 * ten rows that names the kind's columns), maps Chinese headers or English keys to columns and
 * yields the data rows with their row numbers as the spreadsheet shows them.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Message } from "../../../core/errors";
import { cellText, type RawCell } from "./cells";
import { headerIndex, normalizeHeader, type Column, type RowProblem } from "./columns";
import { decodeCsv, parseCsv } from "../../../core/csv";
import { fixExcelJsUtf8 } from "./xlsx-utf8";

fixExcelJsUtf8();

export type FileFormat = "xlsx" | "csv";

/** The bytes of an import file (uploaded) or its path on disk (the CLI). */
export type FileSource = { bytes: Buffer } | { path: string };

const ZIP = Buffer.from("504b0304", "hex");
const OLE = Buffer.from("d0cf11e0a1b11ae1", "hex");

/** xlsx when the bytes are a zip, csv when they are text; an old binary .xls or anything else → a message. */
export function sniffFormat(head: Buffer): FileFormat | { problem: Message } {
  if (head.subarray(0, 4).equals(ZIP)) return "xlsx";
  if (head.subarray(0, 8).equals(OLE))
    return {
      problem: {
        zh: "不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
        en: "Old .xls files are not supported: save the file as .xlsx or CSV in Excel and import that",
      },
    };
  // text has no NUL bytes (UTF-16 with its BOM aside)
  const bom16 = head[0] === 0xff && head[1] === 0xfe;
  if (!bom16 && head.subarray(0, 4096).includes(0))
    return {
      problem: {
        zh: "文件既不是 Excel（.xlsx）也不是 CSV",
        en: "The file is neither an Excel workbook (.xlsx) nor CSV",
      },
    };
  return "csv";
}

/** Reads the first bytes of a source, to tell its format. */
export async function headOf(source: FileSource): Promise<Buffer> {
  if ("bytes" in source) return source.bytes.subarray(0, 4096);
  const fh = await fs.promises.open(source.path, "r");
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, 4096, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

interface RawRow {
  sheet: number;
  row: number;
  cells: RawCell[];
}

async function* xlsxRows(source: FileSource): AsyncGenerator<RawRow> {
  const input = "bytes" in source ? Readable.from([source.bytes]) : source.path;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache", // needed to tell date cells from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  let sheet = 0;
  for await (const ws of reader) {
    sheet++;
    for await (const row of ws) {
      const values = row.values as RawCell[];
      yield { sheet, row: row.number, cells: Array.isArray(values) ? values.slice(1) : [] };
    }
  }
}

async function* csvRows(source: FileSource): AsyncGenerator<RawRow> {
  const bytes = "bytes" in source ? source.bytes : await fs.promises.readFile(source.path);
  const { text } = decodeCsv(bytes);
  let row = 0;
  for (const record of parseCsv(text)) yield { sheet: 1, row: ++row, cells: record };
}

/** One data row: its number and the raw cell of each mapped column (by column key). */
export interface DataRow {
  row: number;
  cells: Map<string, RawCell>;
}

/** What the header row said: where it is, the columns found, what was ignored or wrong. */
export interface HeaderInfo {
  row: number;
  columns: Column[];
  ignored: string[];
  problems: RowProblem[];
}

const HEADER_SEARCH_ROWS = 10;

function matchHeader(cells: RawCell[], index: Map<string, Column>) {
  return cells.map((c) => index.get(normalizeHeader(cellText(c))));
}

/**
 * The rows of a file for a kind's columns. Calls `onHeader` once the header is found (or with a
 * problem when none is), then yields each non-empty data row of that sheet, in order.
 */
export async function* readRows(
  source: FileSource,
  format: FileFormat,
  columns: readonly Column[],
  onHeader: (h: HeaderInfo) => void,
): AsyncGenerator<DataRow> {
  const index = headerIndex(columns);
  const rows = format === "xlsx" ? xlsxRows(source) : csvRows(source);
  let header: { sheet: number; map: (Column | undefined)[] } | undefined;
  let seen = 0;
  let sheetSeen = 0;
  let currentSheet = 0;
  for await (const r of rows) {
    if (r.sheet !== currentSheet) {
      if (header) return; // the data sheet ended: later sheets (说明) are not data
      currentSheet = r.sheet;
      sheetSeen = 0;
    }
    const empty = r.cells.every((c) => cellText(c) === "");
    if (empty) continue;
    if (!header) {
      if (++sheetSeen > HEADER_SEARCH_ROWS) continue;
      seen++;
      const map = matchHeader(r.cells, index);
      const found = map.filter((c): c is Column => c !== undefined);
      if (found.length < 2 && !(columns.length === 1 && found.length === 1)) continue;
      header = { sheet: r.sheet, map };
      onHeader(describeHeader(r.row, r.cells, map, columns));
      continue;
    }
    const cells = new Map<string, RawCell>();
    header.map.forEach((c, i) => {
      if (c && r.cells[i] !== undefined && r.cells[i] !== null) cells.set(c.key, r.cells[i]);
    });
    if (cells.size === 0) continue; // only ignored columns filled in
    yield { row: r.row, cells };
  }
  if (!header)
    onHeader({
      row: 1,
      columns: [],
      ignored: [],
      problems: [
        {
          row: 1,
          field: "header",
          code: seen === 0 ? "FILE_EMPTY" : "HEADER_NOT_FOUND",
          message:
            seen === 0
              ? { zh: "文件中没有数据", en: "The file has no rows" }
              : {
                  zh: "找不到表头行：请使用下载的模板，第一行为列名（如“姓名”“证件号码”）",
                  en: "No header row found: use the downloaded template, whose first row names the columns",
                },
        },
      ],
    });
}

function describeHeader(
  row: number,
  cells: RawCell[],
  map: (Column | undefined)[],
  columns: readonly Column[],
): HeaderInfo {
  const problems: RowProblem[] = [];
  const ignored: string[] = [];
  const found = new Set<string>();
  map.forEach((c, i) => {
    const text = cellText(cells[i]);
    if (!c) {
      if (text) ignored.push(text);
      return;
    }
    if (found.has(c.key))
      problems.push({
        row,
        field: c.key,
        column: c.header,
        code: "COLUMN_DUPLICATE",
        message: { zh: `“${c.header}”列出现了两次`, en: `The column ${c.header} (${c.key}) appears twice` },
      });
    found.add(c.key);
  });
  for (const c of columns.filter((c) => c.required && !found.has(c.key)))
    problems.push({
      row,
      field: c.key,
      column: c.header,
      code: "COLUMN_MISSING",
      message: { zh: `缺少必填列“${c.header}”`, en: `The required column ${c.header} (${c.key}) is missing` },
    });
  return { row, columns: columns.filter((c) => found.has(c.key)), ignored, problems };
}
