import { describe, expect, it } from "vitest";
import { pinyinKeys } from "./pinyin";

describe("pinyinKeys", () => {
  it("gives the full pinyin and the initials", () => {
    expect(pinyinKeys("张三丰")).toEqual({ full: "zhangsanfeng", initials: "zsf" });
    expect(pinyinKeys("李明")).toEqual({ full: "liming", initials: "lm" });
  });

  it.each([
    ["单雄信", "shanxiongxin", "sxx"],
    ["曾国藩", "zengguofan", "zgf"],
    ["解缙", "xiejin", "xj"],
    ["仇英", "qiuying", "qy"],
    ["朴槿惠", "piaojinhui", "pjh"],
    ["区志伟", "ouzhiwei", "ozw"],
    ["查良镛", "zhaliangyong", "zly"],
    ["尉迟恭", "yuchigong", "ycg"],
  ])("reads the polyphonic surname of %s", (name, full, initials) => {
    expect(pinyinKeys(name)).toEqual({ full, initials });
  });

  it("writes ü as v", () => {
    expect(pinyinKeys("吕绿")).toEqual({ full: "lvlv", initials: "ll" });
  });

  it("drops spaces and the middle dot of transliterated names", () => {
    expect(pinyinKeys(" 王 小明 ")).toEqual({ full: "wangxiaoming", initials: "wxm" });
    expect(pinyinKeys("买买提·艾力")).toEqual({ full: "maimaitiaili", initials: "mmtal" });
  });

  it("keeps Latin names as words, lower case, without accents", () => {
    expect(pinyinKeys("John Smith")).toEqual({ full: "johnsmith", initials: "js" });
    expect(pinyinKeys("José")).toEqual({ full: "jose", initials: "j" });
    expect(pinyinKeys("张Ａ")).toEqual({ full: "zhanga", initials: "za" });
  });

  it("gives empty keys for an empty name", () => {
    expect(pinyinKeys("")).toEqual({ full: "", initials: "" });
    expect(pinyinKeys(" · ")).toEqual({ full: "", initials: "" });
  });
});
