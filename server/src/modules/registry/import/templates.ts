/**
 * Downloadable import templates: an xlsx whose first sheet has the Chinese headers (notes on each,
 * text-formatted ID and phone columns, drop-down lists for short code lists) and whose second sheet
 * "说明" explains the rules and lists every allowed code; and a UTF-8 CSV with the header row.
 */
import ExcelJS from "exceljs";
import { codeTables } from "../codes/tables";
import type { Column, ImportKind } from "./columns";
import { csvRecord } from "../../../core/csv";
import { KIND_SPECS } from "./kinds";

const RULES = [
  "第一行为列名，请勿修改或删除；列的顺序可以调整，不需要的选填列可以删除。",
  "每行一条记录；空白单元格表示“不填”，再次导入时不会清除已登记的信息。",
  "日期写作 YYYY-MM-DD（如 2024-03-05），也可用 Excel 日期格式。",
  "代码列可填代码或名称（如 性别 填“男”或“1”），可填的值见本页下方的代码表。",
  "证件号码、电话号码列请保持“文本”格式，否则 Excel 会丢失末几位数字。",
  "导入前先逐行校验：任何一行有误，整个文件都不会导入，并列出每一行的问题（行号与 Excel 显示一致）。",
  "同一条记录再次导入时更新已有信息，不会重复登记；同一文件重复上传不会重复导入。",
  "所属区域：优先取“所属网格编码”，其次为经纬度所在区域（或已登记房屋的区域），最后为导入时选择的默认区域；须在您的管辖范围内。",
];

/** The allowed values of a coded column: its code table's entries or its own values. */
function allowed(c: Column): { code: string; zh: string }[] {
  if (c.values) return [...c.values];
  return c.table ? [...(codeTables[c.table]?.entries ?? [])] : [];
}

const TEXT_FORMAT = "@";

/** ExcelJS has range data validations at run time but not in its type declarations. */
type RangeValidations = { add(range: string, v: ExcelJS.DataValidation): void };
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
const TEMPLATE_ROWS = 5_000;

/** The xlsx template of a kind. */
export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const spec = KIND_SPECS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Pingan 平安";
  wb.title = `${spec.sheet}导入模板`;
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? 12,
    style: c.type === "number" || c.type === "date" || c.type === "bool" ? {} : { numFmt: TEXT_FORMAT },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: c.required ? "FFFCE4D6" : "FFDDEBF7" },
    };
    cell.note = `${c.required ? "【必填】" : ""}${c.note}\n英文键：${c.key}`;
    const values = allowed(c);
    if (c.type === "code" && values.length > 0 && values.length <= 12) {
      const list = `"${values.map((v) => v.zh).join(",")}"`;
      if (list.length <= 255) {
        const letter = ws.getColumn(i + 1).letter;
        validations(ws).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
          type: "list",
          allowBlank: true,
          formulae: [list],
          showErrorMessage: false,
        });
      }
    }
    if (c.type === "bool") {
      const letter = ws.getColumn(i + 1).letter;
      validations(ws).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
        type: "list",
        allowBlank: true,
        formulae: ['"是,否"'],
      });
    }
  });
  addInstructions(wb, spec.columns, spec.sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addInstructions(wb: ExcelJS.Workbook, columns: Column[], sheet: string) {
  const ws = wb.addWorksheet("说明");
  ws.columns = [{ width: 22 }, { width: 22 }, { width: 8 }, { width: 80 }];
  ws.addRow([`${sheet}导入说明`]).font = { bold: true, size: 14 };
  for (const [i, rule] of RULES.entries()) ws.addRow([`${i + 1}. ${rule}`]);
  ws.addRow([]);
  ws.addRow(["列名", "英文键（也可作列名）", "必填", "填写说明"]).font = { bold: true };
  for (const c of columns) ws.addRow([c.header, c.key, c.required ? "是" : "", c.note]);
  for (const c of columns) {
    const values = allowed(c);
    if (c.type !== "code" || values.length === 0) continue;
    ws.addRow([]);
    const source = c.table ? codeTables[c.table]?.source : undefined;
    ws.addRow([`“${c.header}”可填的值`, source ?? ""]).font = { bold: true };
    ws.addRow(["代码", "名称"]).font = { italic: true };
    for (const v of values) ws.addRow([v.code, v.zh]);
    const aliases = Object.keys(c.aliases ?? {});
    if (aliases.length) ws.addRow(["也接受", aliases.join("、")]);
  }
}

/** The CSV template of a kind: a UTF-8 byte-order mark (so Excel reads it as UTF-8) and the headers. */
export function templateCsv(kind: ImportKind): Buffer {
  const header = csvRecord(KIND_SPECS[kind].columns.map((c) => c.header));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(header, "utf8")]);
}
