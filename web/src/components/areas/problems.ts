import { ApiError } from "../../api/client";
import type { Problem } from "../../api/area-types";
import type { Lang } from "../../i18n/translate";

const isProblem = (v: unknown): v is Problem => {
  if (typeof v !== "object" || v === null) return false;
  const p = v as Record<string, unknown>;
  const m = p.message as Record<string, unknown> | undefined;
  return typeof p.kind === "string" && typeof m === "object" && m !== null && typeof m.zh === "string";
};

/** The problems a refused import (or split, or redraw) listed in its error body; [] for any other error. */
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.details.problems;
  return Array.isArray(list) ? list.filter(isProblem) : [];
}

/** The codes an `AREA_CODE_CONFLICT` named; [] for any other error. */
export function conflictCodesOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const codes = error.details.codes;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
}

export interface ProblemRow {
  key: string;
  /** `#3`, or '' for the file as a whole. */
  feature: string;
  code: string;
  kind: string;
  message: string;
  /** `lng, lat` with six decimals (about 0.1 m), or ''. */
  position: string;
}

/** `[lng, lat]` as `121.566000, 29.858000`; '' when absent or not two numbers. */
export function formatPosition(position: readonly number[] | undefined): string {
  if (!position || position.length < 2 || !position.every((n) => Number.isFinite(n))) return "";
  return `${position[0].toFixed(6)}, ${position[1].toFixed(6)}`;
}

/** Table rows for problems in the current language; an overlap names both features (`#1 ↔ #4`). */
export function problemRows(problems: readonly Problem[], lang: Lang): ProblemRow[] {
  return problems.map((p, i) => ({
    key: String(i),
    feature:
      p.featureIndex === null
        ? ""
        : p.otherIndex !== undefined
          ? `#${p.featureIndex} ↔ #${p.otherIndex}`
          : `#${p.featureIndex}`,
    code: p.code ?? "",
    kind: p.kind,
    message: lang === "zh-CN" ? p.message.zh : p.message.en,
    position: formatPosition(p.position),
  }));
}
