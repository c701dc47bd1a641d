import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { areas, gridTeamMembers, users } from "../../db/schema";

export type MemberRow = typeof gridTeamMembers.$inferSelect;
export type NewMember = typeof gridTeamMembers.$inferInsert;
export type MemberWithUser = MemberRow & { username: string | null };

const withUsername = { member: gridTeamMembers, username: users.username };

/** A grid's team, with each member's username when they have an account. */
export async function listByArea(db: Executor, areaId: string): Promise<MemberWithUser[]> {
  const rows = await db
    .select(withUsername)
    .from(gridTeamMembers)
    .leftJoin(users, eq(users.id, gridTeamMembers.userId))
    .where(eq(gridTeamMembers.areaId, areaId))
    .orderBy(asc(gridTeamMembers.createdAt), asc(gridTeamMembers.id));
  return rows.map((r) => ({ ...r.member, username: r.username }));
}

/** One member of a grid's team (undefined when the id belongs to another grid). */
export async function findInArea(
  db: Executor,
  areaId: string,
  id: string,
  lock = false,
): Promise<MemberWithUser | undefined> {
  const q = db
    .select(withUsername)
    .from(gridTeamMembers)
    .leftJoin(users, eq(users.id, gridTeamMembers.userId))
    .where(and(eq(gridTeamMembers.areaId, areaId), eq(gridTeamMembers.id, id)));
  const rows = lock ? await q.for("update", { of: gridTeamMembers }) : await q;
  return rows[0] && { ...rows[0].member, username: rows[0].username };
}

export async function insert(db: Executor, values: NewMember): Promise<MemberRow> {
  const [row] = await db.insert(gridTeamMembers).values(values).returning();
  return row!;
}

export async function update(db: Executor, id: string, values: Partial<NewMember>): Promise<MemberRow> {
  const [row] = await db.update(gridTeamMembers).set(values).where(eq(gridTeamMembers.id, id)).returning();
  return row!;
}

export async function remove(db: Executor, id: string): Promise<void> {
  await db.delete(gridTeamMembers).where(eq(gridTeamMembers.id, id));
}

/**
 * Points every member whose substitute was `from` at `to` instead (or at no one); a member never
 * becomes their own substitute. Returns the ids of the members changed.
 */
export async function replaceSubstitute(db: Executor, from: string, to: string | null): Promise<string[]> {
  const changed: string[] = [];
  if (to) {
    const self = await db
      .update(gridTeamMembers)
      .set({ substituteId: null })
      .where(and(eq(gridTeamMembers.substituteId, from), eq(gridTeamMembers.id, to)))
      .returning({ id: gridTeamMembers.id });
    changed.push(...self.map((r) => r.id));
  }
  const rest = await db
    .update(gridTeamMembers)
    .set({ substituteId: to })
    .where(and(eq(gridTeamMembers.substituteId, from), ...(to ? [ne(gridTeamMembers.id, to)] : [])))
    .returning({ id: gridTeamMembers.id });
  return [...changed, ...rest.map((r) => r.id)];
}

export type Membership = MemberRow & { areaCode: string; areaPath: string };

/** Every team a user serves on, with the grid's code and path. */
export async function membershipsOf(db: Executor, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ member: gridTeamMembers, areaCode: areas.code, areaPath: areas.path })
    .from(gridTeamMembers)
    .innerJoin(areas, eq(areas.id, gridTeamMembers.areaId))
    .where(eq(gridTeamMembers.userId, userId))
    .orderBy(asc(areas.code), asc(gridTeamMembers.id));
  return rows.map((r) => ({ ...r.member, areaCode: r.areaCode, areaPath: r.areaPath }));
}

/** Locks the users' rows to the end of the transaction, in id order (no deadlock between two hand-overs). */
export async function lockUsers(db: Executor, ids: string[]): Promise<void> {
  await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(sql`${users.id}`)
    .for("update");
}
