import { describe, expect, it } from "vitest";
import { normaliseCode, PUBLIC_STAGES, publicStageIndex } from "./track-steps";

describe("public progress", () => {
  it("maps every state of the loop to a public stage", () => {
    expect(publicStageIndex("reported")).toBe(0);
    expect(publicStageIndex("handling")).toBe(1);
    expect(publicStageIndex("suspended")).toBe(1);
    expect(publicStageIndex("feedback")).toBe(2);
    expect(publicStageIndex("closed")).toBe(3);
    expect(publicStageIndex("evaluated")).toBe(PUBLIC_STAGES.length - 1);
    expect(publicStageIndex("merged")).toBe(-1);
  });

  it("accepts a code typed with spaces, dashes or lower case", () => {
    expect(normaliseCode(" 4raw-6k1t rhr3 ")).toBe("4RAW6K1TRHR3");
  });
});
