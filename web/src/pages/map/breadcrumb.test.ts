import { describe, expect, it } from "vitest";
import { buildCrumbs, pathCodes } from "./breadcrumb";

const MICRO = "/330212/330212009/330212009001/330212009001001/33021200900100101/";
const NAMES = { "330212009": "东胜街道", "330212009001": "张斌社区" };

describe("buildCrumbs", () => {
  it("starts at the user's scope and names what it knows", () => {
    expect(buildCrumbs(MICRO, [{ code: "330212009" }], NAMES)).toEqual([
      { code: "330212009", name: "东胜街道" },
      { code: "330212009001", name: "张斌社区" },
      { code: "330212009001001", name: undefined },
      { code: "33021200900100101", name: undefined },
    ]);
  });

  it("starts at the highest of several scopes on the path", () => {
    const scopes = [{ code: "330212009001001" }, { code: "330212009001" }, { code: "330212009002" }];
    expect(buildCrumbs(MICRO, scopes, {}).map((c) => c.code)).toEqual([
      "330212009001",
      "330212009001001",
      "33021200900100101",
    ]);
  });

  it("is the scope alone when the scope is the area", () => {
    expect(buildCrumbs("/330212/330212009/", [{ code: "330212009" }], NAMES)).toEqual([
      { code: "330212009", name: "东胜街道" },
    ]);
  });

  it("starts at the top without scopes, and shows only the area outside every scope", () => {
    expect(buildCrumbs("/330212/330212009/", [], {}).map((c) => c.code)).toEqual(["330212", "330212009"]);
    expect(buildCrumbs(MICRO, [{ code: "999" }], {}).map((c) => c.code)).toEqual(["33021200900100101"]);
  });
});

describe("pathCodes", () => {
  it("splits a materialised path", () => {
    expect(pathCodes("/a/b/")).toEqual(["a", "b"]);
    expect(pathCodes("")).toEqual([]);
  });
});
