import { describe, expect, it } from "vitest";
import { pendingCardsFor } from "./role-cards";

describe("home cards", () => {
  it("gives each role its own placeholders, without duplicates", () => {
    expect(pendingCardsFor(["dispatcher"]).map((c) => c.titleKey)).toEqual([
      "card.dispatcher.intake",
      "card.dispatcher.overdue",
    ]);
    expect(pendingCardsFor(["grid_worker", "grid_worker"])).toHaveLength(2);
    expect(pendingCardsFor(["admin"])).toEqual([]);
  });
});
