/**
 * Coordinate systems of Chinese map providers. Pingan stores WGS84; AMap and Tencent use GCJ-02
 * (国测局 "火星坐标"), Baidu uses BD-09 (GCJ-02 with a further offset).
 *
 * The GCJ-02 formula is the widely reproduced one (e.g. wandergis/coordtransform): Krasovsky
 * ellipsoid, polynomial-and-sine offsets around (105°E, 35°N), applied only inside China's bounding
 * box. Its inverse has no closed form; `toWgs84` iterates the forward formula to < 1e-9°.
 */
import type { AreaGeometry } from "./geojson";

export type Crs = "wgs84" | "gcj02" | "bd09";
export const CRS_VALUES: readonly Crs[] = ["wgs84", "gcj02", "bd09"];

const A = 6378245.0; // Krasovsky 1940 semi-major axis
const EE = 0.006693421622965943; // its eccentricity squared (0.00669342162296594323 as usually written)
const X_PI = (Math.PI * 3000.0) / 180.0;
const INVERSE_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 30;

/** The usual rough test: outside China's bounding box GCJ-02 equals WGS84. */
export const outOfChina = (lng: number, lat: number) =>
  lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS84 → GCJ-02 (identity outside China). */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) return [lng, lat];
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(lng - 105.0, lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** GCJ-02 → WGS84 by fixed-point iteration on the forward formula (identity outside China). */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) return [lng, lat];
  return invert(wgs84ToGcj02, lng, lat);
}

/** GCJ-02 → BD-09. */
export function gcj02ToBd09(lng: number, lat: number): [number, number] {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 → GCJ-02: Baidu's one-step inverse refined by iteration, so round trips close to < 1e-9°. */
export function bd09ToGcj02(lng: number, lat: number): [number, number] {
  return invert(gcj02ToBd09, lng, lat);
}

// Solves forward(p) = target by p ← p − (forward(p) − target), starting from target: the offsets
// change slowly with position, so each step gains several digits.
function invert(forward: (lng: number, lat: number) => [number, number], lng: number, lat: number) {
  let x = lng,
    y = lat;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [fx, fy] = forward(x, y);
    const dx = fx - lng,
      dy = fy - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < INVERSE_TOLERANCE && Math.abs(dy) < INVERSE_TOLERANCE) break;
  }
  return [x, y] as [number, number];
}

/** Converts a coordinate given in `crs` to WGS84, the system Pingan stores. */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  switch (crs) {
    case "wgs84":
      return [lng, lat];
    case "gcj02":
      return gcj02ToWgs84(lng, lat);
    case "bd09": {
      const [x, y] = bd09ToGcj02(lng, lat);
      return gcj02ToWgs84(x, y);
    }
  }
}

/** Converts a stored WGS84 coordinate to `crs`, e.g. for display on an AMap or Baidu basemap. */
export function fromWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  switch (crs) {
    case "wgs84":
      return [lng, lat];
    case "gcj02":
      return wgs84ToGcj02(lng, lat);
    case "bd09": {
      const [x, y] = wgs84ToGcj02(lng, lat);
      return gcj02ToBd09(x, y);
    }
  }
}

/** A polygon geometry converted from the given coordinate system to WGS84 (the same object for WGS84). */
export function geometryToWgs84(geometry: AreaGeometry, crs: Crs): AreaGeometry {
  if (crs === "wgs84") return geometry;
  const ring = (r: number[][]) => r.map(([lng, lat]) => toWgs84(lng!, lat!, crs));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}
