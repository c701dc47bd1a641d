import { and, eq, getTableColumns, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { areas, houses, persons, registryChanges, settings } from "../../db/schema";

export type PersonRow = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;

/** A person with the code and name of their area, as lists and reads show them. */
export type PersonWithArea = PersonRow & { areaCode: string | null; areaName: string | null };

const withArea = { ...getTableColumns(persons), areaCode: areas.code, areaName: areas.name };

/** Adds a person; returns the stored row. */
export async function insert(db: Executor, values: NewPerson): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  return row!;
}

/** One person with their area, or undefined; `lock` takes a row lock for an update. */
export async function find(db: Executor, id: string, lock = false): Promise<PersonWithArea | undefined> {
  const q = db
    .select(withArea)
    .from(persons)
    .leftJoin(areas, eq(areas.id, persons.areaId))
    .where(eq(persons.id, id));
  const rows = lock ? await q.for("update", { of: persons }) : await q;
  return rows[0];
}

/** Several persons with their areas, in no particular order. */
export async function findMany(db: Executor, ids: string[]): Promise<PersonWithArea[]> {
  if (ids.length === 0) return [];
  return db
    .select(withArea)
    .from(persons)
    .leftJoin(areas, eq(areas.id, persons.areaId))
    .where(inArray(persons.id, ids));
}

/** The live (not purged) person holding this ID blind index, other than `exceptId`. */
export async function findByIdIndex(
  db: Executor,
  idIndex: string,
  exceptId?: string,
): Promise<Pick<PersonRow, "id" | "areaPath" | "status"> | undefined> {
  const rows = await db
    .select({ id: persons.id, areaPath: persons.areaPath, status: persons.status })
    .from(persons)
    .where(
      and(
        eq(persons.idIndex, idIndex),
        ne(persons.status, "purged"),
        exceptId ? ne(persons.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows[0];
}

/** Writes changed columns and bumps the version; returns the stored row. */
export async function update(
  db: Executor,
  id: string,
  values: Partial<NewPerson>,
  at: Date,
): Promise<PersonRow> {
  const [row] = await db
    .update(persons)
    .set({ ...values, version: sql`${persons.version} + 1`, updatedAt: at })
    .where(eq(persons.id, id))
    .returning();
  return row!;
}

/**
 * How a page is ordered, each following the text_pattern_ops index its search uses ("using ~<~"),
 * so a page of a large scope or a broad prefix is read in index order and needs no full sort:
 * pinyin (alphabetical, as Chinese lists are), name, initials, or current address.
 */
/** The order a page is read in; "tail" keeps a tail search on its own (selective) index, then sorts the few rows. */
export type PersonOrder = "pinyin" | "name" | "initials" | "address" | "tail";

const ORDER_KEY = {
  pinyin: persons.namePinyin,
  name: persons.name,
  initials: persons.nameInitials,
  address: persons.currentAddress,
  tail: persons.idTail,
} as const;

/** A page of persons matching `where`, in the given index order. */
export async function page(
  db: Executor,
  where: SQL,
  limit: number,
  offset: number,
  order: PersonOrder = "pinyin",
): Promise<PersonWithArea[]> {
  if (limit <= 0) return [];
  return db
    .select(withArea)
    .from(persons)
    .leftJoin(areas, eq(areas.id, persons.areaId))
    .where(where)
    .orderBy(sql`${ORDER_KEY[order]} using ~<~`, persons.id)
    .limit(limit)
    .offset(offset);
}

/** How many persons match, counting at most `cap + 1` rows so a broad filter stays cheap. */
export async function countUpTo(db: Executor, where: SQL, cap: number): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from (select 1 from ${persons} where ${where} limit ${cap + 1}) t`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The house a person lives in: its address and area (houses belong to the places side of the registry). */
export async function findHouse(db: Executor, id: string) {
  const rows = await db
    .select({
      id: houses.id,
      address: houses.address,
      unit: houses.unit,
      room: houses.room,
      use: houses.use,
      isRented: houses.isRented,
      isGroupRental: houses.isGroupRental,
      buildingId: houses.buildingId,
      areaId: houses.areaId,
      areaPath: houses.areaPath,
      status: houses.status,
    })
    .from(houses)
    .where(eq(houses.id, id));
  return rows[0];
}

export type HouseSummary = NonNullable<Awaited<ReturnType<typeof findHouse>>>;

/** Ids of houses whose address starts with `prefix` (for address search), at most `limit`. */
export async function houseIdsByAddress(db: Executor, prefix: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: houses.id })
    .from(houses)
    .where(sql`${houses.address} like ${prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}`)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** A JSON setting, or undefined. */
export async function readSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return rows[0]?.value as T | undefined;
}

/** Stores a JSON setting. */
export async function writeSetting(db: Executor, key: string, value: unknown, at: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } });
}

/** Deregistered persons whose retention ended on or before `today`, oldest first. */
export async function dueForPurge(db: Executor, today: string, limit: number): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.status, "deregistered"), sql`${persons.purgeAfter} <= ${today}`))
    .orderBy(persons.purgeAfter)
    .limit(limit);
}

/** Personal columns emptied by a purge: what identifies or describes the person. */
export const PURGED_VALUES = {
  name: "已清除",
  formerNames: null,
  namePinyin: null,
  nameInitials: null,
  idEnc: null,
  idIndex: null,
  idMasked: null,
  idTail: null,
  phoneEnc: null,
  phoneIndex: null,
  phoneMasked: null,
  phoneTail: null,
  sex: null,
  birthDate: null,
  ethnicity: null,
  maritalStatus: null,
  education: null,
  politicalStatus: null,
  religion: null,
  nationality: null,
  occupation: null,
  workplace: null,
  hukouDivision: null,
  hukouAddress: null,
  currentAddress: null,
  houseId: null,
  householdId: null,
  floating: null,
  permitExpiresOn: null,
  livesAlone: false,
  extra: null,
  purgeAfter: null,
  status: "purged",
} satisfies Partial<NewPerson>;

/** Empties the values kept in a person's earlier history rows (who and when remain). */
export async function scrubHistory(db: Executor, personId: string): Promise<void> {
  await db
    .update(registryChanges)
    .set({ before: null, after: null })
    .where(and(eq(registryChanges.subjectType, "person"), eq(registryChanges.subjectId, personId)));
}

/** Floating residents whose permit expires on or before `until` and who were not yet reminded of that expiry. */
export async function permitsToRemind(db: Executor, until: string, limit: number) {
  return db
    .select({
      id: persons.id,
      name: persons.name,
      idMasked: persons.idMasked,
      areaPath: persons.areaPath,
      permitExpiresOn: persons.permitExpiresOn,
    })
    .from(persons)
    .where(
      and(
        eq(persons.status, "active"),
        eq(persons.residentType, "floating"),
        sql`${persons.permitExpiresOn} is not null and ${persons.permitExpiresOn} <= ${until}`,
        sql`not exists (select 1 from ${registryChanges} rc
              where rc.subject_type = 'person' and rc.subject_id = ${persons.id}
                and rc.action = 'permit_reminded'
                and rc.after ->> 'permitExpiresOn' = ${persons.permitExpiresOn}::text)`,
      ),
    )
    .orderBy(persons.permitExpiresOn)
    .limit(limit);
}

/** The user who works the grid holding `areaPath` (its team's full-time grid worker), if any. */
export async function gridWorkerFor(
  db: Executor,
  areaPath: string,
  today: string,
): Promise<string | undefined> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select m.user_id from grid_team_members m join areas a on a.id = m.area_id
        where ${areaPath} like a.path || '%' and m.team_role = 'grid_worker' and m.user_id is not null
          and (m.active_to is null or m.active_to >= ${today})
        order by length(a.path) desc limit 1`,
  );
  return rows[0]?.user_id;
}
