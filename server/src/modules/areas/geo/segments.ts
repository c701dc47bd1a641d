/**
 * Segment intersection over many segments: segments are bucketed in a uniform grid of about one
 * cell per segment, and only pairs sharing a cell are tested, each pair once (in the cell holding
 * the lower-left corner of their bboxes' overlap). A 10,000-edge ring is checked in milliseconds.
 */

export const NO_INTERSECTION = 0;
/** The interiors cross at one point. */
export const PROPER = 1;
/** An endpoint lies on the other segment, or the two overlap along a line. */
export const TOUCH = 2;

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

const within = (a: number, b: number, v: number) => (a < b ? v >= a && v <= b : v >= b && v <= a);

/** How segment i and segment j of `s` (x1, y1, x2, y2 per segment) meet. */
export function intersectSegments(s: Float64Array, i: number, j: number): number {
  const a = i * 4,
    b = j * 4;
  const ax1 = s[a]!,
    ay1 = s[a + 1]!,
    ax2 = s[a + 2]!,
    ay2 = s[a + 3]!;
  const bx1 = s[b]!,
    by1 = s[b + 1]!,
    bx2 = s[b + 2]!,
    by2 = s[b + 3]!;
  const d1 = orient(bx1, by1, bx2, by2, ax1, ay1);
  const d2 = orient(bx1, by1, bx2, by2, ax2, ay2);
  const d3 = orient(ax1, ay1, ax2, ay2, bx1, by1);
  const d4 = orient(ax1, ay1, ax2, ay2, bx2, by2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return PROPER;
  if (d1 === 0 && within(bx1, bx2, ax1) && within(by1, by2, ay1)) return TOUCH;
  if (d2 === 0 && within(bx1, bx2, ax2) && within(by1, by2, ay2)) return TOUCH;
  if (d3 === 0 && within(ax1, ax2, bx1) && within(ay1, ay2, by1)) return TOUCH;
  if (d4 === 0 && within(ax1, ax2, bx2) && within(ay1, ay2, by2)) return TOUCH;
  return NO_INTERSECTION;
}

/** A point where segments i and j meet (their crossing, or a shared/touching endpoint). */
export function meetingPoint(s: Float64Array, i: number, j: number): [number, number] {
  const a = i * 4,
    b = j * 4;
  const ax = s[a]!,
    ay = s[a + 1]!,
    rx = s[a + 2]! - ax,
    ry = s[a + 3]! - ay;
  const bx = s[b]!,
    by = s[b + 1]!,
    qx = s[b + 2]! - bx,
    qy = s[b + 3]! - by;
  const denom = rx * qy - ry * qx;
  if (denom !== 0) {
    const t = ((bx - ax) * qy - (by - ay) * qx) / denom;
    if (t >= 0 && t <= 1) return [ax + t * rx, ay + t * ry];
  }
  // collinear or touching: the first endpoint of one lying on the other
  for (const [px, py, o] of [
    [bx, by, a],
    [bx + qx, by + qy, a],
    [ax, ay, b],
    [ax + rx, ay + ry, b],
  ] as const) {
    const x1 = s[o]!,
      y1 = s[o + 1]!,
      x2 = s[o + 2]!,
      y2 = s[o + 3]!;
    if (orient(x1, y1, x2, y2, px, py) === 0 && within(x1, x2, px) && within(y1, y2, py)) return [px, py];
  }
  return [ax, ay];
}

/**
 * Calls `visit(i, j)` (i < j) once for every pair of segments whose bboxes intersect; stops when
 * `visit` returns false.
 */
export function forEachCandidatePair(
  s: Float64Array,
  count: number,
  visit: (i: number, j: number) => boolean,
) {
  if (count < 2) return;
  let w = Infinity,
    so = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let k = 0; k < count * 4; k += 2) {
    const x = s[k]!,
      y = s[k + 1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < so) so = y;
    if (y > n) n = y;
  }
  const width = e - w || 1e-12,
    height = n - so || 1e-12;
  const cols = Math.max(1, Math.min(count, Math.round(Math.sqrt((count * width) / height))));
  const rows = Math.max(1, Math.min(count, Math.round(count / cols)));
  const cw = width / cols,
    ch = height / rows;
  const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - w) / cw)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - so) / ch)));

  const box = new Float64Array(count * 4); // minx, miny, maxx, maxy
  const span = new Int32Array(count * 4); // c0, r0, c1, r1
  const sizes = new Int32Array(cols * rows + 1);
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    box[o] = Math.min(s[o]!, s[o + 2]!);
    box[o + 1] = Math.min(s[o + 1]!, s[o + 3]!);
    box[o + 2] = Math.max(s[o]!, s[o + 2]!);
    box[o + 3] = Math.max(s[o + 1]!, s[o + 3]!);
    span[o] = col(box[o]!);
    span[o + 1] = row(box[o + 1]!);
    span[o + 2] = col(box[o + 2]!);
    span[o + 3] = row(box[o + 3]!);
    for (let r = span[o + 1]!; r <= span[o + 3]!; r++)
      for (let c = span[o]!; c <= span[o + 2]!; c++) sizes[r * cols + c + 1]!++;
  }
  for (let c = 0; c < cols * rows; c++) sizes[c + 1]! += sizes[c]!;
  const items = new Int32Array(sizes[cols * rows]!);
  const fill = sizes.slice(0, cols * rows);
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    for (let r = span[o + 1]!; r <= span[o + 3]!; r++)
      for (let c = span[o]!; c <= span[o + 2]!; c++) items[fill[r * cols + c]!++] = i;
  }

  for (let cell = 0; cell < cols * rows; cell++) {
    const from = sizes[cell]!,
      to = sizes[cell + 1]!;
    for (let p = from; p < to; p++) {
      const i = items[p]!,
        oi = i * 4;
      for (let q = p + 1; q < to; q++) {
        const j = items[q]!,
          oj = j * 4;
        if (
          box[oi]! > box[oj + 2]! ||
          box[oj]! > box[oi + 2]! ||
          box[oi + 1]! > box[oj + 3]! ||
          box[oj + 1]! > box[oi + 3]!
        )
          continue;
        // test the pair only in the one cell that holds the lower-left corner of the bboxes' overlap
        const cx = span[oi]! > span[oj]! ? span[oi]! : span[oj]!;
        const cy = span[oi + 1]! > span[oj + 1]! ? span[oi + 1]! : span[oj + 1]!;
        if (cy * cols + cx !== cell) continue;
        if (!(i < j ? visit(i, j) : visit(j, i))) return;
      }
    }
  }
}
