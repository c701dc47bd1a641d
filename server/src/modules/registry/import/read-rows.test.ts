import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { PERSON_COLUMNS } from "./persons-columns";
import { readRows, sniffFormat, type DataRow, type HeaderInfo } from "./read-rows";

async function streamWritten(rows: string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import("node:stream");
  const out = new PassThrough();
  out.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet("人员");
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe("reading xlsx", () => {
  it("keeps Chinese text whole where its bytes cross the reader's chunk boundaries", async () => {
    const rows = [["姓名", "证件号码", "现住址", "人员类型"]];
    for (let i = 0; i < 4_000; i++)
      rows.push([
        `欧阳娜娜${i}`,
        `33021219800101${String(i).padStart(4, "0")}`,
        `宁波市鄞州区东胜街道樱花苑${i}幢`,
        "户籍",
      ]);
    const bytes = await streamWritten(rows);
    expect(sniffFormat(bytes)).toBe("xlsx");
    let header: HeaderInfo | undefined;
    const got: DataRow[] = [];
    for await (const r of readRows({ bytes }, "xlsx", PERSON_COLUMNS, (h) => (header = h))) got.push(r);
    expect(header!.problems).toEqual([]);
    expect(got).toHaveLength(4_000);
    const text = got.map((r) => [...r.cells.values()].join("|")).join("\n");
    expect(text).not.toContain("\uFFFD");
    expect(got[3_999]!.row).toBe(4_001);
    expect(got[3_999]!.cells.get("residentType")).toBe("户籍");
  });

  it("finds the header below a title row, ignores unknown columns and names missing required ones", async () => {
    const bytes = await streamWritten([
      ["人员名单（2024年）"],
      ["姓名", "备注", "现住址"],
      ["张三", "x", "东胜路1号"],
    ]);
    let header: HeaderInfo | undefined;
    const got: DataRow[] = [];
    for await (const r of readRows({ bytes }, "xlsx", PERSON_COLUMNS, (h) => (header = h))) got.push(r);
    expect(header!.row).toBe(2);
    expect(header!.ignored).toEqual(["备注"]);
    expect(header!.problems.map((p) => [p.code, p.column])).toEqual([["COLUMN_MISSING", "证件号码"]]);
    expect(got.map((r) => r.row)).toEqual([3]);
  });
});
