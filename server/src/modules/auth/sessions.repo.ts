import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { apiKeys, loginAttempts, sessions } from "../../db/schema";

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: Executor, id: string, now: Date): Promise<SessionRow | undefined> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return rows[0];
}

export async function touchSession(
  db: Executor,
  id: string,
  now: Date,
  expiresAt: Date | null,
): Promise<void> {
  await db
    .update(sessions)
    .set(expiresAt ? { lastSeenAt: now, expiresAt } : { lastSeenAt: now })
    .where(eq(sessions.id, id));
}

export async function revokeSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
}

/** Ends every other live session of a user (after a password change). */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keepId: string | undefined,
  now: Date,
) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepId ? sql`${sessions.id} <> ${keepId}` : sql`true`,
      ),
    );
}

export async function recordAttempt(db: Executor, username: string, ip: string, at: Date, ok: boolean) {
  await db.insert(loginAttempts).values({ username: username.toLowerCase(), ip, at, ok });
}

/** Failed attempts for user+address since `since` and since the last success, oldest first. */
export async function recentFailures(
  db: Executor,
  username: string,
  ip: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .select({ at: loginAttempts.at, ok: loginAttempts.ok })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username.toLowerCase()),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, since),
      ),
    )
    .orderBy(loginAttempts.at);
  const lastOk = rows.map((r) => r.ok).lastIndexOf(true);
  return rows.slice(lastOk + 1).map((r) => r.at);
}

export async function findApiKey(db: Executor, keyHash: string) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return rows[0];
}

export async function touchApiKey(db: Executor, id: string, now: Date) {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}
