import { and, asc, eq, getTableColumns, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { areas, householdMembers, households, persons } from "../../db/schema";

export type HouseholdRow = typeof households.$inferSelect;
export type NewHousehold = typeof households.$inferInsert;
/** What a household's current members have in common, for the flags on its card. */
export interface MemberTraits {
  floating: boolean | null;
  livesAlone: boolean | null;
  youngestBirth: string | null;
  oldestBirth: string | null;
}

export type HouseholdWithArea = HouseholdRow & {
  areaCode: string | null;
  areaName: string | null;
  headName: string | null;
  memberCount: number;
  traits: MemberTraits | null;
};

const memberCount = sql<number>`(select count(*) from ${householdMembers} hm
  where hm.household_id = ${households.id} and hm.left_on is null)`.mapWith(Number);
const traits = sql<MemberTraits | null>`(select json_build_object(
    'floating', bool_or(p.resident_type = 'floating'), 'livesAlone', bool_or(p.lives_alone),
    'youngestBirth', max(p.birth_date), 'oldestBirth', min(p.birth_date))
  from ${householdMembers} hm join ${persons} p on p.id = hm.person_id
  where hm.household_id = ${households.id} and hm.left_on is null)`;
const withArea = {
  ...getTableColumns(households),
  areaCode: areas.code,
  areaName: areas.name,
  headName: persons.name,
  memberCount,
  traits,
};

/** Adds a household; returns the stored row. */
export async function insert(db: Executor, values: NewHousehold): Promise<HouseholdRow> {
  const [row] = await db.insert(households).values(values).returning();
  return row!;
}

function selectWithArea(db: Executor) {
  return db
    .select(withArea)
    .from(households)
    .leftJoin(areas, eq(areas.id, households.areaId))
    .leftJoin(persons, eq(persons.id, households.headPersonId));
}

/** One household with its area, head's name and member count; `lock` for an update. */
export async function find(db: Executor, id: string, lock = false): Promise<HouseholdWithArea | undefined> {
  const q = selectWithArea(db).where(eq(households.id, id));
  const rows = lock ? await q.for("update", { of: households }) : await q;
  return rows[0];
}

/** Another household already using this code, if any. */
export async function findByCode(db: Executor, code: string, exceptId?: string) {
  const rows = await db
    .select({ id: households.id, areaPath: households.areaPath })
    .from(households)
    .where(and(eq(households.code, code), exceptId ? ne(households.id, exceptId) : undefined))
    .limit(1);
  return rows[0];
}

/** Writes columns and bumps the version. */
export async function update(
  db: Executor,
  id: string,
  values: Partial<NewHousehold>,
  at: Date,
): Promise<HouseholdRow> {
  const [row] = await db
    .update(households)
    .set({ ...values, version: sql`${households.version} + 1`, updatedAt: at })
    .where(eq(households.id, id))
    .returning();
  return row!;
}

/** A page of households matching `where`, newest first. */
export async function page(db: Executor, where: SQL, limit: number, offset: number) {
  return selectWithArea(db)
    .where(where)
    .orderBy(sql`${households.createdAt} desc`, households.id)
    .limit(limit)
    .offset(offset);
}

/** How many households match, counting at most cap + 1. */
export async function countUpTo(db: Executor, where: SQL, cap: number): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from (select 1 from ${households} where ${where} limit ${cap + 1}) t`,
  );
  return Number(rows[0]?.n ?? 0);
}

export type MemberRow = typeof householdMembers.$inferSelect;

/** A household's memberships, current first then former, each in joining order. */
export async function members(db: Executor, householdId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(
      sql`${householdMembers.leftOn} is not null`,
      asc(householdMembers.joinedOn),
      asc(householdMembers.id),
    );
}

/** The person's current membership anywhere, if any. */
export async function currentMembership(db: Executor, personId: string): Promise<MemberRow | undefined> {
  const rows = await db
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.personId, personId), isNull(householdMembers.leftOn)))
    .limit(1);
  return rows[0];
}

/** Adds a membership row. */
export async function addMember(
  db: Executor,
  m: { householdId: string; personId: string; relation: string; joinedOn: string | null },
): Promise<MemberRow> {
  const [row] = await db.insert(householdMembers).values(m).returning();
  return row!;
}

/** Ends a current membership on `on` (the row stays, as history). */
export async function endMembership(db: Executor, id: string, on: string): Promise<void> {
  await db.update(householdMembers).set({ leftOn: on }).where(eq(householdMembers.id, id));
}
