/** The GeoJSON shapes an area may have (RFC 7946), WGS84 longitude/latitude. */
export type Position = number[];
export type Ring = Position[];
export interface Polygon {
  type: "Polygon";
  coordinates: Ring[];
}
export interface MultiPolygon {
  type: "MultiPolygon";
  coordinates: Ring[][];
}
export type AreaGeometry = Polygon | MultiPolygon;
/** [west, south, east, north] */
export type BBox = [number, number, number, number];

/** The polygons of a geometry, each as its rings (outer ring first, then holes). */
export const polygonsOf = (g: AreaGeometry): Ring[][] =>
  g.type === "Polygon" ? [g.coordinates] : g.coordinates;

/** The bounding box of a geometry's rings. */
export function bboxOf(g: AreaGeometry): BBox {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const poly of polygonsOf(g))
    for (const ring of poly)
      for (const p of ring) {
        const x = p[0]!,
          y = p[1]!;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return [w, s, e, n];
}

export const bboxesIntersect = (a: BBox, b: BBox) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Meters from (x, y) to the segment (x1, y1)–(x2, y2), all in degrees; equirectangular around y. */
export function pointSegmentMeters(
  x: number,
  y: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): number {
  const k = Math.cos(y * RAD);
  const ax = (x1 - x) * k,
    ay = y1 - y,
    bx = (x2 - x) * k,
    by = y2 - y;
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const px = ax + t * dx,
    py = ay + t * dy;
  return Math.sqrt(px * px + py * py) * RAD * EARTH_RADIUS_M;
}
