/** Problems that refuse the whole import. */
export type ErrorKind =
  | "not_feature_collection"
  | "feature_invalid"
  | "geometry_type"
  | "geometry_invalid"
  | "ring_not_closed"
  | "ring_too_short"
  | "coordinate_not_numeric"
  | "coordinate_out_of_range"
  | "code_missing"
  | "code_duplicate";
/** Problems real boundary files often have: kept with the areas, refused only when strict. */
export type WarningKind = "name_missing" | "self_intersection" | "sibling_overlap" | "outside_parent" | "gap";

export interface Problem {
  /** index in `features`, or null for the file as a whole */
  featureIndex: number | null;
  code?: string;
  /** "too_many_problems" closes a list that was cut short */
  kind: ErrorKind | WarningKind | "too_many_problems";
  message: { zh: string; en: string };
  /** where on the map, when the problem is at a point */
  position?: [number, number];
  /** the other feature of a pair (overlaps, duplicate codes) */
  otherIndex?: number;
}

export const where = (i: number, code?: string) => ({
  zh: code ? `要素 #${i}（编码 ${code}）` : `要素 #${i}`,
  en: code ? `feature #${i} (code ${code})` : `feature #${i}`,
});
export const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};
export const pt = (p: readonly number[]) => `[${p[0]}, ${p[1]}]`;

/** A list of problems that keeps the first `max` and counts the rest. */
export class ProblemList {
  readonly items: Problem[] = [];
  private dropped = 0;
  constructor(private readonly max: number) {}
  add(p: Problem) {
    if (this.items.length < this.max) this.items.push(p);
    else this.dropped++;
  }
  close(kind: "errors" | "warnings") {
    if (this.dropped === 0) return this.items;
    const zh = kind === "errors" ? "错误" : "警告";
    return [
      ...this.items,
      {
        featureIndex: null,
        kind: "too_many_problems" as const,
        message: { zh: `另有 ${this.dropped} 条${zh}未列出`, en: `${this.dropped} more ${kind} not listed` },
      },
    ];
  }
}
