import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import { rng } from "../../../demo/random";
import type { MultiPolygon, Polygon, Ring } from "./geojson";
import { BOUNDARY, INSIDE, OUTSIDE, onBoundary, pointInPolygon, PreparedGeometry } from "./point-in-polygon";

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

// a 10 × 10 square with a 4 × 4 hole in the middle (hole clockwise, as RFC 7946 asks)
const withHole: Polygon = {
  type: "Polygon",
  coordinates: [square(0, 0, 10), [...square(3, 3, 4)].reverse()],
};

describe("PreparedGeometry.classify", () => {
  it.each([
    ["inside the ring", 1, 1, INSIDE],
    ["in the hole", 5, 5, OUTSIDE],
    ["outside", 11, 5, OUTSIDE],
    ["on an outer edge", 0, 5, BOUNDARY],
    ["on an outer vertex", 10, 10, BOUNDARY],
    ["on the hole's edge", 3, 5, BOUNDARY],
    ["on the hole's vertex", 7, 7, BOUNDARY],
    ["level with a vertex, outside", -1, 10, OUTSIDE],
    ["level with a vertex, inside", 2, 3, INSIDE],
    ["not a number", NaN, 1, OUTSIDE],
  ])("a polygon with a hole: %s", (_, x, y, want) => {
    expect(new PreparedGeometry(withHole).classify(x, y)).toBe(want);
  });

  it("treats each part of a MultiPolygon, holes included", () => {
    const mp: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [withHole.coordinates, [square(20, 0, 5)]],
    };
    const g = new PreparedGeometry(mp);
    expect(g.classify(1, 1)).toBe(INSIDE);
    expect(g.classify(22, 2)).toBe(INSIDE);
    expect(g.classify(5, 5)).toBe(OUTSIDE);
    expect(g.classify(15, 2)).toBe(OUTSIDE);
    expect(g.classify(25, 5)).toBe(BOUNDARY);
    expect(g.bbox).toEqual(new Float64Array([0, 0, 25, 10]));
  });

  it("counts a point in overlapping parts of a MultiPolygon as inside", () => {
    const mp: MultiPolygon = { type: "MultiPolygon", coordinates: [[square(0, 0, 4)], [square(2, 2, 4)]] };
    expect(pointInPolygon(mp, 3, 3)).toBe(true);
  });

  it("one-off helpers", () => {
    expect(pointInPolygon(withHole, 1, 1)).toBe(true);
    expect(pointInPolygon(withHole, 5, 5)).toBe(false);
    expect(pointInPolygon(withHole, 0, 0)).toBe(true);
    expect(onBoundary(withHole, 0, 0)).toBe(true);
    expect(onBoundary(withHole, 1, 1)).toBe(false);
  });

  it("agrees with turf on random star polygons with holes, banded and not", () => {
    const r = rng(7);
    for (let shape = 0; shape < 40; shape++) {
      const n = shape % 2 ? 8 + r.int(0, 20) : 200 + r.int(0, 2000); // small ones scan every edge; large ones use bands
      const star = (cx: number, cy: number, rMin: number, rMax: number, clockwise: boolean): Ring => {
        const ring: Ring = [];
        for (let k = 0; k < n; k++) {
          const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / n;
          const rad = rMin + (rMax - rMin) * r.next();
          ring.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
        }
        return [...ring, ring[0]!];
      };
      const poly: Polygon = {
        type: "Polygon",
        coordinates: [star(120, 30, 0.5, 1, false), star(120, 30, 0.1, 0.3, true)],
      };
      const g = new PreparedGeometry(poly);
      for (let p = 0; p < 500; p++) {
        const x = 118.8 + 2.4 * r.next(),
          y = 28.8 + 2.4 * r.next();
        expect(g.classify(x, y) !== OUTSIDE).toBe(booleanPointInPolygon([x, y], poly));
      }
      // every vertex is on the boundary
      for (const [x, y] of poly.coordinates[0]!.slice(0, 50)) expect(g.classify(x!, y!)).toBe(BOUNDARY);
    }
  });
});
