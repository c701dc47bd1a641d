import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, newlines inside quotes, CRLF, a BOM; numbers records by line", () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\r\n\r\n2,"two\nlines",\n4,,';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", 'x, "y"', "3"] },
      { line: 4, fields: ["2", "two\nlines", ""] },
      { line: 6, fields: ["4", "", ""] },
    ]);
  });

  it("refuses an unterminated quote", () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(RangeError);
  });
});
