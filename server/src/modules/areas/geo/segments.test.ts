import { describe, expect, it } from "vitest";
import { rng } from "../../../demo/random";
import {
  forEachCandidatePair,
  intersectSegments,
  meetingPoint,
  NO_INTERSECTION,
  PROPER,
  TOUCH,
} from "./segments";

const segs = (...s: number[][]) => Float64Array.from(s.flat());

describe("intersectSegments", () => {
  it.each([
    ["crossing", [0, 0, 2, 2], [0, 2, 2, 0], PROPER, [1, 1]],
    ["apart", [0, 0, 1, 0], [0, 1, 1, 1], NO_INTERSECTION, null],
    ["an endpoint on the other", [0, 0, 2, 0], [1, 0, 1, 1], TOUCH, [1, 0]],
    ["sharing an endpoint", [0, 0, 1, 0], [1, 0, 1, 1], TOUCH, [1, 0]],
    ["collinear, overlapping", [0, 0, 2, 0], [1, 0, 3, 0], TOUCH, [1, 0]],
    ["collinear, apart", [0, 0, 1, 0], [2, 0, 3, 0], NO_INTERSECTION, null],
    ["lines crossing beyond the segments", [0, 0, 1, 1], [3, 0, 2, 1], NO_INTERSECTION, null],
  ])("%s", (_, a, b, want, at) => {
    const s = segs(a, b);
    expect(intersectSegments(s, 0, 1)).toBe(want);
    expect(intersectSegments(s, 1, 0)).toBe(want);
    if (at) expect(meetingPoint(s, 0, 1)).toEqual(at);
  });
});

describe("forEachCandidatePair", () => {
  it("visits every pair of segments with overlapping bboxes exactly once", () => {
    const r = rng(3);
    const n = 800;
    const list: number[][] = [];
    for (let i = 0; i < n; i++) {
      const x = r.next() * 10,
        y = r.next() * 10;
      const long = i % 50 === 0 ? 8 : 0.4; // a few long segments span many cells
      list.push([x, y, x + (r.next() - 0.5) * long, y + (r.next() - 0.5) * long]);
    }
    const s = segs(...list);
    const box = (i: number) => [
      Math.min(list[i]![0]!, list[i]![2]!),
      Math.min(list[i]![1]!, list[i]![3]!),
      Math.max(list[i]![0]!, list[i]![2]!),
      Math.max(list[i]![1]!, list[i]![3]!),
    ];
    const want = new Set<string>();
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const a = box(i),
          b = box(j);
        if (a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!) want.add(`${i},${j}`);
      }
    const seen: string[] = [];
    forEachCandidatePair(s, n, (i, j) => {
      expect(i).toBeLessThan(j);
      seen.push(`${i},${j}`);
      return true;
    });
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(want);
  });

  it("stops when the visitor says so", () => {
    let calls = 0;
    forEachCandidatePair(segs([0, 0, 1, 1], [0, 1, 1, 0], [0, 0.5, 1, 0.5]), 3, () => ++calls < 2);
    expect(calls).toBe(2);
  });
});
