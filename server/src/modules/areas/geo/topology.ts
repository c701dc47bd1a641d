import { pointSegmentMeters, polygonsOf, type AreaGeometry, type Ring } from "./geojson";
import { labelPoint } from "./label-point";
import { INSIDE, OUTSIDE, PreparedGeometry } from "./point-in-polygon";
import { forEachCandidatePair, intersectSegments, meetingPoint, NO_INTERSECTION, PROPER } from "./segments";

/** Two edges of one polygon that meet where they should not; edges are numbered by their first position. */
export interface SelfIntersection {
  ringA: number;
  edgeA: number;
  ringB: number;
  edgeB: number;
  position: [number, number];
}

/**
 * Places where the rings of one polygon (outer ring and holes) cross or touch themselves or each
 * other, up to `limit`. Consecutive repeated positions are ignored; a spike (an edge doubling back
 * on the previous one) counts.
 */
export function selfIntersections(rings: Ring[], limit = 100): SelfIntersection[] {
  let total = 0;
  for (const ring of rings) total += Math.max(ring.length - 1, 0);
  const s = new Float64Array(total * 4);
  const ringOf = new Int32Array(total),
    edgeOf = new Int32Array(total),
    seq = new Int32Array(total);
  const ringEdges: number[] = [];
  let n = 0;
  rings.forEach((ring, r) => {
    let count = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!,
        b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      s.set([a[0]!, a[1]!, b[0]!, b[1]!], n * 4);
      ringOf[n] = r;
      edgeOf[n] = i;
      seq[n] = count++;
      n++;
    }
    ringEdges.push(count);
  });

  const found: SelfIntersection[] = [];
  forEachCandidatePair(s, n, (i, j) => {
    const r = ringOf[i]!;
    const len = ringEdges[r]!;
    const gap = Math.abs(seq[i]! - seq[j]!);
    const adjacent = r === ringOf[j] && (gap === 1 || gap === len - 1);
    const meets = adjacent ? doublesBack(s, i, j) : intersectSegments(s, i, j) !== NO_INTERSECTION;
    if (meets)
      found.push({
        ringA: r,
        edgeA: edgeOf[i]!,
        ringB: ringOf[j]!,
        edgeB: edgeOf[j]!,
        position: meetingPoint(s, i, j),
      });
    return found.length < limit;
  });
  return found.sort(
    (a, b) => a.ringA - b.ringA || a.edgeA - b.edgeA || a.ringB - b.ringB || a.edgeB - b.edgeB,
  );
}

// Two edges sharing a vertex q overlap when their other ends lie on the same side of q on one line.
function doublesBack(s: Float64Array, i: number, j: number): boolean {
  const a = i * 4,
    b = j * 4;
  let qx: number, qy: number, px: number, py: number, rx: number, ry: number;
  if (s[a + 2] === s[b] && s[a + 3] === s[b + 1]) {
    [px, py, qx, qy, rx, ry] = [s[a]!, s[a + 1]!, s[a + 2]!, s[a + 3]!, s[b + 2]!, s[b + 3]!];
  } else if (s[b + 2] === s[a] && s[b + 3] === s[a + 1]) {
    [px, py, qx, qy, rx, ry] = [s[b]!, s[b + 1]!, s[b + 2]!, s[b + 3]!, s[a + 2]!, s[a + 3]!];
  } else return intersectSegments(s, i, j) !== NO_INTERSECTION;
  const cross = (px - qx) * (ry - qy) - (py - qy) * (rx - qx);
  return cross === 0 && (px - qx) * (rx - qx) + (py - qy) * (ry - qy) > 0;
}

/** Evidence that two areas overlap: an edge crossing, a vertex of one strictly inside the other, or a shared interior. */
export interface Overlap {
  how: "crossing" | "vertex" | "interior";
  position: [number, number];
  /**
   * How deep the overlap reaches: the largest distance from a vertex of one strictly inside the
   * other to the other's boundary (0 when only edges cross). Slivers of digitising are centimetres.
   */
  depthMeters: number;
}

/**
 * Whether two areas share interior: edges crossing properly, a vertex of one strictly inside the
 * other, or (for boundaries that only touch) a label point of one strictly inside the other.
 * Touching along shared edges is not an overlap.
 */
export function findOverlap(
  a: { geometry: AreaGeometry; prepared: PreparedGeometry },
  b: { geometry: AreaGeometry; prepared: PreparedGeometry },
): Overlap | null {
  const ab = a.prepared.bbox,
    bb = b.prepared.bbox;
  const w = Math.max(ab[0]!, bb[0]!),
    s = Math.max(ab[1]!, bb[1]!),
    e = Math.min(ab[2]!, bb[2]!),
    n = Math.min(ab[3]!, bb[3]!);
  if (w > e || s > n) return null;

  // edges of both that reach into the bboxes' overlap, tagged by owner
  const picked: number[] = [];
  const owner: number[] = [];
  [a, b].forEach((g, tag) => {
    for (const part of g.prepared.parts) {
      const ed = part.edges;
      for (let o = 0; o < ed.length; o += 4) {
        if (Math.max(ed[o]!, ed[o + 2]!) < w || Math.min(ed[o]!, ed[o + 2]!) > e) continue;
        if (Math.max(ed[o + 1]!, ed[o + 3]!) < s || Math.min(ed[o + 1]!, ed[o + 3]!) > n) continue;
        picked.push(ed[o]!, ed[o + 1]!, ed[o + 2]!, ed[o + 3]!);
        owner.push(tag);
      }
    }
  });
  const segs = Float64Array.from(picked);
  let crossing: Overlap | null = null;
  forEachCandidatePair(segs, owner.length, (i, j) => {
    if (owner[i] === owner[j] || intersectSegments(segs, i, j) !== PROPER) return true;
    crossing = { how: "crossing", position: meetingPoint(segs, i, j), depthMeters: 0 };
    return false;
  });

  let deepest: Overlap | null = null;
  for (let k = 0; k < owner.length; k++) {
    const x = segs[k * 4]!,
      y = segs[k * 4 + 1]!;
    const other = owner[k] === 0 ? b : a;
    if (other.prepared.classify(x, y) !== INSIDE) continue;
    const depth = boundaryMeters(other.prepared, x, y);
    if (!deepest || depth > deepest.depthMeters)
      deepest = { how: "vertex", position: [x, y], depthMeters: depth };
  }
  const crossed = crossing as Overlap | null; // assigned in the callback
  if (crossed) return { ...crossed, depthMeters: deepest?.depthMeters ?? 0 };
  if (deepest) return deepest;
  // No crossing and no vertex strictly inside: the boundaries at most touch, so either they are
  // apart or one's interior lies in the other (e.g. two identical polygons).
  for (const [g, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const p = labelPoint(g.geometry);
    if (other.prepared.classify(p.lng, p.lat) === INSIDE)
      return {
        how: "interior",
        position: [p.lng, p.lat],
        depthMeters: boundaryMeters(other.prepared, p.lng, p.lat),
      };
  }
  return null;
}

/** How far a child's vertices stray outside its parent. */
export interface OutsideParent {
  /** true when some vertex lies outside the parent by more than the tolerance */
  outside: boolean;
  verticesOutside: number;
  /** the vertex farthest outside, with its distance to the parent's boundary */
  worst: { position: [number, number]; meters: number } | null;
}

/**
 * Whether a child area's vertices fall outside its parent by more than `toleranceMeters`
 * (distance to the parent's boundary, equirectangular approximation).
 */
export function outsideParent(
  child: AreaGeometry,
  parent: AreaGeometry | PreparedGeometry,
  toleranceMeters: number,
): OutsideParent {
  const p = parent instanceof PreparedGeometry ? parent : new PreparedGeometry(parent);
  let worst: OutsideParent["worst"] = null;
  let verticesOutside = 0;
  for (const rings of polygonsOf(child))
    for (const ring of rings)
      for (let k = 0; k + 1 < ring.length; k++) {
        const x = ring[k]![0]!,
          y = ring[k]![1]!; // the closing position repeats the first
        if (p.classify(x, y) !== OUTSIDE) continue;
        verticesOutside++;
        const meters = boundaryMeters(p, x, y);
        if (!worst || meters > worst.meters) worst = { position: [x, y], meters };
      }
  return { outside: worst !== null && worst.meters > toleranceMeters, verticesOutside, worst };
}

/** Meters from a point to the nearest edge of a geometry. */
function boundaryMeters(g: PreparedGeometry, x: number, y: number): number {
  let meters = Infinity;
  for (const part of g.parts) {
    const ed = part.edges;
    for (let o = 0; o < ed.length; o += 4)
      meters = Math.min(meters, pointSegmentMeters(x, y, ed[o]!, ed[o + 1]!, ed[o + 2]!, ed[o + 3]!));
  }
  return meters;
}
