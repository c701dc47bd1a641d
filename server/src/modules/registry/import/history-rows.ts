/**
 * History of an import in bulk: one `registry_changes` row per created or updated record, action
 * "imported", written with one multi-row insert per batch (the import's single audit row says who
 * imported which file). Sensitive fields appear only as "changed", as recordChange writes them.
 */
import { stableStringify } from "../../../core/audit";
import { registryChanges } from "../../../db/schema";
import type { ChangeInput } from "../history";
import { REGISTRY_SENSITIVE } from "../history";
import { insertMany } from "./bulk";
import type { ImportEnv } from "./kind";

export interface HistoryRow {
  subjectType: ChangeInput["subjectType"];
  subjectId: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const SENSITIVE = new Set(REGISTRY_SENSITIVE);

function clean(side: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!side) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(side)) {
    if (v === undefined) continue;
    out[k] = SENSITIVE.has(k) ? { changed: true } : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/** Only the fields that differ, when both sides are given (as recordChange keeps them). */
function changedOnly(r: HistoryRow): [Record<string, unknown> | null, Record<string, unknown> | null] {
  if (!r.before || !r.after) return [r.before, r.after];
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(r.before), ...Object.keys(r.after)])) {
    if (stableStringify(r.before[k] ?? null) === stableStringify(r.after[k] ?? null)) continue;
    b[k] = r.before[k] ?? null;
    a[k] = r.after[k] ?? null;
  }
  return [b, a];
}

/** Writes the history rows of a batch (action "imported") in env.tx. */
export async function writeHistory(env: ImportEnv, rows: HistoryRow[]): Promise<void> {
  await insertMany(
    env.tx,
    registryChanges,
    rows.map((r) => {
      const [before, after] = changedOnly(r);
      return {
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        version: r.version,
        action: "imported",
        before: clean(before),
        after: clean(after),
        actorId: env.actor.userId,
        actorName: env.actor.username,
        at: env.now,
      };
    }),
  );
}
