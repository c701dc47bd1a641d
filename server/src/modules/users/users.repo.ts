import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { areas, departments, users, userScopes } from "../../db/schema";
import type { Actor, AreaRef, Role } from "../../core/actor";

export type UserRow = typeof users.$inferSelect;

export async function findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return rows[0];
}

export async function findById(db: Executor, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

/** Each user's scopes, primary first. */
export async function scopesOf(db: Executor, userIds: string[]): Promise<Map<string, AreaRef[]>> {
  const map = new Map<string, AreaRef[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select({
      userId: userScopes.userId,
      id: areas.id,
      code: areas.code,
      name: areas.name,
      level: areas.level,
      path: areas.path,
    })
    .from(userScopes)
    .innerJoin(areas, eq(areas.id, userScopes.areaId))
    .where(inArray(userScopes.userId, userIds))
    .orderBy(sql`${userScopes.isPrimary} desc`, asc(userScopes.position));
  for (const { userId, ...area } of rows) map.set(userId, [...(map.get(userId) ?? []), area]);
  return map;
}

/** Replaces a user's scopes; the first area becomes the primary one. */
export async function setScopes(db: Executor, userId: string, areaIds: string[]): Promise<void> {
  await db.delete(userScopes).where(eq(userScopes.userId, userId));
  if (areaIds.length === 0) return;
  await db
    .insert(userScopes)
    .values(areaIds.map((areaId, position) => ({ userId, areaId, position, isPrimary: position === 0 })));
}

export async function departmentName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const rows = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, id));
  return rows[0]?.name ?? null;
}

/** Builds the actor a user acts as. */
export async function actorFor(
  db: Executor,
  user: UserRow,
  via: Actor["via"],
  extra: Pick<Actor, "sessionId" | "apiKeyId"> = {},
): Promise<Actor> {
  const scopes = (await scopesOf(db, [user.id])).get(user.id) ?? [];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    scopes,
    // an administrator without an area scope administers the whole deployment
    allAreas: scopes.length === 0 && user.roles.includes("admin"),
    departmentId: user.departmentId,
    via,
    ...extra,
  };
}

export async function listUsers(db: Executor, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db.select().from(users).orderBy(asc(users.username)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(users),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row!;
}

export async function findDepartmentByCode(db: Executor, code: string) {
  const rows = await db.select().from(departments).where(eq(departments.code, code));
  return rows[0];
}

export async function departmentCode(db: Executor, id: string): Promise<string | undefined> {
  const rows = await db.select({ code: departments.code }).from(departments).where(eq(departments.id, id));
  return rows[0]?.code;
}
