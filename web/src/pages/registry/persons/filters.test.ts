// @vitest-environment node
import { describe, expect, it } from "vitest";
import { personQuery, readFilters, writeFilters } from "./filters";

describe("persons list filters", () => {
  it("round-trips through the URL", () => {
    const f = {
      q: "zs",
      areaCode: "330212009001",
      residentType: "floating",
      livesAlone: true,
      age: "elderly" as const,
    };
    expect(readFilters(writeFilters(f, 3))).toEqual({ ...f, status: undefined });
    expect(writeFilters(f, 3).get("page")).toBe("3");
    expect(writeFilters({}, 1).toString()).toBe("");
  });

  it("drops values it does not know", () => {
    expect(readFilters(new URLSearchParams("age=young&livesAlone=maybe"))).toEqual({
      q: undefined,
      areaCode: undefined,
      residentType: undefined,
      status: undefined,
      livesAlone: undefined,
      age: undefined,
    });
  });

  it("turns an age band into the API's bounds", () => {
    expect(personQuery({ age: "working" })).toMatchObject({ ageMin: 18, ageMax: 59 });
    expect(personQuery({ age: "minor" })).toMatchObject({ ageMax: 17 });
    expect(personQuery({ livesAlone: false }).livesAlone).toBe(false);
  });
});
