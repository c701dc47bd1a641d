import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "../../api/types";
import {
  bd09ToGcj02,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  mapGeometry,
  wgs84ToGcj02,
  type LngLat,
} from "./crs";

// reference values published with the gcoord library's tests
describe("known values", () => {
  it("WGS84 → GCJ-02", () => {
    const [lng, lat] = wgs84ToGcj02([123, 45]);
    expect(lng).toBeCloseTo(123.00607541, 6);
    expect(lat).toBeCloseTo(45.00197815, 6);
  });

  it("GCJ-02 → BD-09", () => {
    const [lng, lat] = gcj02ToBd09([123, 45]);
    expect(lng).toBeCloseTo(123.00636499, 6);
    expect(lat).toBeCloseTo(45.00636899, 6);
  });

  it("WGS84 → BD-09", () => {
    const [lng, lat] = fromWgs84("bd09")([123, 45]);
    expect(lng).toBeCloseTo(123.0124491, 6);
    expect(lat).toBeCloseTo(45.0083293, 6);
  });

  it("shifts 东胜街道 by a few hundred metres, and leaves points outside China alone", () => {
    const [lng, lat] = wgs84ToGcj02([121.584, 29.871]);
    expect(lng - 121.584).toBeGreaterThan(0.003);
    expect(lng - 121.584).toBeLessThan(0.006);
    expect(Math.abs(lat - 29.871)).toBeLessThan(0.004);
    expect(wgs84ToGcj02([-118.25, 34.05])).toEqual([-118.25, 34.05]);
    expect(fromWgs84("wgs84")([121.584, 29.871])).toEqual([121.584, 29.871]);
  });
});

describe("round trips", () => {
  const points: LngLat[] = [
    [121.584, 29.871],
    [116.404, 39.915],
    [113.2644, 23.1291],
    [87.6168, 43.8256],
    [126.5349, 45.8038],
  ];

  it("WGS84 → GCJ-02 → WGS84 within 1e-9°", () => {
    for (const p of points) {
      const back = gcj02ToWgs84(wgs84ToGcj02(p));
      expect(Math.abs(back[0] - p[0]), String(p)).toBeLessThan(1e-9);
      expect(Math.abs(back[1] - p[1]), String(p)).toBeLessThan(1e-9);
    }
  });

  it("GCJ-02 → BD-09 → GCJ-02 within 1e-6°", () => {
    for (const p of points) {
      const back = bd09ToGcj02(gcj02ToBd09(p));
      expect(Math.abs(back[0] - p[0]), String(p)).toBeLessThan(1e-6);
      expect(Math.abs(back[1] - p[1]), String(p)).toBeLessThan(1e-6);
    }
  });
});

describe("mapGeometry", () => {
  it("maps every position of a MultiPolygon and keeps the input unchanged", () => {
    const g: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      ],
    };
    const moved = mapGeometry(g, ([x, y]) => [x + 10, y + 20]);
    expect(moved.coordinates[0][0][1]).toEqual([11, 20]);
    expect(g.coordinates[0][0][1]).toEqual([1, 0]);
  });
});
