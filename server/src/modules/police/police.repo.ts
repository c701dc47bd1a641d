import { and, asc, eq, inArray, isNotNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { areas, policeDistrictGrids, policeDistrictOfficers, policeDistricts, users } from "../../db/schema";

export type DistrictRow = typeof policeDistricts.$inferSelect;
export type NewDistrict = typeof policeDistricts.$inferInsert;

export async function findByCode(db: Executor, code: string, lock = false): Promise<DistrictRow | undefined> {
  const q = db.select().from(policeDistricts).where(eq(policeDistricts.code, code));
  const rows = lock ? await q.for("update") : await q;
  return rows[0];
}

export async function findByCodes(db: Executor, codes: string[]): Promise<DistrictRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(policeDistricts).where(inArray(policeDistricts.code, codes));
}

export async function findByIds(db: Executor, ids: string[]): Promise<DistrictRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(policeDistricts).where(inArray(policeDistricts.id, ids));
}

export async function listAll(db: Executor): Promise<DistrictRow[]> {
  return db.select().from(policeDistricts).orderBy(asc(policeDistricts.code));
}

/** Districts that have a boundary, lowest code first (the order that breaks ties on shared edges). */
export async function withGeometry(db: Executor): Promise<DistrictRow[]> {
  return db
    .select()
    .from(policeDistricts)
    .where(isNotNull(policeDistricts.geometry))
    .orderBy(asc(policeDistricts.code));
}

export async function insert(db: Executor, rows: NewDistrict[]): Promise<DistrictRow[]> {
  if (rows.length === 0) return [];
  return db.insert(policeDistricts).values(rows).returning();
}

export async function update(
  db: Executor,
  id: string,
  values: Partial<Pick<NewDistrict, "name" | "geometry" | "stationId">>,
): Promise<void> {
  await db.update(policeDistricts).set(values).where(eq(policeDistricts.id, id));
}

export interface MappedGrid {
  districtId: string;
  areaId: string;
  code: string;
  name: string;
  path: string;
}

/** The grids mapped to these districts, optionally only those matching a scope condition on areas.path. */
export async function gridsOf(db: Executor, districtIds: string[], scope?: SQL): Promise<MappedGrid[]> {
  if (districtIds.length === 0) return [];
  const conds = [inArray(policeDistrictGrids.policeDistrictId, districtIds)];
  if (scope) conds.push(scope);
  return db
    .select({
      districtId: policeDistrictGrids.policeDistrictId,
      areaId: areas.id,
      code: areas.code,
      name: areas.name,
      path: areas.path,
    })
    .from(policeDistrictGrids)
    .innerJoin(areas, eq(areas.id, policeDistrictGrids.areaId))
    .where(and(...conds))
    .orderBy(asc(areas.code));
}

/** Current mappings of these areas: area id → district id. */
export async function mappingsOf(db: Executor, areaIds: string[]): Promise<Map<string, string>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(policeDistrictGrids)
    .where(inArray(policeDistrictGrids.areaId, areaIds));
  return new Map(rows.map((r) => [r.areaId, r.policeDistrictId]));
}

/** Maps the areas to the district, moving any that belonged to another one. */
export async function mapGrids(db: Executor, districtId: string, areaIds: string[]): Promise<void> {
  if (areaIds.length === 0) return;
  await db
    .insert(policeDistrictGrids)
    .values(areaIds.map((areaId) => ({ areaId, policeDistrictId: districtId })))
    .onConflictDoUpdate({
      target: policeDistrictGrids.areaId,
      set: { policeDistrictId: sql`excluded.police_district_id` },
    });
}

export async function unmapGrids(db: Executor, districtId: string, areaIds: string[]): Promise<void> {
  if (areaIds.length === 0) return;
  await db
    .delete(policeDistrictGrids)
    .where(
      and(eq(policeDistrictGrids.policeDistrictId, districtId), inArray(policeDistrictGrids.areaId, areaIds)),
    );
}

/**
 * The district mapped to the nearest of these areas (an area and its ancestors, given by their
 * paths); the deepest mapped one wins, so a micro-grid follows its grid.
 */
export async function mappedDistrictOf(db: Executor, paths: string[]): Promise<DistrictRow | undefined> {
  if (paths.length === 0) return undefined;
  const rows = await db
    .select({ district: policeDistricts })
    .from(policeDistrictGrids)
    .innerJoin(areas, eq(areas.id, policeDistrictGrids.areaId))
    .innerJoin(policeDistricts, eq(policeDistricts.id, policeDistrictGrids.policeDistrictId))
    .where(inArray(areas.path, paths))
    .orderBy(sql`length(${areas.path}) desc`)
    .limit(1);
  return rows[0]?.district;
}

export interface Officer {
  districtId: string;
  userId: string;
  username: string;
  displayName: string;
}

export async function officersOf(db: Executor, districtIds: string[]): Promise<Officer[]> {
  if (districtIds.length === 0) return [];
  return db
    .select({
      districtId: policeDistrictOfficers.policeDistrictId,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
    })
    .from(policeDistrictOfficers)
    .innerJoin(users, eq(users.id, policeDistrictOfficers.userId))
    .where(inArray(policeDistrictOfficers.policeDistrictId, districtIds))
    .orderBy(asc(users.username));
}

/** Replaces a district's officers. */
export async function setOfficers(db: Executor, districtId: string, userIds: string[]): Promise<void> {
  const keep = userIds.length > 0 ? [notInArray(policeDistrictOfficers.userId, userIds)] : [];
  await db
    .delete(policeDistrictOfficers)
    .where(and(eq(policeDistrictOfficers.policeDistrictId, districtId), ...keep));
  if (userIds.length === 0) return;
  await db
    .insert(policeDistrictOfficers)
    .values(userIds.map((userId) => ({ policeDistrictId: districtId, userId })))
    .onConflictDoNothing();
}
