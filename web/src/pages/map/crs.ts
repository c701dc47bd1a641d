import type { AreaGeometry } from "../../api/types";

/**
 * Coordinate systems of Chinese map providers. Area geometry is stored in WGS84; a basemap in
 * GCJ-02 (AMap, Tencent, Tianditu's Chinese variants) or BD-09 (Baidu) needs the polygons
 * shifted the same way its tiles are, or they sit a few hundred metres off.
 */

/** A coordinate system a basemap may use. */
export type Crs = "wgs84" | "gcj02" | "bd09";

/** `[lng, lat]`, as in GeoJSON. */
export type LngLat = [number, number];

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as GCJ-02 uses it
const EE = 0.006693421622965943; // its first eccentricity squared
const X_PI = (Math.PI * 3000.0) / 180.0;

/** True outside the rectangle GCJ-02 shifts; there GCJ-02 equals WGS84. */
export function outOfChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS84 → GCJ-02 (the published "Mars" offset); points outside China are returned as they are. */
export function wgs84ToGcj02(p: LngLat): LngLat {
  if (outOfChina(p)) return [p[0], p[1]];
  const [lng, lat] = p;
  let dLat = shiftLat(lng - 105.0, lat - 35.0);
  let dLng = shiftLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** GCJ-02 → WGS84 by fixed-point iteration of the forward shift; better than 1e-9° in China. */
export function gcj02ToWgs84(p: LngLat): LngLat {
  if (outOfChina(p)) return [p[0], p[1]];
  let guess: LngLat = [p[0], p[1]];
  for (let i = 0; i < 10; i++) {
    const shifted = wgs84ToGcj02(guess);
    const dLng = p[0] - shifted[0];
    const dLat = p[1] - shifted[1];
    guess = [guess[0] + dLng, guess[1] + dLat];
    if (Math.abs(dLng) < 1e-12 && Math.abs(dLat) < 1e-12) break;
  }
  return guess;
}

/** GCJ-02 → BD-09 (Baidu's further offset). */
export function gcj02ToBd09([lng, lat]: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 → GCJ-02, the usual closed-form inverse (error below 1e-6°). */
export function bd09ToGcj02([lng, lat]: LngLat): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** The function taking a WGS84 point into `crs`. */
export function fromWgs84(crs: Crs): (p: LngLat) => LngLat {
  switch (crs) {
    case "gcj02":
      return wgs84ToGcj02;
    case "bd09":
      return (p) => gcj02ToBd09(wgs84ToGcj02(p));
    default:
      return (p) => [p[0], p[1]];
  }
}

/** A copy of the geometry with every position mapped by `f`. */
export function mapGeometry(geometry: AreaGeometry, f: (p: LngLat) => LngLat): AreaGeometry {
  const ring = (r: number[][]) => r.map((pos) => f([pos[0], pos[1]]) as number[]);
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map(ring) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}
