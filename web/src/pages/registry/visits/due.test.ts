// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { DueVisit } from "../../../api/registry-types";
import { groupDue } from "./due";

const v = (id: string, dueOn: string, title = id): DueVisit => ({
  type: "key_person",
  id,
  subjectId: id,
  title,
  category: "03",
  categoryLabel: null,
  dueOn,
  overdue: false,
});

describe("visits due", () => {
  it("puts past dates first as overdue, most overdue first, then the rest soonest first", () => {
    const g = groupDue(
      [v("a", "2026-05-12"), v("b", "2026-05-01"), v("c", "2026-05-10"), v("d", "2026-05-09")],
      "2026-05-10",
    );
    expect(g.overdue.map((x) => x.id)).toEqual(["b", "d"]);
    expect(g.upcoming.map((x) => x.id)).toEqual(["c", "a"]);
  });

  it("orders a day's visits by name", () => {
    const g = groupDue([v("x", "2026-05-11", "王"), v("y", "2026-05-11", "李")], "2026-05-10");
    expect(g.upcoming.map((x) => x.title)).toEqual(["李", "王"].sort((a, b) => a.localeCompare(b)));
  });
});
