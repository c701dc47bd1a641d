import ExcelJS from "exceljs";

/** The text a response shows a reader: JSON/HTML as is; a spreadsheet's cells, sheet by sheet. */
export async function readableText(body: Buffer, contentType: string | undefined): Promise<string> {
  if (contentType?.includes("spreadsheetml") || (body[0] === 0x50 && body[1] === 0x4b)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      return body.toString("latin1");
    }
    const cells: string[] = [];
    wb.eachSheet((ws) => {
      cells.push(ws.name);
      ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? c.value ?? ""))));
    });
    return cells.join("\n");
  }
  return body.toString("utf8");
}

/** The terms that occur in the text (exact, case-sensitive; JSON escapes of non-ASCII undone). */
export function found(text: string, terms: readonly string[]): string[] {
  const plain = text.includes("\\u") ? text + unescapeJson(text) : text;
  return terms.filter((t) => t.length > 0 && plain.includes(t));
}

function unescapeJson(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}
