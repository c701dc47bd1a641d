import { describe, expect, it } from "vitest";
import {
  bd09ToGcj02,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  outOfChina,
  toWgs84,
  wgs84ToGcj02,
  type Crs,
} from "./crs";

// Published vectors. wandergis/coordtransform test/app.js (JavaScript), for the input (116.404, 39.915):
//   wgs84togcj02 → [116.41024449916938, 39.91640428150164]
//   gcj02tobd09  → [116.41036949371029, 39.92133699351021]
//   bd09togcj02  → [116.39762729119315, 39.90865673957631]   (Baidu's one-step inverse)
//   gcj02towgs84 → [116.39775550083061, 39.91359571849836]   (the one-step approximation)
// googollee/eviltransform's test suite, [wgsLat, wgsLng, gcjLat, gcjLng]:
const EVILTRANSFORM = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // Shanghai
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // Shenzhen
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657], // Beijing
] as const;

const grid = (w: number, s: number, e: number, n: number, step: number) => {
  const out: [number, number][] = [];
  for (let x = w; x <= e; x += step) for (let y = s; y <= n; y += step) out.push([x, y]);
  return out;
};

describe("GCJ-02", () => {
  it("matches coordtransform's published WGS84 → GCJ-02 vector", () => {
    const [x, y] = wgs84ToGcj02(116.404, 39.915);
    expect(x).toBeCloseTo(116.41024449916938, 12);
    expect(y).toBeCloseTo(39.91640428150164, 12);
  });

  it.each(EVILTRANSFORM)("matches eviltransform's vector at %f, %f", (wLat, wLng, gLat, gLng) => {
    const [x, y] = wgs84ToGcj02(wLng, wLat);
    expect(x).toBeCloseTo(gLng, 12);
    expect(y).toBeCloseTo(gLat, 12);
    const [bx, by] = gcj02ToWgs84(gLng, gLat);
    expect(Math.abs(bx - wLng)).toBeLessThan(1e-8);
    expect(Math.abs(by - wLat)).toBeLessThan(1e-8);
  });

  it("inverts exactly where the one-step approximation is off by ~5e-7°", () => {
    const [x, y] = gcj02ToWgs84(116.404, 39.915);
    const [fx, fy] = wgs84ToGcj02(x, y);
    expect(Math.abs(fx - 116.404)).toBeLessThan(1e-9);
    expect(Math.abs(fy - 39.915)).toBeLessThan(1e-9);
    // close to, but better than, coordtransform's approximate answer
    expect(Math.abs(x - 116.39775550083061)).toBeLessThan(1e-5);
    expect(Math.abs(y - 39.91359571849836)).toBeLessThan(1e-5);
    const [ax, ay] = wgs84ToGcj02(116.39775550083061, 39.91359571849836);
    expect(Math.hypot(ax - 116.404, ay - 39.915)).toBeGreaterThan(1e-7);
  });

  it("round-trips to < 1e-6° over a grid covering China", () => {
    let worst = 0;
    for (const [lng, lat] of grid(73.5, 18.2, 134.7, 53.5, 0.37)) {
      if (outOfChina(lng, lat)) continue;
      const [gx, gy] = wgs84ToGcj02(lng, lat);
      expect(Math.hypot(gx - lng, gy - lat)).toBeGreaterThan(1e-4); // the offset is really applied
      const [wx, wy] = gcj02ToWgs84(gx, gy);
      worst = Math.max(worst, Math.abs(wx - lng), Math.abs(wy - lat));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("is the identity outside China", () => {
    for (const [lng, lat] of [
      [-118.2437, 34.0522], // Los Angeles
      [2.3522, 48.8566], // Paris
      [139.6917, 35.6895], // Tokyo
      [151.2093, -33.8688], // Sydney
      [180, 90],
    ] as const) {
      expect(wgs84ToGcj02(lng, lat)).toEqual([lng, lat]);
      expect(gcj02ToWgs84(lng, lat)).toEqual([lng, lat]);
      expect(toWgs84(lng, lat, "gcj02")).toEqual([lng, lat]);
    }
  });
});

describe("BD-09", () => {
  it("matches coordtransform's published GCJ-02 ↔ BD-09 vectors", () => {
    const [bx, by] = gcj02ToBd09(116.404, 39.915);
    expect(bx).toBeCloseTo(116.41036949371029, 12);
    expect(by).toBeCloseTo(39.92133699351021, 12);
    const [gx, gy] = bd09ToGcj02(116.404, 39.915);
    expect(Math.abs(gx - 116.39762729119315)).toBeLessThan(1e-6);
    expect(Math.abs(gy - 39.90865673957631)).toBeLessThan(1e-6);
  });

  it("round-trips WGS84 → BD-09 → WGS84 to < 1e-6° over China", () => {
    let worst = 0;
    for (const [lng, lat] of grid(73.5, 18.2, 134.7, 53.5, 0.53)) {
      const [bx, by] = fromWgs84(lng, lat, "bd09");
      const [wx, wy] = toWgs84(bx, by, "bd09");
      worst = Math.max(worst, Math.abs(wx - lng), Math.abs(wy - lat));
    }
    expect(worst).toBeLessThan(1e-6);
  });
});

describe("toWgs84 / fromWgs84", () => {
  it.each<Crs>(["wgs84", "gcj02", "bd09"])("are inverse for %s around Ningbo", (crs) => {
    for (const [lng, lat] of grid(121.4, 29.7, 121.8, 30.0, 0.05)) {
      const [x, y] = fromWgs84(lng, lat, crs);
      const [bx, by] = toWgs84(x, y, crs);
      expect(Math.abs(bx - lng)).toBeLessThan(1e-6);
      expect(Math.abs(by - lat)).toBeLessThan(1e-6);
    }
  });

  it("leaves WGS84 unchanged", () => {
    expect(toWgs84(121.58, 29.87, "wgs84")).toEqual([121.58, 29.87]);
    expect(fromWgs84(121.58, 29.87, "wgs84")).toEqual([121.58, 29.87]);
  });
});
