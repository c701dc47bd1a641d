import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import type { AreaGeometry, Polygon, Ring } from "./geojson";
import { labelPoint } from "./label-point";
import { INSIDE, PreparedGeometry } from "./point-in-polygon";

const sq = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const strictlyInside = (g: AreaGeometry, p: { lat: number; lng: number }) =>
  new PreparedGeometry(g).classify(p.lng, p.lat) === INSIDE &&
  booleanPointInPolygon([p.lng, p.lat], g, { ignoreBoundary: true });

describe("labelPoint", () => {
  it("is the centroid of a convex polygon", () => {
    expect(labelPoint({ type: "Polygon", coordinates: [sq(121, 29, 0.02)] })).toEqual({
      lat: 29.01,
      lng: 121.01,
    });
  });

  it("moves inside a C shape whose centroid is outside", () => {
    // a thin C open to the east: the centroid falls in the gap
    const c: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 0.1],
          [0.1, 0.1],
          [0.1, 0.9],
          [1, 0.9],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const p = labelPoint(c);
    expect(strictlyInside(c, p)).toBe(true);
  });

  it("avoids the hole of a ring-shaped area", () => {
    const annulus: Polygon = {
      type: "Polygon",
      coordinates: [sq(0, 0, 1), [...sq(0.1, 0.1, 0.8)].reverse()],
    };
    const p = labelPoint(annulus);
    expect(strictlyInside(annulus, p)).toBe(true);
  });

  it("labels the largest part of a MultiPolygon", () => {
    const mp: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [[sq(0, 0, 0.1)], [sq(5, 5, 1)], [sq(9, 9, 0.5)]],
    };
    expect(labelPoint(mp)).toEqual({ lat: 5.5, lng: 5.5 });
  });

  it("finds an inside point of spirals and combs", () => {
    // a comb: many thin teeth hanging from a bar; the centroid is between teeth
    const teeth = 9;
    const ring: Ring = [[0, 1]];
    for (let k = 0; k < teeth; k++) ring.push([k / teeth, 0], [k / teeth + 0.02, 0], [k / teeth + 0.02, 0.9]);
    ring.push([1, 0.9], [1, 1], [0, 1]);
    const comb: Polygon = { type: "Polygon", coordinates: [ring] };
    expect(strictlyInside(comb, labelPoint(comb))).toBe(true);
  });
});
