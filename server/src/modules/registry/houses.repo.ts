import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { likePrefix } from "../../core/authorize";
import type { Executor } from "../../db/database";
import { buildings, houses, persons, tenancies } from "../../db/schema";

export type HouseRow = typeof houses.$inferSelect;
export type NewHouse = typeof houses.$inferInsert;
export type BuildingRow = typeof buildings.$inferSelect;
export type NewBuilding = typeof buildings.$inferInsert;
export type TenancyRow = typeof tenancies.$inferSelect;

const notPurged = (status: typeof houses.status | typeof buildings.status) => sql`${status} <> 'purged'`;

export async function insertHouse(db: Executor, values: NewHouse): Promise<HouseRow> {
  const [row] = await db.insert(houses).values(values).returning();
  return row!;
}

/** A house (not purged), locked for update when asked. */
export async function findHouse(db: Executor, id: string, lock = false): Promise<HouseRow | undefined> {
  const q = db
    .select()
    .from(houses)
    .where(and(eq(houses.id, id), notPurged(houses.status)));
  return (lock ? await q.for("update") : await q)[0];
}

/** Writes changes and moves the version on. */
export async function updateHouse(db: Executor, id: string, values: Partial<NewHouse>, at: Date) {
  const [row] = await db
    .update(houses)
    .set({ ...values, version: sql`${houses.version} + 1`, updatedAt: at })
    .where(eq(houses.id, id))
    .returning();
  return row!;
}

export interface HouseFilter {
  scope: SQL;
  areaPath?: string;
  buildingId?: string;
  isRented?: boolean;
  isGroupRental?: boolean;
  use?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Houses in scope matching the filter, by address; with the total. */
export async function listHouses(db: Executor, f: HouseFilter) {
  const conds: SQL[] = [f.scope, eq(houses.status, "active")];
  if (f.areaPath) conds.push(sql`${houses.areaPath} like ${likePrefix(f.areaPath)}`);
  if (f.buildingId) conds.push(eq(houses.buildingId, f.buildingId));
  if (f.isRented !== undefined) conds.push(eq(houses.isRented, f.isRented));
  if (f.isGroupRental !== undefined) conds.push(eq(houses.isGroupRental, f.isGroupRental));
  if (f.use) conds.push(eq(houses.use, f.use));
  if (f.q) conds.push(sql`${houses.address} like ${likePrefix(f.q)}`);
  const where = and(...conds);
  const items = await db
    .select()
    .from(houses)
    .where(where)
    .orderBy(asc(houses.address), asc(houses.unit), asc(houses.room), asc(houses.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(houses).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** People whose current home is the house. */
export async function residentsOf(db: Executor, houseId: string) {
  return db
    .select({
      id: persons.id,
      name: persons.name,
      idMasked: persons.idMasked,
      phoneMasked: persons.phoneMasked,
      residentType: persons.residentType,
    })
    .from(persons)
    .where(and(eq(persons.houseId, houseId), eq(persons.status, "active")))
    .orderBy(asc(persons.name), asc(persons.id));
}

/** A house's tenancies, current first then newest. */
export async function tenanciesOf(db: Executor, houseId: string): Promise<TenancyRow[]> {
  return db
    .select()
    .from(tenancies)
    .where(eq(tenancies.houseId, houseId))
    .orderBy(sql`${tenancies.endOn} is null desc`, desc(tenancies.startOn), asc(tenancies.id));
}

export async function findTenancy(db: Executor, houseId: string, id: string) {
  const rows = await db
    .select()
    .from(tenancies)
    .where(and(eq(tenancies.houseId, houseId), eq(tenancies.id, id)))
    .for("update");
  return rows[0];
}

/** Whether the person already has a tenancy of the house overlapping [start, end] (open ends run on). */
export async function overlapsTenancy(
  db: Executor,
  houseId: string,
  personId: string,
  start: string,
  end: string | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: tenancies.id })
    .from(tenancies)
    .where(
      and(
        eq(tenancies.houseId, houseId),
        eq(tenancies.personId, personId),
        or(isNull(tenancies.endOn), gte(tenancies.endOn, start)),
        ...(end ? [lte(tenancies.startOn, end)] : []),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertTenancy(db: Executor, values: typeof tenancies.$inferInsert) {
  const [row] = await db.insert(tenancies).values(values).returning();
  return row!;
}

export async function endTenancy(db: Executor, id: string, endOn: string) {
  const [row] = await db.update(tenancies).set({ endOn }).where(eq(tenancies.id, id)).returning();
  return row!;
}

export async function insertBuilding(db: Executor, values: NewBuilding): Promise<BuildingRow> {
  const [row] = await db.insert(buildings).values(values).returning();
  return row!;
}

/** A building (not purged), locked for update when asked. */
export async function findBuilding(db: Executor, id: string, lock = false): Promise<BuildingRow | undefined> {
  const q = db
    .select()
    .from(buildings)
    .where(and(eq(buildings.id, id), notPurged(buildings.status)));
  return (lock ? await q.for("update") : await q)[0];
}

export async function updateBuilding(db: Executor, id: string, values: Partial<NewBuilding>, at: Date) {
  const [row] = await db
    .update(buildings)
    .set({ ...values, version: sql`${buildings.version} + 1`, updatedAt: at })
    .where(eq(buildings.id, id))
    .returning();
  return row!;
}

export interface BuildingFilter {
  scope: SQL;
  areaPath?: string;
  isHighRise?: boolean;
  stars?: number;
  q?: string;
  limit: number;
  offset: number;
}

/** Buildings in scope matching the filter, by name; with the total. */
export async function listBuildings(db: Executor, f: BuildingFilter) {
  const conds: SQL[] = [f.scope, eq(buildings.status, "active")];
  if (f.areaPath) conds.push(sql`${buildings.areaPath} like ${likePrefix(f.areaPath)}`);
  if (f.isHighRise !== undefined) conds.push(eq(buildings.isHighRise, f.isHighRise));
  if (f.stars !== undefined) conds.push(eq(buildings.starRating, f.stars));
  if (f.q) conds.push(sql`${buildings.name} like ${likePrefix(f.q)}`);
  const where = and(...conds);
  const items = await db
    .select()
    .from(buildings)
    .where(where)
    .orderBy(asc(buildings.name), asc(buildings.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(buildings).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** How many active houses each building holds. */
export async function houseCounts(db: Executor, buildingIds: string[]): Promise<Map<string, number>> {
  if (buildingIds.length === 0) return new Map();
  const rows = await db
    .select({ id: houses.buildingId, n: count() })
    .from(houses)
    .where(and(inArray(houses.buildingId, buildingIds), eq(houses.status, "active")))
    .groupBy(houses.buildingId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

/** Names of the buildings with these ids. */
export async function buildingNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(inArray(buildings.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
