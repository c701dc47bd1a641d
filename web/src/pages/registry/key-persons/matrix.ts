import type { KeyPersonCount } from "../../../api/registry-types";

/** The six GB/T 31000 categories, in code order. */
export const CATEGORIES = ["01", "02", "03", "04", "05", "06"] as const;
/** Attention levels from high to none (GB/T 31000 关注程度: 01 高, 02 中, 03 低, 00 无). */
export const LEVELS = ["01", "02", "03", "00"] as const;

export interface MatrixRow {
  category: string;
  /** Count by attention level. */
  cells: Record<string, number>;
  total: number;
}

export interface Matrix {
  rows: MatrixRow[];
  /** Column totals by attention level. */
  levelTotals: Record<string, number>;
  total: number;
  /** The largest cell, for the colour scale (0 when empty). */
  max: number;
}

/**
 * Turns the server's counts into a category × attention-level matrix: every category and level
 * appears (zero when absent), counts of the same cell add up, unknown codes get their own row or
 * column after the known ones.
 */
export function buildMatrix(
  counts: readonly KeyPersonCount[],
  categories: readonly string[] = CATEGORIES,
  levels: readonly string[] = LEVELS,
): Matrix & { levels: string[] } {
  const cats = [...categories];
  const lvls = [...levels];
  for (const c of counts) {
    if (!cats.includes(c.category)) cats.push(c.category);
    if (!lvls.includes(c.attentionLevel)) lvls.push(c.attentionLevel);
  }
  const zero = () => Object.fromEntries(lvls.map((l) => [l, 0])) as Record<string, number>;
  const byCategory = new Map(cats.map((c) => [c, zero()]));
  for (const c of counts) byCategory.get(c.category)![c.attentionLevel]! += c.count;
  const levelTotals = zero();
  let total = 0;
  let max = 0;
  const rows = cats.map((category) => {
    const cells = byCategory.get(category)!;
    let rowTotal = 0;
    for (const l of lvls) {
      const n = cells[l]!;
      rowTotal += n;
      levelTotals[l]! += n;
      max = Math.max(max, n);
    }
    total += rowTotal;
    return { category, cells, total: rowTotal };
  });
  return { rows, levelTotals, total, max, levels: lvls };
}

/**
 * The background of a heat-map cell: white for none, then deeper as the count nears the maximum
 * (an alpha of the theme's blue between 0.08 and 0.8; counts are people cared for, not alarms).
 */
export function heat(count: number, max: number): string | undefined {
  if (count <= 0 || max <= 0) return undefined;
  const alpha = 0.08 + 0.72 * Math.min(1, count / max);
  return `rgba(22, 119, 255, ${alpha.toFixed(2)})`;
}

/** Whether a cell's text should be white for contrast on its heat colour. */
export function heatTextIsLight(count: number, max: number): boolean {
  return max > 0 && count / max > 0.55;
}

/** A share as a percentage with one decimal, or null when the base is zero. */
export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** The stats endpoint's per-category level counts as matrix cells. */
export function countsFromStats(
  categories: readonly { category: string; byLevel: Record<string, number> }[],
): KeyPersonCount[] {
  return categories.flatMap((c) =>
    Object.entries(c.byLevel).map(([attentionLevel, count]) => ({
      category: c.category,
      attentionLevel,
      count,
    })),
  );
}

/** The group's employment rate over all categories: employed ÷ working-age key persons (null when none). */
export function overallEmployment(rows: readonly { employed: number; workingAge: number }[]): {
  employed: number;
  workingAge: number;
  rate: number | null;
} {
  const employed = rows.reduce((a, r) => a + r.employed, 0);
  const workingAge = rows.reduce((a, r) => a + r.workingAge, 0);
  return { employed, workingAge, rate: workingAge ? employed / workingAge : null };
}

/** A 0–1 ratio as a percentage text with one decimal ("—" for none). */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "—";
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
