import { and, asc, count, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { likePrefix } from "../../core/authorize";
import type { Executor } from "../../db/database";
import {
  carePlanActions,
  carePlans,
  keyPersonGrants,
  keyPersonHelpers,
  keyPersons,
  persons,
  users,
  visits,
} from "../../db/schema";

export type KeyPersonRow = typeof keyPersons.$inferSelect;
export type HelperRow = typeof keyPersonHelpers.$inferSelect;
export type PlanRow = typeof carePlans.$inferSelect;
export type ActionRow = typeof carePlanActions.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;

export async function insertKeyPerson(db: Executor, values: typeof keyPersons.$inferInsert) {
  const [row] = await db.insert(keyPersons).values(values).returning();
  return row!;
}

/** A key-person record (not purged), locked for update when asked. */
export async function findKeyPerson(
  db: Executor,
  id: string,
  lock = false,
): Promise<KeyPersonRow | undefined> {
  const q = db
    .select()
    .from(keyPersons)
    .where(and(eq(keyPersons.id, id), sql`${keyPersons.status} <> 'purged'`));
  return (lock ? await q.for("update") : await q)[0];
}

export async function updateKeyPerson(
  db: Executor,
  id: string,
  values: Partial<typeof keyPersons.$inferInsert>,
  at: Date,
) {
  const [row] = await db
    .update(keyPersons)
    .set({ ...values, version: sql`${keyPersons.version} + 1`, updatedAt: at })
    .where(eq(keyPersons.id, id))
    .returning();
  return row!;
}

/** The active record of a person in a category. */
export async function activeOf(db: Executor, personId: string, category: string) {
  const rows = await db
    .select({ id: keyPersons.id })
    .from(keyPersons)
    .where(
      and(
        eq(keyPersons.personId, personId),
        eq(keyPersons.category, category),
        eq(keyPersons.status, "active"),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Every key-person record of a person (all statuses but purged), newest first. */
export async function recordsOfPerson(db: Executor, personId: string) {
  return db
    .select()
    .from(keyPersons)
    .where(and(eq(keyPersons.personId, personId), sql`${keyPersons.status} <> 'purged'`))
    .orderBy(desc(keyPersons.createdAt));
}

export interface KeyPersonFilter {
  /** scope and category visibility, as SQL */
  access: SQL;
  category?: string;
  attentionLevel?: string;
  areaPath?: string;
  /** next visit on or before this date */
  visitDueBy?: string;
  status: "active" | "ended";
  q?: string;
  limit: number;
  offset: number;
}

/** Key persons matching a filter, with the person's name and masked ID; the soonest visit first. */
export async function listKeyPersons(db: Executor, f: KeyPersonFilter) {
  const conds: SQL[] = [f.access];
  conds.push(f.status === "active" ? eq(keyPersons.status, "active") : eq(keyPersons.status, "deregistered"));
  if (f.category) conds.push(eq(keyPersons.category, f.category));
  if (f.attentionLevel) conds.push(eq(keyPersons.attentionLevel, f.attentionLevel));
  if (f.areaPath) conds.push(sql`${keyPersons.areaPath} like ${likePrefix(f.areaPath)}`);
  if (f.visitDueBy) conds.push(lte(keyPersons.nextVisitOn, f.visitDueBy));
  if (f.q)
    conds.push(
      sql`(${persons.name} like ${likePrefix(f.q)} or ${persons.nameInitials} like ${likePrefix(f.q.toLowerCase())})`,
    );
  const where = and(...conds);
  const items = await db
    .select({ kp: keyPersons, name: persons.name, idMasked: persons.idMasked })
    .from(keyPersons)
    .innerJoin(persons, eq(persons.id, keyPersons.personId))
    .where(where)
    .orderBy(sql`${keyPersons.nextVisitOn} asc nulls last`, asc(persons.name), asc(keyPersons.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db
    .select({ n: count() })
    .from(keyPersons)
    .innerJoin(persons, eq(persons.id, keyPersons.personId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The helpers of a key person, current first. */
export async function helpersOf(db: Executor, keyPersonId: string) {
  return db
    .select({ h: keyPersonHelpers, username: users.username })
    .from(keyPersonHelpers)
    .leftJoin(users, eq(users.id, keyPersonHelpers.userId))
    .where(eq(keyPersonHelpers.keyPersonId, keyPersonId))
    .orderBy(
      sql`${keyPersonHelpers.toOn} is null desc`,
      asc(keyPersonHelpers.fromOn),
      asc(keyPersonHelpers.name),
      asc(keyPersonHelpers.id),
    );
}

export async function insertHelpers(db: Executor, values: (typeof keyPersonHelpers.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(keyPersonHelpers).values(values).returning();
}

export async function findHelper(db: Executor, keyPersonId: string, id: string) {
  const rows = await db
    .select()
    .from(keyPersonHelpers)
    .where(and(eq(keyPersonHelpers.keyPersonId, keyPersonId), eq(keyPersonHelpers.id, id)));
  return rows[0];
}

export async function endHelper(db: Executor, id: string, toOn: string) {
  const [row] = await db
    .update(keyPersonHelpers)
    .set({ toOn })
    .where(eq(keyPersonHelpers.id, id))
    .returning();
  return row!;
}

/** Whether the user currently helps the key person. */
export async function isCurrentHelper(db: Executor, keyPersonId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: keyPersonHelpers.id })
    .from(keyPersonHelpers)
    .where(
      and(
        eq(keyPersonHelpers.keyPersonId, keyPersonId),
        eq(keyPersonHelpers.userId, userId),
        isNull(keyPersonHelpers.toOn),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertPlan(db: Executor, values: typeof carePlans.$inferInsert) {
  const [row] = await db.insert(carePlans).values(values).returning();
  return row!;
}

export async function findPlan(db: Executor, id: string, lock = false): Promise<PlanRow | undefined> {
  const q = db.select().from(carePlans).where(eq(carePlans.id, id));
  return (lock ? await q.for("update") : await q)[0];
}

export async function updatePlan(db: Executor, id: string, values: Partial<typeof carePlans.$inferInsert>) {
  const [row] = await db
    .update(carePlans)
    .set({ ...values, version: sql`${carePlans.version} + 1` })
    .where(eq(carePlans.id, id))
    .returning();
  return row!;
}

/** A key person's care plans, open first then newest. */
export async function plansOf(db: Executor, keyPersonId: string) {
  return db
    .select()
    .from(carePlans)
    .where(eq(carePlans.keyPersonId, keyPersonId))
    .orderBy(sql`${carePlans.status} = 'active' desc`, desc(carePlans.startOn), asc(carePlans.id));
}

export async function insertAction(db: Executor, values: typeof carePlanActions.$inferInsert) {
  const [row] = await db.insert(carePlanActions).values(values).returning();
  return row!;
}

export async function findAction(db: Executor, planId: string, id: string) {
  const rows = await db
    .select()
    .from(carePlanActions)
    .where(and(eq(carePlanActions.planId, planId), eq(carePlanActions.id, id)))
    .for("update");
  return rows[0];
}

export async function updateAction(
  db: Executor,
  id: string,
  values: Partial<typeof carePlanActions.$inferInsert>,
) {
  const [row] = await db.update(carePlanActions).set(values).where(eq(carePlanActions.id, id)).returning();
  return row!;
}

/** The actions of some plans, in order of creation. */
export async function actionsOf(db: Executor, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(carePlanActions)
    .where(inArray(carePlanActions.planId, planIds))
    .orderBy(asc(carePlanActions.createdAt), asc(carePlanActions.id));
}

export async function insertVisit(db: Executor, values: typeof visits.$inferInsert) {
  const [row] = await db.insert(visits).values(values).returning();
  return row!;
}

export async function findVisit(db: Executor, id: string, lock = false) {
  const q = db.select().from(visits).where(eq(visits.id, id));
  return (lock ? await q.for("update") : await q)[0];
}

export async function updateVisit(db: Executor, id: string, values: Partial<typeof visits.$inferInsert>) {
  const [row] = await db.update(visits).set(values).where(eq(visits.id, id)).returning();
  return row!;
}

/** Visits to some subjects, newest first, with who made them. */
export async function visitsOf(db: Executor, subjectType: string, ids: string[], limit = 20) {
  if (ids.length === 0) return { items: [], total: 0 };
  const where = and(eq(visits.subjectType, subjectType), inArray(visits.subjectId, ids));
  const items = await db
    .select({ v: visits, by: users.displayName })
    .from(visits)
    .leftJoin(users, eq(users.id, visits.doneBy))
    .where(where)
    .orderBy(sql`${visits.doneAt} desc nulls first`, desc(visits.dueOn), desc(visits.id))
    .limit(limit);
  const [total] = await db.select({ n: count() }).from(visits).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The latest visit made to a subject. */
export async function lastVisitAt(
  db: Executor,
  subjectType: string,
  subjectId: string,
): Promise<Date | null> {
  const rows = await db
    .select({ at: sql<Date | string | null>`max(${visits.doneAt})` })
    .from(visits)
    .where(and(eq(visits.subjectType, subjectType), eq(visits.subjectId, subjectId)));
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/** The categories a user has been granted beyond their role. */
export async function grantsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ category: keyPersonGrants.category })
    .from(keyPersonGrants)
    .where(eq(keyPersonGrants.userId, userId))
    .orderBy(asc(keyPersonGrants.category));
  return rows.map((r) => r.category);
}

/** Replaces a user's grants. */
export async function setGrants(
  db: Executor,
  userId: string,
  categories: string[],
  by: string | null,
  at: Date,
) {
  await db.delete(keyPersonGrants).where(eq(keyPersonGrants.userId, userId));
  if (categories.length)
    await db
      .insert(keyPersonGrants)
      .values(categories.map((category) => ({ userId, category, grantedBy: by, grantedAt: at })));
}
