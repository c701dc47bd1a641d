import { describe, expect, it } from "vitest";
import { enUS } from "./en-US";
import {
  interpolate,
  isMessageKey,
  levelLabel,
  readStoredLang,
  roleLabel,
  translate,
  type TFunction,
} from "./translate";
import { zhCN } from "./zh-CN";
import { AREA_LEVELS, ROLES } from "../api/types";

describe("dictionaries", () => {
  it("zh-CN and en-US have the same keys", () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("have no empty strings", () => {
    for (const dict of [zhCN, enUS]) {
      for (const [key, value] of Object.entries(dict)) expect(value, key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(names(enUS[key]), key).toEqual(names(zhCN[key]));
    }
  });

  it("name every role", () => {
    for (const role of ROLES) expect(isMessageKey(`role.${role}`), role).toBe(true);
  });

  it("name every area level", () => {
    for (const level of AREA_LEVELS) expect(isMessageKey(`level.${level}`), level).toBe(true);
  });
});

describe("t()", () => {
  it("fills placeholders", () => {
    expect(translate("zh-CN", "home.greeting", { name: "张三" })).toBe("张三，您好");
    expect(translate("en-US", "audit.verifyBad", { checked: 12, id: "a1" })).toBe(
      "Audit chain check failed: 12 records checked; first bad record a1.",
    );
  });

  it("leaves unknown placeholders and handles repeated ones", () => {
    expect(interpolate("{a} {b} {a}", { a: 1 })).toBe("1 {b} 1");
    expect(interpolate("no vars")).toBe("no vars");
  });

  it("answers in the requested language", () => {
    expect(translate("zh-CN", "login.submit")).toBe("登录");
    expect(translate("en-US", "login.submit")).toBe("Log in");
  });

  it("labels unknown roles with their code", () => {
    const t: TFunction = (key, vars) => translate("zh-CN", key, vars);
    expect(roleLabel(t, "grid_worker")).toBe("网格员");
    expect(roleLabel(t, "astronaut")).toBe("astronaut");
  });

  it("labels area levels, and unknown levels with their code", () => {
    const t: TFunction = (key, vars) => translate("en-US", key, vars);
    expect(levelLabel(t, "micro_grid")).toBe("Micro-grid");
    expect(levelLabel(t, "galaxy")).toBe("galaxy");
  });
});

describe("readStoredLang", () => {
  it("defaults to zh-CN and accepts only known languages", () => {
    const storage = (v: string | null) => ({ getItem: () => v });
    expect(readStoredLang(undefined)).toBe("zh-CN");
    expect(readStoredLang(storage(null))).toBe("zh-CN");
    expect(readStoredLang(storage("fr-FR"))).toBe("zh-CN");
    expect(readStoredLang(storage("en-US"))).toBe("en-US");
  });

  it("survives a storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
    };
    expect(readStoredLang(broken)).toBe("zh-CN");
  });
});
