import { asc, inArray } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { departments } from "../../db/schema";

export type DepartmentRow = typeof departments.$inferSelect;

/** Every handling unit, by name (code breaks ties, so the order is stable). */
export async function list(db: Executor): Promise<DepartmentRow[]> {
  return db.select().from(departments).orderBy(asc(departments.name), asc(departments.code));
}

/** The departments with these ids, in one query; ids that match nothing are left out. */
export async function findByIds(db: Executor, ids: string[]): Promise<DepartmentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(departments).where(inArray(departments.id, ids));
}
