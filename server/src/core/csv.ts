/**
 * CSV as spreadsheets in China write it: UTF-8 with or without a byte-order mark, or GB18030 (what
 * Excel saves as "CSV" on a Chinese Windows). Parsed by RFC 4180: quoted fields may hold commas,
 * line breaks and doubled quotes; records end with CRLF or LF.
 */

export type TextEncoding = "utf-8" | "gb18030" | "utf-16le";

/** Decodes CSV bytes: a BOM decides; else valid UTF-8 is UTF-8 and anything else is read as GB18030. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The field separator of a CSV text: a comma, unless its first line has tabs (or semicolons) and no commas. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/** One CSV record with the text line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The records of a CSV text with the line each starts on, in order (RFC 4180). A trailing empty line
 * is not a record. With `strict`, a quote left open at the end of the text throws a RangeError
 * naming the line it opened on; otherwise the field runs to the end.
 */
export function* csvRecords(
  text: string,
  delimiter = detectDelimiter(text),
  strict = false,
): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let started = false; // the record has at least one character (so "" + EOF is no record)
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // copy a run of ordinary characters at once
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      const run = text.slice(i, end);
      line += lineBreaks(run);
      field += run;
      i = end;
      continue;
    }
    if (c === '"' && field === "") {
      quoteLine = line;
      quoted = true;
      started = true;
      i++;
    } else if (c === delimiter) {
      record.push(field);
      field = "";
      started = true;
      i++;
    } else if (c === "\n" || c === "\r") {
      record.push(field);
      yield { line: recordLine, fields: record };
      record = [];
      field = "";
      started = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      recordLine = ++line;
    } else {
      // a run of ordinary characters (no quote, separator or line break)
      let j = i + 1;
      while (j < n) {
        const d = text[j]!;
        if (d === delimiter || d === "\n" || d === "\r" || d === '"') break;
        j++;
      }
      field += text.slice(i, j);
      started = true;
      i = j;
    }
  }
  if (quoted && strict) throw new RangeError(`Unterminated quoted field starting on line ${quoteLine}`);
  if (started || field !== "" || record.length > 0) {
    record.push(field);
    yield { line: recordLine, fields: record };
  }
}

/** Line breaks in a run of text (CRLF counts once). */
function lineBreaks(run: string): number {
  let k = 0;
  for (let j = 0; j < run.length; j++) if (run[j] === "\n" || (run[j] === "\r" && run[j + 1] !== "\n")) k++;
  return k;
}

/**
 * The records of a CSV text, one array of fields each, in order (RFC 4180). A record is one
 * spreadsheet row even when a quoted field spans lines. A trailing empty line is not a record.
 */
export function* parseCsv(text: string, delimiter = detectDelimiter(text)): Generator<string[]> {
  for (const r of csvRecords(text, delimiter)) yield r.fields;
}

/** Non-empty records of a CSV text (a leading BOM dropped), numbered by line; an open quote throws. */
export function strictCsvRecords(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return [...csvRecords(s, detectDelimiter(s), true)].filter(
    (r) => r.fields.length > 1 || r.fields[0] !== "",
  );
}

/** Writes one CSV record (RFC 4180 quoting: fields with a separator, quote or line break are quoted). */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return (
    fields
      .map((f) => {
        const s = f === null || f === undefined ? "" : String(f);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(",") + "\r\n"
  );
}
