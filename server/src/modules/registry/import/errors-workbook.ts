/**
 * The bad rows of an invalid import as a workbook: the template's columns with the row's cells as
 * uploaded, then 原行号 and 错误 (every problem of the row). The two extra columns are ignored on
 * import, so the sheet can be corrected and uploaded again.
 */
import ExcelJS from "exceljs";
import type { Services } from "../../../core/context";
import { cellText, dateText } from "./cells";
import type { ImportKind } from "./columns";
import type { ImportWithArea } from "./import.repo";
import { KIND_SPECS } from "./kinds";
import { readRows, sniffFormat } from "./read-rows";
import type { ImportErrors } from "./read-imports";
import { openImportFile } from "./store-file";

/** The xlsx of an import's bad rows (those whose problems are stored: the first 1,000 problems). */
export async function errorsWorkbook(services: Services, imp: ImportWithArea): Promise<Buffer> {
  const spec = KIND_SPECS[imp.kind as ImportKind];
  const errors = (imp.errors ?? { total: 0, items: [] }) as ImportErrors;
  const byRow = new Map<number, string[]>();
  for (const p of errors.items) {
    const text = `${p.column ? `【${p.column}】` : ""}${p.message.zh}`;
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), text]);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Pingan 平安";
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    ...spec.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? 12,
      style: { numFmt: "@" },
    })),
    { header: "原行号", key: "__row", width: 8 },
    { header: "错误", key: "__errors", width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  const bytes = await openImportFile(services, imp.fileId!);
  const format = sniffFormat(bytes.subarray(0, 4096));
  const written = new Set<number>();
  if (typeof format === "string")
    for await (const r of readRows({ bytes }, format, spec.columns, () => {})) {
      const problems = byRow.get(r.row);
      if (!problems) continue;
      const values: Record<string, unknown> = { __row: r.row, __errors: problems.join("；") };
      for (const c of spec.columns) {
        const raw = r.cells.get(c.key);
        if (raw !== undefined) values[c.key] = c.type === "date" ? dateText(raw) : cellText(raw);
      }
      const row = ws.addRow(values);
      row.getCell("__errors").font = { color: { argb: "FFC00000" } };
      written.add(r.row);
    }
  // problems of the file rather than of a data row (e.g. a missing column in the header)
  for (const [row, problems] of byRow)
    if (!written.has(row)) ws.addRow({ __row: row, __errors: problems.join("；") });
  if (errors.total > errors.items.length)
    ws.addRow({
      __errors: `仅列出前 ${errors.items.length} 个问题（共 ${errors.total} 个）：改正后重新上传可看到其余问题`,
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
