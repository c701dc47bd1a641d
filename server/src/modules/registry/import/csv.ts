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

/**
 * The records of a CSV text, one array of fields each, in order (RFC 4180). A record is one
 * spreadsheet row even when a quoted field spans lines. A trailing empty line is not a record.
 */
export function* parseCsv(text: string, delimiter = detectDelimiter(text)): Generator<string[]> {
  const n = text.length;
  let i = 0;
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
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '"' && field === "") {
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
      yield record;
      record = [];
      field = "";
      started = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
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
  if (started || field !== "" || record.length > 0) {
    record.push(field);
    yield record;
  }
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
