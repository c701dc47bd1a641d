import type { AreaGeometry, BBox } from "./geojson";
import { PreparedGeometry } from "./point-in-polygon";

/** What the index needs of an area; `depth` is its path depth (a deeper area is smaller). */
export interface IndexedArea {
  code: string;
  level: string;
  depth: number;
  geometry: AreaGeometry;
}

/** Depth of a materialised path "/a/b/c/" (3 here). */
export const pathDepth = (path: string) => path.split("/").filter(Boolean).length;

const MAX_CELLS = 1 << 22;

/**
 * A static point → area index: a uniform grid over the data's bbox whose cells list the areas whose
 * bbox touches them, in priority order (deepest first, then lower code), over polygons prepared as
 * flat Float64Arrays. `locate` allocates nothing.
 */
export class AreaIndex<T extends IndexedArea = IndexedArea> {
  /** Areas in priority order: deeper first; among equal depths the lower code (string order). */
  readonly areas: readonly T[];
  /** west, south, east, north per area, in `areas` order */
  readonly bboxes: Float64Array;
  private readonly shapes: PreparedGeometry[];
  private readonly west: number;
  private readonly south: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;

  constructor(areas: readonly T[]) {
    this.areas = [...areas].sort((a, b) =>
      a.depth !== b.depth ? b.depth - a.depth : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
    );
    this.shapes = this.areas.map((a) => new PreparedGeometry(a.geometry));
    const n = this.areas.length;
    this.bboxes = new Float64Array(n * 4);
    let w = Infinity,
      s = Infinity,
      e = -Infinity,
      no = -Infinity;
    const sizes: number[] = [];
    this.shapes.forEach((shape, i) => {
      const [bw, bs, be, bn] = shape.bbox;
      this.bboxes.set(shape.bbox, i * 4);
      w = Math.min(w, bw!);
      s = Math.min(s, bs!);
      e = Math.max(e, be!);
      no = Math.max(no, bn!);
      sizes.push(Math.max(be! - bw!, bn! - bs!));
    });
    if (n === 0) [w, s, e, no] = [0, 0, 0, 0];
    this.west = w;
    this.south = s;

    // Cells about half the median area's size: the median is an area of the most numerous (deepest) level.
    sizes.sort((a, b) => a - b);
    let cell = (sizes[sizes.length >> 1] ?? 0) / 2;
    const width = e - w,
      height = no - s;
    if (!(cell > 0)) cell = Math.max(width, height) || 1;
    while (Math.ceil(width / cell) * Math.ceil(height / cell) > MAX_CELLS) cell *= 2;
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    this.cellW = width / this.cols || 1;
    this.cellH = height / this.rows || 1;

    const counts = new Int32Array(this.cols * this.rows + 1);
    const visit = (i: number, f: (c: number) => void) => {
      const c0 = this.col(this.bboxes[i * 4]!),
        c1 = this.col(this.bboxes[i * 4 + 2]!);
      const r0 = this.row(this.bboxes[i * 4 + 1]!),
        r1 = this.row(this.bboxes[i * 4 + 3]!);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * this.cols + c);
    };
    for (let i = 0; i < n; i++) visit(i, (c) => counts[c + 1]!++);
    for (let c = 0; c < this.cols * this.rows; c++) counts[c + 1]! += counts[c]!;
    this.cellStart = counts;
    this.cellItems = new Int32Array(counts[this.cols * this.rows]!);
    const fill = counts.slice(0, this.cols * this.rows);
    // Areas go in in priority order, so every cell's list is in priority order too.
    for (let i = 0; i < n; i++) visit(i, (c) => (this.cellItems[fill[c]!++] = i));
  }

  private col(x: number): number {
    const c = Math.floor((x - this.west) / this.cellW);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private row(y: number): number {
    const r = Math.floor((y - this.south) / this.cellH);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  get size(): number {
    return this.areas.length;
  }

  /** The index in `areas` of the smallest area holding the point (boundary included), or -1. */
  locateIndex(lng: number, lat: number): number {
    if (Number.isNaN(lng) || Number.isNaN(lat)) return -1;
    const c = this.col(lng) + this.row(lat) * this.cols;
    const items = this.cellItems,
      boxes = this.bboxes;
    for (let j = this.cellStart[c]!, end = this.cellStart[c + 1]!; j < end; j++) {
      const i = items[j]!,
        o = i * 4;
      if (lng < boxes[o]! || lng > boxes[o + 2]! || lat < boxes[o + 1]! || lat > boxes[o + 3]!) continue;
      if (this.shapes[i]!.contains(lng, lat)) return i;
    }
    return -1;
  }

  /**
   * The smallest area that holds the point: the deepest wins, and among equals the lower code, so a
   * point on an edge shared by two neighbours always goes to the same one. Null outside every area.
   */
  locate(lng: number, lat: number): T | null {
    const i = this.locateIndex(lng, lat);
    return i < 0 ? null : this.areas[i]!;
  }

  /** Every area that holds the point (boundary included), smallest first. */
  locateAll(lng: number, lat: number): T[] {
    const out: T[] = [];
    const c = this.col(lng) + this.row(lat) * this.cols;
    for (let j = this.cellStart[c]!, end = this.cellStart[c + 1]!; j < end; j++) {
      const i = this.cellItems[j]!;
      if (this.shapes[i]!.contains(lng, lat)) out.push(this.areas[i]!);
    }
    return out;
  }

  /** The bbox of the area at `index` in `areas`. */
  bboxAt(index: number): BBox {
    const o = index * 4;
    return [this.bboxes[o]!, this.bboxes[o + 1]!, this.bboxes[o + 2]!, this.bboxes[o + 3]!];
  }
}
