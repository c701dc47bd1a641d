// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { PersonView } from "../../../api/registry-types";
import { buildPersonPatch, isEmptyPatch, quickEditInitial, rebaseEdits } from "./person-patch";

const person = {
  id: "p1",
  phone: "138****5678",
  currentAddress: "龙发花园 3 幢 201",
  occupation: "厨师",
  workplace: null,
  residentType: "registered",
  livesAlone: false,
  version: 4,
} as unknown as PersonView;

describe("quick edit patch", () => {
  it("sends nothing but the version when nothing changed", () => {
    const patch = buildPersonPatch(person, quickEditInitial(person));
    expect(patch).toEqual({ version: 4 });
    expect(isEmptyPatch(patch)).toBe(true);
  });

  it("sends changed fields, a new phone without spaces, and clears emptied text", () => {
    const patch = buildPersonPatch(person, {
      ...quickEditInitial(person),
      phone: " 139 1234-5678 ",
      occupation: "",
      workplace: "东胜街道社区食堂",
      livesAlone: true,
      residentType: "floating",
    });
    expect(patch).toEqual({
      phone: "13912345678",
      occupation: null,
      workplace: "东胜街道社区食堂",
      livesAlone: true,
      residentType: "floating",
      version: 4,
    });
    expect(isEmptyPatch(patch)).toBe(false);
  });

  it("ignores whitespace-only edits", () => {
    const patch = buildPersonPatch(person, {
      ...quickEditInitial(person),
      currentAddress: " 龙发花园 3 幢 201 ",
    });
    expect(patch).toEqual({ version: 4 });
  });
});

describe("rebasing edits after a conflict", () => {
  it("keeps what the user typed and takes the rest from the latest record", () => {
    const before = quickEditInitial(person);
    const latest = { ...before, workplace: "社区食堂", currentAddress: "龙发花园 5 幢 101" };
    const typed = { ...before, occupation: "司机", phone: "13912345678" };
    expect(rebaseEdits(before, typed, latest)).toEqual({
      ...latest,
      occupation: "司机",
      phone: "13912345678",
    });
  });
});
