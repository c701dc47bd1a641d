import { and, asc, count, eq, isNotNull, lte, ne, sql, type SQL } from "drizzle-orm";
import { likePrefix } from "../../core/authorize";
import type { Executor } from "../../db/database";
import { places, things } from "../../db/schema";

export type PlaceRow = typeof places.$inferSelect;
export type NewPlace = typeof places.$inferInsert;
export type ThingRow = typeof things.$inferSelect;
export type NewThing = typeof things.$inferInsert;

export async function insertPlace(db: Executor, values: NewPlace): Promise<PlaceRow> {
  const [row] = await db.insert(places).values(values).returning();
  return row!;
}

/** A place (not purged), locked for update when asked. */
export async function findPlace(db: Executor, id: string, lock = false): Promise<PlaceRow | undefined> {
  const q = db
    .select()
    .from(places)
    .where(and(eq(places.id, id), ne(places.status, "purged")));
  return (lock ? await q.for("update") : await q)[0];
}

export async function updatePlace(db: Executor, id: string, values: Partial<NewPlace>, at: Date) {
  const [row] = await db
    .update(places)
    .set({ ...values, version: sql`${places.version} + 1`, updatedAt: at })
    .where(eq(places.id, id))
    .returning();
  return row!;
}

/** The active place holding a credit code, other than `exceptId`. */
export async function activeByCreditCode(db: Executor, code: string, exceptId?: string) {
  const rows = await db
    .select({ id: places.id })
    .from(places)
    .where(
      and(
        eq(places.creditCode, code),
        eq(places.status, "active"),
        ...(exceptId ? [ne(places.id, exceptId)] : []),
      ),
    )
    .limit(1);
  return rows[0];
}

export interface PlaceFilter {
  scope: SQL;
  areaPath?: string;
  kind?: string;
  colour?: string;
  q?: string;
  hasSafetyManager?: boolean;
  buildingId?: string;
  limit: number;
  offset: number;
}

/** Places in scope matching the filter, by name; with the total. */
export async function listPlaces(db: Executor, f: PlaceFilter) {
  const conds: SQL[] = [f.scope, eq(places.status, "active")];
  if (f.areaPath) conds.push(sql`${places.areaPath} like ${likePrefix(f.areaPath)}`);
  if (f.kind) conds.push(eq(places.kind, f.kind));
  if (f.colour) conds.push(eq(places.colour, f.colour));
  if (f.q) conds.push(sql`${places.name} like ${likePrefix(f.q)}`);
  if (f.buildingId) conds.push(eq(places.buildingId, f.buildingId));
  const manager = sql`(${places.safetyManagerPersonId} is not null or coalesce(${places.safetyManagerName}, '') <> '')`;
  if (f.hasSafetyManager === true) conds.push(manager);
  if (f.hasSafetyManager === false) conds.push(sql`not ${manager}`);
  const where = and(...conds);
  const items = await db
    .select()
    .from(places)
    .where(where)
    .orderBy(asc(places.name), asc(places.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(places).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

export async function insertThing(db: Executor, values: NewThing): Promise<ThingRow> {
  const [row] = await db.insert(things).values(values).returning();
  return row!;
}

/** A thing (not purged), locked for update when asked. */
export async function findThing(db: Executor, id: string, lock = false): Promise<ThingRow | undefined> {
  const q = db
    .select()
    .from(things)
    .where(and(eq(things.id, id), ne(things.status, "purged")));
  return (lock ? await q.for("update") : await q)[0];
}

export async function updateThing(db: Executor, id: string, values: Partial<NewThing>, at: Date) {
  const [row] = await db
    .update(things)
    .set({ ...values, version: sql`${things.version} + 1`, updatedAt: at })
    .where(eq(things.id, id))
    .returning();
  return row!;
}

/** The thing carrying an IoT device id (any status but purged), other than `exceptId`. */
export async function thingByDevice(db: Executor, deviceId: string, exceptId?: string) {
  const rows = await db
    .select()
    .from(things)
    .where(
      and(
        eq(things.deviceId, deviceId),
        ne(things.status, "purged"),
        ...(exceptId ? [ne(things.id, exceptId)] : []),
      ),
    )
    .limit(1);
  return rows[0];
}

export interface ThingFilter {
  scope: SQL;
  areaPath?: string;
  kind?: string;
  placeId?: string;
  houseId?: string;
  buildingId?: string;
  /** next inspection on or before this date */
  dueBefore?: string;
  limit: number;
  offset: number;
}

/** Things in scope matching the filter: those due for inspection soonest first; with the total. */
export async function listThings(db: Executor, f: ThingFilter) {
  const conds: SQL[] = [f.scope, eq(things.status, "active")];
  if (f.areaPath) conds.push(sql`${things.areaPath} like ${likePrefix(f.areaPath)}`);
  if (f.kind) conds.push(eq(things.kind, f.kind));
  if (f.placeId) conds.push(eq(things.placeId, f.placeId));
  if (f.houseId) conds.push(eq(things.houseId, f.houseId));
  if (f.buildingId) conds.push(eq(things.buildingId, f.buildingId));
  if (f.dueBefore) conds.push(isNotNull(things.nextInspectionOn), lte(things.nextInspectionOn, f.dueBefore));
  const where = and(...conds);
  const items = await db
    .select()
    .from(things)
    .where(where)
    .orderBy(sql`${things.nextInspectionOn} asc nulls last`, asc(things.kind), asc(things.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(things).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** Active things attached to a place, house or building, for its file. */
export async function thingsAt(
  db: Executor,
  by: "placeId" | "houseId" | "buildingId",
  id: string,
  limit = 20,
) {
  const where = and(eq(things[by], id), eq(things.status, "active"));
  const items = await db
    .select()
    .from(things)
    .where(where)
    .orderBy(sql`${things.nextInspectionOn} asc nulls last`, asc(things.id))
    .limit(limit);
  const [total] = await db.select({ n: count() }).from(things).where(where);
  return { items, total: Number(total?.n ?? 0) };
}
