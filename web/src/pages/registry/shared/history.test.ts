// @vitest-environment node
import { describe, expect, it } from "vitest";
import { changeLines, historyValue, newestFirst, type HistoryWords } from "./history";

const words: HistoryWords = {
  lang: "zh-CN",
  yes: "是",
  no: "否",
  label: (f) => ({ reason: "流入原因" })[f] ?? f,
};

describe("history lines", () => {
  it("reads sealed, empty, boolean, list and id values", () => {
    expect(historyValue("phone", { changed: true }, words)).toEqual({ kind: "sealed" });
    expect(historyValue("note", null, words)).toEqual({ kind: "empty" });
    expect(historyValue("note", "", words)).toEqual({ kind: "empty" });
    expect(historyValue("livesAlone", true, { ...words, yes: "yes" })).toEqual({ kind: "text", text: "yes" });
    expect(historyValue("formerNames", ["张三", "张叁"], words)).toEqual({
      kind: "text",
      text: "张三、张叁",
    });
    expect(historyValue("houseId", "1af3f0dd-e5c0-4990-9a8e-1a5771f0924b", words)).toEqual({ kind: "link" });
  });

  it("labels coded fields in the UI language", () => {
    expect(historyValue("sex", "1", words)).toEqual({ kind: "text", text: "男性" });
    expect(historyValue("residentType", "floating", { ...words, lang: "en-US" })).toEqual({
      kind: "text",
      text: "Floating population",
    });
    expect(historyValue("relation", "02", words)).toEqual({ kind: "text", text: "户主" });
  });

  it("writes an object as label: value pairs, codes labelled", () => {
    expect(historyValue("floating", { reason: "务工", permitType: "01", origin: "" }, words)).toEqual({
      kind: "text",
      text: "流入原因：务工；permitType：居住证",
    });
  });

  it("lists each changed field once, without bookkeeping", () => {
    const lines = changeLines(
      {
        before: { occupation: "厨师", phone: { changed: true }, areaPath: "a/b" },
        after: { occupation: "司机", phone: { changed: true }, areaPath: "a/c", livesAlone: true },
      },
      words,
    );
    expect(lines.map((l) => l.field)).toEqual(["occupation", "phone", "livesAlone"]);
    expect(lines[0]).toEqual({
      field: "occupation",
      before: { kind: "text", text: "厨师" },
      after: { kind: "text", text: "司机" },
    });
    expect(lines[2]!.before).toEqual({ kind: "empty" });
  });

  it("shows only what was filled in at creation", () => {
    const lines = changeLines(
      { before: null, after: { id: "x", name: "李四", workplace: null, religion: "" } },
      words,
    );
    expect(lines.map((l) => l.field)).toEqual(["name"]);
  });

  it("orders newest first", () => {
    expect(newestFirst([{ id: 1 }, { id: 3 }, { id: 2 }]).map((r) => r.id)).toEqual([3, 2, 1]);
  });
});

describe("history statuses", () => {
  it("labels a status through the words given", () => {
    expect(historyValue("status", "active", { ...words, status: (s) => `<${s}>` })).toEqual({
      kind: "text",
      text: "<active>",
    });
  });
});
