import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { REPO_ROOT } from "./server-process";

/** Where the real public data lives: PINGAN_SHARED_DATA, default ../shared/data beside the repository. */
export const SHARED_DATA = process.env.PINGAN_SHARED_DATA || path.resolve(REPO_ROOT, "../shared/data");

/** The path of a shared data file, or undefined (and a message) when it is absent. */
export function sharedFile(rel: string): string | undefined {
  const file = path.join(SHARED_DATA, rel);
  if (fs.existsSync(file)) return file;
  console.warn(`Skipping: real data ${file} is absent (set PINGAN_SHARED_DATA)`);
  return undefined;
}

/** Parses a CSV with quoted fields into objects keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (field || row.length) endRow();
  const [header, ...body] = rows;
  return body
    .filter((r) => r.length === header!.length)
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

export const readGzipCsv = (file: string) =>
  parseCsv(zlib.gunzipSync(fs.readFileSync(file)).toString("utf8"));
