/**
 * Administrative division codes (GB/T 2260): six digits, province (2) + prefecture (2) + county (2).
 *
 * Without the full list at hand a code can only be checked for plausibility: six digits under a
 * real province. The full list (about 3,000 county-level codes, revised every year) is not kept in
 * the repository; an administrator imports it with `loadDivisionsCsv`.
 */
import { csvRecords } from "../../../core/csv";
import { invalid } from "../../../core/errors";

/**
 * The two-digit province-level codes of GB/T 2260: 11–15 north, 21–23 north-east, 31–37 east,
 * 41–46 south-central, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
 * 83 is not a GB/T 2260 province: it is the prefix of Taiwan residents' residence permits
 * (830000), accepted here because those numbers share the resident ID's structure.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...["11", "12", "13", "14", "15"],
  ...["21", "22", "23"],
  ...["31", "32", "33", "34", "35", "36", "37"],
  ...["41", "42", "43", "44", "45", "46"],
  ...["50", "51", "52", "53", "54"],
  ...["61", "62", "63", "64", "65"],
  ...["71", "81", "82", "83"],
]);

/** The mainland provinces only (no 71, 81, 82, 83): where mainland authorities issue documents. */
export const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [...PROVINCE_CODES].filter((c) => !["71", "81", "82", "83"].includes(c)),
);

/** Six digits under a real province ("330212" yes, "990101" and "33021" no). */
export function isPlausibleDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2));
}

/**
 * Reads a public division list as CSV with a header naming at least `code` and `name` columns
 * (other columns, such as `cityCode`, `provinceCode`, are ignored), e.g.
 *
 *     code,name,cityCode,provinceCode
 *     110101,"东城区",1101,11
 *
 * and returns code → name. Province (2-digit) and prefecture (4-digit) codes are padded with zeros to
 * the six digits of GB/T 2260 ("11" → "110000", "1101" → "110100"); six-digit codes are kept, and so
 * are nine-digit township codes (GB/T 10114) if a street list is loaded. A BOM, CRLF line ends and
 * quoted fields (with "" for a quote) are accepted. A malformed line is refused with its line number
 * (VALIDATION_FAILED on field "file"), so that nothing is half-imported.
 */
export function loadDivisionsCsv(text: string): Map<string, string> {
  const rows = [...csvRecords(text.replace(/^\uFEFF/, ""), ",")];
  const header = rows.shift()?.fields;
  if (!header) throw invalid("file", "行政区划文件为空", "The division list is empty");
  const names = header.map((h) => h.trim().toLowerCase());
  const codeCol = names.indexOf("code");
  const nameCol = names.indexOf("name");
  if (codeCol < 0 || nameCol < 0) {
    throw invalid(
      "file",
      "行政区划文件缺少 code 或 name 列",
      "The division list has no “code” or “name” column",
    );
  }
  const divisions = new Map<string, string>();
  rows.forEach(({ line, fields: row }) => {
    if (row.length === 1 && row[0]?.trim() === "") return; // blank line
    const rawCode = (row[codeCol] ?? "").trim();
    const name = (row[nameCol] ?? "").trim();
    const code = padDivisionCode(rawCode);
    if (!code || !PROVINCE_CODES.has(code.slice(0, 2))) {
      throw invalid(
        "file",
        `行政区划文件第 ${line} 行的代码“${rawCode}”无效`,
        `Line ${line} of the division list has an invalid code “${rawCode}”`,
      );
    }
    if (!name) {
      throw invalid(
        "file",
        `行政区划文件第 ${line} 行缺少名称`,
        `Line ${line} of the division list has no name`,
      );
    }
    divisions.set(code, name);
  });
  return divisions;
}

function padDivisionCode(code: string): string | undefined {
  if (/^\d{2}$/.test(code)) return `${code}0000`;
  if (/^\d{4}$/.test(code)) return `${code}00`;
  if (/^\d{6}$/.test(code) || /^\d{9}$/.test(code)) return code;
  return undefined;
}
