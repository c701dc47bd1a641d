import { describe, expect, it } from "vitest";
import type { Polygon, Ring } from "./geojson";
import { PreparedGeometry } from "./point-in-polygon";
import { AreaIndex, pathDepth, type IndexedArea } from "./spatial-index";

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const area = (code: string, depth: number, geometry: Polygon): IndexedArea => ({
  code,
  level: `l${depth}`,
  depth,
  geometry,
});

describe("AreaIndex", () => {
  it("gives a point on an edge shared by two squares to the lower code, wherever it lies on the edge", () => {
    const index = new AreaIndex([area("B", 3, box(1, 0, 2, 1)), area("A", 3, box(0, 0, 1, 1))]);
    for (const y of [0, 0.25, 0.5, 1]) {
      expect(index.locate(1, y)?.code).toBe("A");
      expect(index.locateAll(1, y).map((a) => a.code)).toEqual(["A", "B"]);
    }
    expect(index.locate(0.5, 0.5)?.code).toBe("A");
    expect(index.locate(1.5, 0.5)?.code).toBe("B");
    expect(index.locate(2.5, 0.5)).toBeNull();
  });

  it("compares codes as strings: '10' < '9'", () => {
    const index = new AreaIndex([area("9", 1, box(0, 0, 1, 1)), area("10", 1, box(1, 0, 2, 1))]);
    expect(index.locate(1, 0.5)?.code).toBe("10");
  });

  it("picks the deepest of nested areas, and returns them all smallest first", () => {
    const index = new AreaIndex([
      area("street", 1, box(0, 0, 100, 100)),
      area("community", 2, box(0, 0, 50, 50)),
      area("grid", 3, box(0, 0, 10, 10)),
      area("micro", 4, box(0, 0, 2, 2)),
    ]);
    expect(index.locate(1, 1)?.code).toBe("micro");
    expect(index.locate(5, 5)?.code).toBe("grid");
    expect(index.locate(30, 30)?.code).toBe("community");
    expect(index.locate(80, 80)?.code).toBe("street");
    expect(index.locate(101, 50)).toBeNull();
    expect(index.locateAll(1, 1).map((a) => a.code)).toEqual(["micro", "grid", "community", "street"]);
    // the deeper level wins over a lower code
    const other = new AreaIndex([area("a", 1, box(0, 0, 10, 10)), area("z", 2, box(0, 0, 1, 1))]);
    expect(other.locate(0.5, 0.5)?.code).toBe("z");
  });

  it("respects holes and MultiPolygons", () => {
    const ring = (w: number, s: number, e: number, n: number) => box(w, s, e, n).coordinates[0]!;
    const holed: Polygon = {
      type: "Polygon",
      coordinates: [ring(0, 0, 10, 10), [...ring(3, 3, 7, 7)].reverse() as Ring],
    };
    const index = new AreaIndex([
      { code: "ring", level: "grid", depth: 2, geometry: holed },
      {
        code: "islands",
        level: "grid",
        depth: 2,
        geometry: { type: "MultiPolygon", coordinates: [[ring(20, 0, 21, 1)], [ring(30, 0, 31, 1)]] },
      },
      area("all", 1, box(-1, -1, 40, 11)),
    ]);
    expect(index.locate(1, 1)?.code).toBe("ring");
    expect(index.locate(5, 5)?.code).toBe("all");
    expect(index.locate(30.5, 0.5)?.code).toBe("islands");
    expect(index.locate(25, 0.5)?.code).toBe("all");
    expect(index.locate(50, 0.5)).toBeNull();
  });

  it("handles an empty index and non-numbers", () => {
    expect(new AreaIndex([]).locate(1, 1)).toBeNull();
    const index = new AreaIndex([area("A", 1, box(0, 0, 1, 1))]);
    expect(index.locate(NaN, 0.5)).toBeNull();
    expect(index.locateIndex(0.5, 0.5)).toBe(0);
    expect(index.bboxAt(0)).toEqual([0, 0, 1, 1]);
  });

  it("agrees with a brute-force scan on a fine mosaic, points on its lines included", () => {
    const areas: IndexedArea[] = [];
    for (let i = 0; i < 30; i++)
      for (let j = 0; j < 30; j++)
        areas.push(area(`m${i}-${j}`, 3, box(i / 30, j / 30, (i + 1) / 30, (j + 1) / 30)));
    areas.push(area("parent", 2, box(0, 0, 1, 1)));
    const index = new AreaIndex(areas);
    const shapes = new Map(areas.map((a) => [a, new PreparedGeometry(a.geometry)]));
    const brute = (x: number, y: number) =>
      areas
        .filter((a) => shapes.get(a)!.contains(x, y))
        .sort((a, b) => b.depth - a.depth || (a.code < b.code ? -1 : 1))[0] ?? null;
    for (let k = 0; k < 3000; k++) {
      let x = -0.1 + 1.2 * ((k * 0.6180339887) % 1),
        y = -0.1 + 1.2 * ((k * 0.7548776662) % 1);
      if (k % 3 === 0) x = Math.round(x * 30) / 30; // on a vertical line of the mosaic
      if (k % 5 === 0) y = Math.round(y * 30) / 30;
      expect(index.locate(x, y)).toBe(brute(x, y));
    }
  });

  it("pathDepth counts the codes in a materialised path", () => {
    expect(pathDepth("/330212/330212009/")).toBe(2);
    expect(pathDepth("/")).toBe(0);
  });
});
