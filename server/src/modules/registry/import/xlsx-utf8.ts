/**
 * ExcelJS 4.4's streaming reader decodes each zip chunk to text on its own, so a Chinese character
 * whose UTF-8 bytes straddle two chunks becomes two "�" (exceljs issues #2063, #2316; fix proposed
 * in PRs #1665, #2081, not released). A file of a few thousand Chinese rows hits it. Until a release
 * fixes it, the reader's parts get text decoded across chunk boundaries: the entries' streams are set
 * to UTF-8 and the worksheet stream is decoded with a StringDecoder before the XML parser sees it.
 */
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";

type Proto = Record<string, (this: unknown, ...args: unknown[]) => unknown> & { __utf8Patched?: boolean };

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Patches ExcelJS's streaming WorkbookReader once per process (idempotent). */
export function fixExcelJsUtf8(): void {
  const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Proto;
  if (proto.__utf8Patched) return;
  for (const name of ["_parseRels", "_parseWorkbook", "_parseSharedStrings", "_parseStyles"]) {
    const original = proto[name];
    if (typeof original !== "function") continue;
    proto[name] = function (this: unknown, entry: unknown, ...rest: unknown[]) {
      (entry as { setEncoding?: (e: string) => void }).setEncoding?.("utf8");
      return original.call(this, entry, ...rest);
    };
  }
  const parseWorksheet = proto._parseWorksheet;
  if (typeof parseWorksheet === "function")
    proto._parseWorksheet = function (this: unknown, iterator: unknown, sheetNo: unknown) {
      return parseWorksheet.call(this, decoded(iterator as AsyncIterable<Buffer>), sheetNo);
    };
  proto.__utf8Patched = true;
}
