import { ApiError } from "../../../api/client";
import type { Lang } from "../../../i18n/translate";

/** An error to put on a form field: its name path and the messages. */
export interface FieldError {
  name: string[];
  errors: string[];
}

interface Problem {
  field: string;
  message: { zh: string; en: string };
}

const isProblem = (v: unknown): v is Problem => {
  if (typeof v !== "object" || v === null) return false;
  const p = v as Record<string, unknown>;
  const m = p.message as Record<string, unknown> | undefined;
  return typeof p.field === "string" && typeof m === "object" && m !== null && typeof m.zh === "string";
};

/**
 * The field errors of a refused registry request: every problem the server listed (or the one field
 * it named), in the UI language, as form name paths ("floating.reason" → ["floating", "reason"]).
 * Only fields in `known` are returned, so nothing lands on a field the form does not have.
 */
export function fieldErrorsOf(error: unknown, lang: Lang, known?: readonly string[]): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const text = (m: { zh: string; en: string }) => (lang === "zh-CN" ? m.zh : m.en);
  const listed = Array.isArray(error.details.problems) ? error.details.problems.filter(isProblem) : [];
  const problems: Problem[] = listed.length
    ? listed
    : error.field
      ? [{ field: error.field, message: error.messages }]
      : [];
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    if (known && !known.includes(p.field)) continue;
    byField.set(p.field, [...(byField.get(p.field) ?? []), text(p.message)]);
  }
  return [...byField].map(([field, errors]) => ({ name: field.split("."), errors }));
}
