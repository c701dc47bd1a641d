import type { ImportProblem, ImportStatus, ImportSummary } from "../../../api/registry-types";
import type { Lang } from "../../../i18n/translate";

/** While an import is in one of these states the console polls it every second. */
export function isImportActive(status: ImportStatus | string): boolean {
  return status === "validating" || status === "loading";
}

export interface ImportProgress {
  /** 0–100, whole numbers; null while the row count is not known yet. */
  percent: number | null;
  /** antd Progress status. */
  status: "active" | "success" | "exception" | "normal";
  processed: number;
  total: number;
}

/**
 * The progress bar of an import: processed of total rows while it validates or loads (never 100
 * before it is done), full when done, and an exception when the file was refused or the load failed.
 */
export function importProgress(
  view: Pick<ImportSummary, "status" | "processedRows" | "totalRows">,
): ImportProgress {
  const total = Math.max(0, view.totalRows ?? 0);
  const processed = Math.min(Math.max(0, view.processedRows ?? 0), total || Infinity);
  switch (view.status) {
    case "done":
      return { percent: 100, status: "success", processed: total || processed, total };
    case "invalid":
    case "failed":
      return {
        percent: total ? Math.floor((processed / total) * 100) : 0,
        status: "exception",
        processed,
        total,
      };
    default: {
      if (!total) return { percent: null, status: "active", processed, total };
      const pct = Math.floor((processed / total) * 100);
      return { percent: Math.min(pct, 99), status: "active", processed, total };
    }
  }
}

/** A bad row's message in the UI language (the server writes both). */
export function problemText(problem: ImportProblem, lang: Lang): string {
  const m = problem.message;
  if (typeof m === "string") return m;
  return lang === "zh-CN" ? m.zh : m.en;
}

/** Bad rows in row order; within a row the server's order (the file's column order) is kept. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => a.row - b.row);
}

/** How many distinct rows are bad. */
export function badRowCount(problems: readonly ImportProblem[]): number {
  return new Set(problems.map((p) => p.row)).size;
}
