import { describe, expect, it } from "vitest";
import { checkAnswers, HIGH_RISE_CRITERIA, STAR_LEVELS, starsFor } from "./rate-building";

const all = (value: boolean) => Object.fromEntries(HIGH_RISE_CRITERIA.map((c) => [c.code, value]));
const essential = HIGH_RISE_CRITERIA.filter((c) => c.essential).map((c) => c.code);
const optional = HIGH_RISE_CRITERIA.filter((c) => !c.essential).map((c) => c.code);

describe("high-rise safety stars", () => {
  it("gives five stars for every item met and one for none", () => {
    expect(starsFor(all(true))).toMatchObject({
      stars: 5,
      essentialMissed: [],
      total: HIGH_RISE_CRITERIA.length,
    });
    expect(starsFor(all(false))).toMatchObject({ stars: 1, met: [] });
  });

  it("caps the stars at two when an essential item fails, however much else is met", () => {
    for (const code of essential) {
      const r = starsFor({ ...all(true), [code]: false });
      expect(r.stars).toBe(2);
      expect(r.essentialMissed).toEqual([code]);
    }
  });

  it("steps down by the number of other items met, as the levels say", () => {
    const withMissed = (n: number) =>
      starsFor({ ...all(true), ...Object.fromEntries(optional.slice(0, n).map((c) => [c, false])) }).stars;
    expect([0, 1, 2, 3, 4, 5].map(withMissed)).toEqual([5, 4, 4, 3, 3, 2]);
    // the levels are ordered and the last one always holds
    expect(STAR_LEVELS.map((l) => l.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(STAR_LEVELS.at(-1)).toMatchObject({ minMet: 0, allEssential: false });
  });

  it("wants every item answered true or false, and no others", () => {
    expect(checkAnswers(all(true))).toEqual([]);
    const { smoke_sensors: _, ...rest } = all(true);
    expect(checkAnswers({ ...rest, pool: true, fire_doors_closed: "yes" }).map((p) => p.field)).toEqual([
      "criteria.pool",
      "criteria.fire_doors_closed",
      "criteria.smoke_sensors",
    ]);
  });
});
