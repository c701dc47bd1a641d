import type { PersonView } from "../../../api/registry-types";

/** What the quick-edit form holds (a phone typed anew; the stored one is only known masked). */
export interface QuickEditValues {
  phone?: string;
  currentAddress?: string;
  occupation?: string;
  workplace?: string;
  residentType: string;
  livesAlone: boolean;
}

/** The values the quick-edit form starts from. */
export function quickEditInitial(p: PersonView): QuickEditValues {
  return {
    phone: "",
    currentAddress: p.currentAddress ?? "",
    occupation: p.occupation ?? "",
    workplace: p.workplace ?? "",
    residentType: p.residentType,
    livesAlone: p.livesAlone,
  };
}

type Patch = Record<string, string | boolean | null | number>;

const norm = (s: string | null | undefined) => (s ?? "").trim();

/**
 * The PATCH body for a quick edit: only the fields that changed (a text emptied becomes null, which
 * clears it), the phone only when a new one was typed, and always the version that was read.
 */
export function buildPersonPatch(p: PersonView, v: QuickEditValues): Patch & { version: number } {
  const patch: Patch = {};
  const phone = norm(v.phone).replace(/[\s-]/g, "");
  if (phone) patch.phone = phone;
  for (const key of ["currentAddress", "occupation", "workplace"] as const) {
    const next = norm(v[key]);
    if (next !== norm(p[key])) patch[key] = next === "" ? null : next;
  }
  if (v.residentType !== p.residentType) patch.residentType = v.residentType;
  if (v.livesAlone !== p.livesAlone) patch.livesAlone = v.livesAlone;
  return { ...patch, version: p.version };
}

/** True when the patch changes nothing but carries the version. */
export function isEmptyPatch(patch: Record<string, unknown>): boolean {
  return Object.keys(patch).every((k) => k === "version");
}

/**
 * After a conflict: the latest values with the user's own edits laid over them (a field the user
 * did not touch takes the other person's change), so nothing typed is lost and nothing is overwritten blindly.
 */
export function rebaseEdits(
  before: QuickEditValues,
  typed: QuickEditValues,
  latest: QuickEditValues,
): QuickEditValues {
  const out = { ...latest };
  for (const key of Object.keys(latest) as (keyof QuickEditValues)[]) {
    const mine = typed[key];
    if (mine !== undefined && mine !== before[key]) (out as Record<string, unknown>)[key] = mine;
  }
  return out;
}
