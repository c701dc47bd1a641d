/** Small pieces shared by the loads of places and houses. */
import { eq, sql } from "drizzle-orm";
import { stableStringify } from "../../../core/audit";
import type { houses, places } from "../../../db/schema";
import type { ImportEnv } from "./kind";

/** Whether a stored value and an imported one are the same (dates, numbers and JSON compared as text). */
export function sameValue(stored: unknown, imported: unknown): boolean {
  return stableStringify(stored ?? null) === stableStringify(imported ?? null);
}

/** Writes a patch to one record, bumping its version; returns the stored row. */
export async function updateById<T extends typeof places | typeof houses>(
  env: ImportEnv,
  table: T,
  id: string,
  patch: Record<string, unknown>,
): Promise<T["$inferSelect"]> {
  const [row] = await env.tx
    .update(table as typeof places)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: env.now })
    .where(eq(table.id, id))
    .returning();
  return row as T["$inferSelect"];
}
