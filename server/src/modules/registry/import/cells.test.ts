import { describe, expect, it } from "vitest";
import { convertCell, dateText } from "./cells";
import { PERSON_COLUMNS } from "./persons-columns";

const col = (key: string) => PERSON_COLUMNS.find((c) => c.key === key)!;

describe("cells", () => {
  it("read dates as people write them, and Excel's own dates", () => {
    expect(dateText(new Date(Date.UTC(2024, 2, 5)))).toBe("2024-03-05");
    expect(dateText(45356)).toBe("2024-03-05");
    for (const t of ["2024/3/5", "2024.03.05", "2024年3月5日", "20240305", " 2024-03-05 "])
      expect(dateText(t)).toBe("2024-03-05");
    expect(dateText("3/5/2024")).toBe("3/5/2024"); // left for the contract to report
  });

  it("take a code or its Chinese name (and common spellings) for coded columns", () => {
    expect(convertCell(col("sex"), "男", 2).value).toBe("1");
    expect(convertCell(col("sex"), "2", 2).value).toBe("2");
    expect(convertCell(col("ethnicity"), "汉", 2).value).toBe("01");
    expect(convertCell(col("residentType"), "流动", 2).value).toBe("floating");
    expect(convertCell(col("relation"), "户主", 2).value).toBe("02");
    expect(convertCell(col("docType"), "414", 2).value).toBe("passport");
    expect(convertCell(col("sex"), "不详呢", 7).problem).toMatchObject({
      row: 7,
      field: "sex",
      column: "性别",
      code: "CODE_UNKNOWN",
    });
  });

  it("refuse an ID number that Excel stored as a number (its last digits are gone)", () => {
    expect(convertCell(col("idNumber"), Number("330212198001011234"), 3).problem?.code).toBe(
      "ID_STORED_AS_NUMBER",
    );
    expect(convertCell(col("idNumber"), " 33021219800101123x ", 3).value).toBe("33021219800101123x");
  });

  it("read yes/no, lists and empty cells", () => {
    expect(convertCell(col("livesAlone"), "是", 2).value).toBe(true);
    expect(convertCell(col("livesAlone"), "否", 2).value).toBe(false);
    expect(convertCell(col("livesAlone"), "也许", 2).problem?.code).toBe("BOOLEAN_INVALID");
    expect(convertCell(col("formerNames"), "张一、张二", 2).value).toEqual(["张一", "张二"]);
    expect(convertCell(col("name"), "   ", 2).value).toBeUndefined();
    expect(convertCell(col("name"), { richText: [{ text: "张" }, { text: "三" }] }, 2).value).toBe("张三");
  });
});
