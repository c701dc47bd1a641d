import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { areas } from "../../db/schema";
import type { AreaRef } from "../../core/actor";
import { likePrefix } from "../../core/authorize";
import { pathDepth } from "./geo/spatial-index";

export type AreaRow = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;

export const toRef = (a: AreaRow): AreaRef => ({
  id: a.id,
  code: a.code,
  name: a.name,
  level: a.level,
  path: a.path,
});

export async function findByCode(db: Executor, code: string): Promise<AreaRow | undefined> {
  const rows = await db.select().from(areas).where(eq(areas.code, code));
  return rows[0];
}

export async function findByCodes(db: Executor, codes: string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(areas).where(inArray(areas.code, codes));
}

export async function list(
  db: Executor,
  filter: {
    scope: SQL;
    parentId?: string | null;
    level?: string;
    limit: number;
    offset: number;
    active?: SQL;
  },
): Promise<AreaRow[]> {
  const conds = [filter.scope];
  if (filter.active) conds.push(filter.active);
  if (filter.parentId !== undefined)
    conds.push(
      filter.parentId === null ? sql`${areas.parentId} is null` : eq(areas.parentId, filter.parentId),
    );
  if (filter.level) conds.push(eq(areas.level, filter.level));
  return db
    .select()
    .from(areas)
    .where(and(...conds))
    .orderBy(asc(areas.path))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** Path of a child: the parent's path plus the child's code, "/a/b/c/". */
export const childPath = (parentPath: string | null, code: string) => `${parentPath ?? "/"}${code}/`;

export async function insert(db: Executor, rows: NewArea[]): Promise<AreaRow[]> {
  if (rows.length === 0) return [];
  return db.insert(areas).values(rows).returning();
}

/** An area and its descendants down to maxDepth levels below it, in path order. */
export async function subtree(
  db: Executor,
  root: AreaRow,
  levelsBelow: number,
  active: SQL = sql`true`,
): Promise<AreaRow[]> {
  const prefix = likePrefix(root.path);
  const maxSlashes = pathDepth(root.path) + levelsBelow + 1;
  return db
    .select()
    .from(areas)
    .where(
      and(
        sql`${areas.path} like ${prefix}`,
        sql`length(${areas.path}) - length(replace(${areas.path}, '/', '')) <= ${maxSlashes}`,
        sql`(${areas.id} = ${root.id} or ${active})`,
      ),
    )
    .orderBy(asc(areas.path));
}
