import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsv, strictCsvRecords } from "./csv";

const all = (text: string) => [...parseCsv(text)];

describe("CSV (RFC 4180)", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks; CRLF and LF", () => {
    expect(all('姓名,备注\r\n张三,"东胜路1号, 3楼"\r\n李四,"他说""好""\n第二行"\n')).toEqual([
      ["姓名", "备注"],
      ["张三", "东胜路1号, 3楼"],
      ["李四", '他说"好"\n第二行'],
    ]);
  });

  it("keeps empty fields and a last record without a line break; no record for a trailing newline", () => {
    expect(all("a,,c\n,,\nx")).toEqual([["a", "", "c"], ["", "", ""], ["x"]]);
    expect(all("a\n")).toEqual([["a"]]);
    expect(all("")).toEqual([]);
  });

  it("reads tab-separated text when the first line has tabs and no commas", () => {
    expect(all("姓名\t证件号码\n张三\t1")).toEqual([
      ["姓名", "证件号码"],
      ["张三", "1"],
    ]);
  });

  it("decodes UTF-8 with or without a BOM, and anything else as GB18030", () => {
    const utf8 = Buffer.from("姓名", "utf8");
    expect(decodeCsv(utf8)).toEqual({ text: "姓名", encoding: "utf-8" });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({
      text: "姓名",
      encoding: "utf-8",
    });
    // 姓名 in GB2312/GBK/GB18030 is D0 D5 C3 FB
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toEqual({ text: "姓名", encoding: "gb18030" });
  });
});

describe("strictCsvRecords", () => {
  it("reads quoted fields, doubled quotes, newlines inside quotes, CRLF, a BOM; numbers records by line", () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""",3\r\n\r\n2,"two\nlines",\n4,,';
    expect(strictCsvRecords(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", 'x, "y"', "3"] },
      { line: 4, fields: ["2", "two\nlines", ""] },
      { line: 6, fields: ["4", "", ""] },
    ]);
  });

  it("refuses an unterminated quote, naming the line it opened on", () => {
    expect(() => strictCsvRecords('a,"b\n1,2')).toThrow(/line 1/);
  });
});
