/** Builds import files for tests and benchmarks: xlsx or CSV from header names and rows. */
import ExcelJS from "exceljs";
import { creditCodeCheckChar, orgCodeCheckChar } from "../codes/credit-code";
import { residentIdCheckDigit } from "../codes/id-documents";
import { csvRecord } from "../../../core/csv";

export type Cell = string | number | Date | null | undefined;

/** An xlsx workbook (one sheet) with these headers and rows. */
export async function xlsxFile(headers: string[], rows: Cell[][], sheet = "人员"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same as CSV text (UTF-8, no BOM). */
export function csvText(headers: string[], rows: Cell[][]): string {
  return [headers, ...rows]
    .map((r) => csvRecord(r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c))))
    .join("");
}

/** A valid 18-digit resident ID: region, birth date YYYYMMDD, a 3-digit sequence (odd: male). */
export function residentId(region: string, birth: string, seq: number): string {
  const body = `${region}${birth}${String(seq).padStart(3, "0")}`;
  return body + residentIdCheckDigit(body);
}

/** A valid unified social credit code of an enterprise (91) registered in `region`. */
export function creditCode(seq: number, region = "330212"): string {
  const org = `MA${String(seq).padStart(6, "0")}`;
  const body = `91${region}${org}${orgCodeCheckChar(org)}`;
  return body + creditCodeCheckChar(body);
}
