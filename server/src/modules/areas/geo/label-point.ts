import { polygonsOf, type AreaGeometry, type Ring } from "./geojson";
import { INSIDE, PreparedPolygon } from "./point-in-polygon";

const MAX_CELLS = 20_000;

/**
 * Where an area's label goes: a point strictly inside its largest polygon. The centroid when that
 * lies inside, else the pole of inaccessibility (polylabel: the inside point farthest from the edges).
 */
export function labelPoint(geometry: AreaGeometry): { lat: number; lng: number } {
  let best: Ring[] | undefined;
  let bestArea = -1;
  for (const rings of polygonsOf(geometry)) {
    const a = rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
    if (a > bestArea) [best, bestArea] = [rings, a];
  }
  if (!best || best.length === 0 || best[0]!.length === 0) throw new RangeError("labelPoint: empty geometry");
  const prepared = new PreparedPolygon(best);
  const [cx, cy] = centroid(best);
  const at = (x: number, y: number) => ({ lat: round(y), lng: round(x) });
  if (prepared.classify(round(cx), round(cy)) === INSIDE) return at(cx, cy);
  const [px, py] = poleOfInaccessibility(best, prepared);
  if (prepared.classify(round(px), round(py)) === INSIDE) return at(px, py);
  return { lat: py, lng: px };
}

const round = (v: number) => Math.round(v * 1e7) / 1e7;

/** Twice the signed area of a closed ring (shoelace), relative to its first vertex for precision. */
function ringArea(ring: Ring): number {
  const x0 = ring[0]![0]!,
    y0 = ring[0]![1]!;
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    a += (ring[i]![0]! - x0) * (ring[i + 1]![1]! - y0) - (ring[i + 1]![0]! - x0) * (ring[i]![1]! - y0);
  return a;
}

/** Area-weighted centroid of a polygon with holes (holes subtract). */
function centroid(rings: Ring[]): [number, number] {
  const x0 = rings[0]![0]![0]!,
    y0 = rings[0]![0]![1]!;
  let area = 0,
    sx = 0,
    sy = 0;
  rings.forEach((ring, r) => {
    let a = 0,
      rx = 0,
      ry = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const xi = ring[i]![0]! - x0,
        yi = ring[i]![1]! - y0,
        xj = ring[i + 1]![0]! - x0,
        yj = ring[i + 1]![1]! - y0;
      const f = xi * yj - xj * yi;
      a += f;
      rx += (xi + xj) * f;
      ry += (yi + yj) * f;
    }
    // orient every ring's contribution: the outer ring adds, holes subtract
    const sign = (r === 0 ? 1 : -1) * (a < 0 ? -1 : 1);
    area += sign * a;
    sx += sign * rx;
    sy += sign * ry;
  });
  if (area === 0) return [rings[0]![0]![0]!, rings[0]![0]![1]!];
  return [x0 + sx / (3 * area), y0 + sy / (3 * area)];
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

/** Polylabel (Mapbox's algorithm) with longitudes scaled by cos(latitude) so distances are even. */
function poleOfInaccessibility(rings: Ring[], prepared: PreparedPolygon): [number, number] {
  const [w, s, e, n] = prepared.bbox as unknown as [number, number, number, number];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const width = (e - w) * k,
    height = n - s;
  const size = Math.min(width, height);
  if (size === 0) return [w, s];
  const precision = Math.max(width, height) / 1000;
  const edges = prepared.edges;

  // signed distance (scaled degrees) from (x, y) to the boundary: positive inside
  const dist = (x: number, y: number) => {
    let min = Infinity;
    for (let o = 0; o < edges.length; o += 4) {
      const ax = edges[o]! * k,
        ay = edges[o + 1]!,
        bx = edges[o + 2]! * k,
        by = edges[o + 3]!;
      const dx = bx - ax,
        dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = ax + t * dx - x,
        ey = ay + t * dy - y;
      const d2 = ex * ex + ey * ey;
      if (d2 < min) min = d2;
    }
    const d = Math.sqrt(min);
    return prepared.classify(x / k, y) === INSIDE ? d : -d;
  };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = dist(x, y);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };

  const heap: Cell[] = [];
  const push = (c: Cell) => {
    heap.push(c);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (heap[p]!.max >= heap[i]!.max) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const pop = (): Cell => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]!.max > heap[m]!.max) m = l;
        if (r < heap.length && heap[r]!.max > heap[m]!.max) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };

  const h0 = size / 2;
  for (let x = w * k; x < e * k; x += size) for (let y = s; y < n; y += size) push(cell(x + h0, y + h0, h0));
  const [cx, cy] = centroid(rings);
  let best = cell(cx * k, cy, 0);
  const bboxCenter = cell(((w + e) / 2) * k, (s + n) / 2, 0);
  if (bboxCenter.d > best.d) best = bboxCenter;

  let processed = 0;
  while (heap.length > 0 && processed++ < MAX_CELLS) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    push(cell(c.x - h, c.y - h, h));
    push(cell(c.x + h, c.y - h, h));
    push(cell(c.x - h, c.y + h, h));
    push(cell(c.x + h, c.y + h, h));
  }
  return [best.x / k, best.y];
}
