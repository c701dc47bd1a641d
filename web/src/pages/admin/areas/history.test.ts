import { describe, expect, it } from "vitest";
import type { AreaChange } from "../../../api/area-types";
import { CHANGE_KINDS } from "../../../api/area-types";
import { isMessageKey } from "../../../i18n/translate";
import { changeColor, describeChange } from "./history";

const change = (kind: string, before: unknown, after: unknown): AreaChange => ({
  kind,
  before: before as AreaChange["before"],
  after: after as AreaChange["after"],
  importId: null,
  actorId: "u1",
  at: "2026-11-23T06:00:00.000Z",
});

describe("describeChange", () => {
  it("says what each kind of change did, without printing geometry", () => {
    expect(describeChange(change("imported", null, { name: "张斌社区", level: "community" }))).toEqual({
      key: "history.imported",
      vars: { name: "张斌社区" },
    });
    expect(describeChange(change("renamed", { name: "旧" }, { name: "新" }))).toEqual({
      key: "history.renamed",
      vars: { from: "旧", to: "新" },
    });
    expect(describeChange(change("redrawn", { geometry: { type: "Polygon" } }, { geometry: {} }))).toEqual({
      key: "history.redrawn",
    });
    // an import that changed both shape and name
    expect(describeChange(change("redrawn", { name: "旧", geometry: {} }, { name: "新" }))).toEqual({
      key: "history.redrawnRenamed",
      vars: { from: "旧", to: "新" },
    });
    expect(describeChange(change("moved", { path: "/a/b/x/" }, { path: "/a/c/x/" }))).toEqual({
      key: "history.moved",
      vars: { from: "b", to: "c" },
    });
  });

  it("tells the retired area of a split or merge from the areas it made or kept", () => {
    expect(
      describeChange(change("split", { code: "x" }, { parts: ["x1", "x2"], retiredOn: "2026-11-23" })),
    ).toEqual({
      key: "history.splitInto",
      vars: { parts: "x1、x2" },
    });
    expect(describeChange(change("split", { from: "x" }, { code: "x1", name: "东" }))).toEqual({
      key: "history.splitFrom",
      vars: { from: "x" },
    });
    expect(describeChange(change("merged", { code: "y" }, { into: "x", retiredOn: "2026-11-23" }))).toEqual({
      key: "history.mergedInto",
      vars: { into: "x" },
    });
    expect(describeChange(change("merged", { geometry: {} }, { absorbed: ["y", "z"] }))).toEqual({
      key: "history.mergedAbsorbed",
      vars: { codes: "y、z" },
    });
  });

  it("shows an unknown kind as it is, and has a label and colour for every known kind", () => {
    expect(describeChange(change("archived", null, null))).toEqual({
      key: "history.other",
      vars: { kind: "archived" },
    });
    for (const kind of CHANGE_KINDS) {
      expect(isMessageKey(`change.${kind}`), kind).toBe(true);
      expect(changeColor(kind)).not.toBe("");
    }
  });
});
