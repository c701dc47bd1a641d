import { polygonsOf, type AreaGeometry, type Ring } from "./geojson";

/** Where a point lies relative to a polygon. */
export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;
export type PointClass = typeof OUTSIDE | typeof INSIDE | typeof BOUNDARY;

// Polygons with more edges than this get horizontal bands, so a query looks only at the edges near its latitude.
const BAND_THRESHOLD = 32;
const EDGES_PER_BAND = 4;

/**
 * One polygon (outer ring and holes) flattened into a Float64Array of edges, ready for repeated
 * allocation-free point queries. Large polygons are cut into horizontal bands that list the edges
 * whose latitude range touches them.
 */
export class PreparedPolygon {
  /** west, south, east, north */
  readonly bbox = new Float64Array(4);
  /** x1, y1, x2, y2 per edge */
  readonly edges: Float64Array;
  readonly edgeCount: number;
  private readonly bandCount: number;
  private readonly bandHeight: number;
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;

  constructor(rings: Ring[]) {
    let count = 0;
    for (const ring of rings) count += Math.max(ring.length - 1, 0);
    this.edges = new Float64Array(count * 4);
    this.edgeCount = count;
    let w = Infinity,
      s = Infinity,
      e = -Infinity,
      n = -Infinity;
    let k = 0;
    for (const ring of rings)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!,
          b = ring[i + 1]!;
        this.edges[k++] = a[0]!;
        this.edges[k++] = a[1]!;
        this.edges[k++] = b[0]!;
        this.edges[k++] = b[1]!;
        if (a[0]! < w) w = a[0]!;
        if (a[0]! > e) e = a[0]!;
        if (a[1]! < s) s = a[1]!;
        if (a[1]! > n) n = a[1]!;
      }
    this.bbox.set([w, s, e, n]);

    this.bandCount = count > BAND_THRESHOLD && n > s ? Math.ceil(count / EDGES_PER_BAND) : 1;
    this.bandHeight = this.bandCount > 1 ? (n - s) / this.bandCount : 1;
    const lo = new Int32Array(count),
      hi = new Int32Array(count);
    const sizes = new Int32Array(this.bandCount + 1);
    for (let i = 0; i < count; i++) {
      const y1 = this.edges[i * 4 + 1]!,
        y2 = this.edges[i * 4 + 3]!;
      lo[i] = this.band(y1 < y2 ? y1 : y2);
      hi[i] = this.band(y1 < y2 ? y2 : y1);
      for (let b = lo[i]!; b <= hi[i]!; b++) sizes[b + 1]!++;
    }
    for (let b = 0; b < this.bandCount; b++) sizes[b + 1]! += sizes[b]!;
    this.bandStart = sizes;
    this.bandEdges = new Int32Array(sizes[this.bandCount]!);
    const fill = sizes.slice(0, this.bandCount);
    for (let i = 0; i < count; i++) for (let b = lo[i]!; b <= hi[i]!; b++) this.bandEdges[fill[b]!++] = i;
  }

  // The same formula places edges and queries, so an edge whose range holds y is always in y's band.
  private band(y: number): number {
    if (this.bandCount === 1) return 0;
    const b = Math.floor((y - this.bbox[1]!) / this.bandHeight);
    return b < 0 ? 0 : b >= this.bandCount ? this.bandCount - 1 : b;
  }

  /** Even-odd ray casting; a point on an edge or vertex is BOUNDARY. Allocates nothing. */
  classify(x: number, y: number): PointClass {
    const bb = this.bbox;
    if (!(x >= bb[0]! && x <= bb[2]! && y >= bb[1]! && y <= bb[3]!)) return OUTSIDE;
    const edges = this.edges;
    const b = this.band(y);
    const from = this.bandStart[b]!,
      to = this.bandStart[b + 1]!;
    const ids = this.bandEdges;
    let inside = false;
    for (let j = from; j < to; j++) {
      const o = ids[j]! * 4;
      const x1 = edges[o]!,
        y1 = edges[o + 1]!,
        x2 = edges[o + 2]!,
        y2 = edges[o + 3]!;
      if (y1 < y2 ? y < y1 || y > y2 : y < y2 || y > y1) continue;
      // cross / (y2 - y1) is the signed distance from x to where the edge meets the horizontal line.
      const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
      if (cross === 0 && (x1 < x2 ? x >= x1 && x <= x2 : x >= x2 && x <= x1)) return BOUNDARY;
      if (y1 > y !== y2 > y && (y2 > y1 ? cross > 0 : cross < 0)) inside = !inside;
    }
    return inside ? INSIDE : OUTSIDE;
  }
}

/** A Polygon or MultiPolygon as prepared parts; a point is inside when any part holds it. */
export class PreparedGeometry {
  readonly parts: PreparedPolygon[];
  readonly bbox = new Float64Array(4);

  constructor(geometry: AreaGeometry) {
    this.parts = polygonsOf(geometry).map((rings) => new PreparedPolygon(rings));
    this.bbox.set([Infinity, Infinity, -Infinity, -Infinity]);
    for (const p of this.parts) {
      this.bbox[0] = Math.min(this.bbox[0]!, p.bbox[0]!);
      this.bbox[1] = Math.min(this.bbox[1]!, p.bbox[1]!);
      this.bbox[2] = Math.max(this.bbox[2]!, p.bbox[2]!);
      this.bbox[3] = Math.max(this.bbox[3]!, p.bbox[3]!);
    }
  }

  /** INSIDE if any part holds the point strictly, else BOUNDARY if it is on any part's boundary. */
  classify(x: number, y: number): PointClass {
    let result: PointClass = OUTSIDE;
    for (let i = 0; i < this.parts.length; i++) {
      const c = this.parts[i]!.classify(x, y);
      if (c === INSIDE) return INSIDE;
      if (c === BOUNDARY) result = BOUNDARY;
    }
    return result;
  }

  /** True when the point is inside or on the boundary. */
  contains(x: number, y: number): boolean {
    for (let i = 0; i < this.parts.length; i++) if (this.parts[i]!.classify(x, y) !== OUTSIDE) return true;
    return false;
  }
}

/** One-off test: is (lng, lat) inside the geometry or on its boundary? Prepare once for repeated queries. */
export const pointInPolygon = (geometry: AreaGeometry, lng: number, lat: number): boolean =>
  new PreparedGeometry(geometry).contains(lng, lat);

/** One-off test: is (lng, lat) exactly on an edge or vertex of the geometry? */
export const onBoundary = (geometry: AreaGeometry, lng: number, lat: number): boolean =>
  new PreparedGeometry(geometry).classify(lng, lat) === BOUNDARY;
