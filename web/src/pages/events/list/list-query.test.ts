import { describe, expect, it } from "vitest";
import { paramsFromFilters, queryFromParams } from "./list-query";

describe("events list query", () => {
  it("reads the filters from the URL, with safe paging", () => {
    const q = queryFromParams(
      new URLSearchParams("state=reported,accepted&overdue=true&page=3&pageSize=50&colour=red"),
    );
    expect(q).toEqual({
      sort: "deadline",
      state: "reported,accepted",
      colour: "red",
      overdue: true,
      page: 3,
      pageSize: 50,
    });
    expect(queryFromParams(new URLSearchParams("page=-1&pageSize=7"))).toEqual({
      sort: "deadline",
      page: 1,
      pageSize: 20,
    });
  });

  it("writes the form back to the URL, taking the leaf category", () => {
    const p = paramsFromFilters({
      q: " 烟 ",
      state: ["reported"],
      category: ["05", "0501"],
      overdue: true,
      mine: false,
    });
    expect(p.toString()).toBe(
      new URLSearchParams({ q: "烟", state: "reported", category: "0501", overdue: "true" }).toString(),
    );
  });
});
