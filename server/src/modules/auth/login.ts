import { recordAudit } from "../../core/audit";
import type { Services } from "../../core/context";
import { inTransaction } from "../../core/context";
import { randomSecret, secretDigest } from "../../core/crypto";
import { systemActor, type Actor } from "../../core/actor";
import * as users from "../users/users.repo";
import { burnVerify, verifyPassword } from "../users/passwords";
import { accountDisabled, invalidCredentials, locked } from "./auth.errors";
import * as repo from "./sessions.repo";

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

export interface LoginInput {
  username: string;
  password: string;
  kind: "cookie" | "token";
  ip: string;
  userAgent?: string | null;
  requestId?: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

/**
 * Checks a password and opens a console session or an API token. After LOCKOUT_FAILURES failed
 * attempts for one user from one address within LOCKOUT_WINDOW_MS, answers AUTH_LOCKED until
 * the oldest of them leaves the window; failures are committed even though the call fails.
 */
export async function login(services: Services, input: LoginInput): Promise<LoginResult> {
  const { db, clock, config } = services;
  const now = clock.now();
  const failures = await repo.recentFailures(
    db,
    input.username,
    input.ip,
    new Date(now.getTime() - LOCKOUT_WINDOW_MS),
  );
  if (failures.length >= LOCKOUT_FAILURES) {
    const unlockAt = failures[failures.length - LOCKOUT_FAILURES]!.getTime() + LOCKOUT_WINDOW_MS;
    throw locked(Math.ceil((unlockAt - now.getTime()) / 1000));
  }
  const user = await users.findByUsername(db, input.username);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnVerify(input.password), false);
  const info = { actor: systemActor, requestId: input.requestId, ip: input.ip };
  if (!ok || !user) {
    await inTransaction(services, info, async (ctx) => {
      await repo.recordAttempt(ctx.tx, input.username, input.ip, now, false);
      await recordAudit(ctx, {
        action: "auth.login_failed",
        subjectType: "user",
        subjectId: user?.id ?? null,
        after: { username: input.username, kind: input.kind },
      });
    });
    throw invalidCredentials();
  }
  if (user.disabled) throw accountDisabled();
  const token = randomSecret(32);
  const ttlHours = input.kind === "cookie" ? config.sessionTtlHours : config.tokenTtlHours;
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const sessionId = secretDigest(token);
  return inTransaction(services, info, async (ctx) => {
    await repo.recordAttempt(ctx.tx, input.username, input.ip, now, true);
    await repo.insertSession(ctx.tx, {
      id: sessionId,
      userId: user.id,
      kind: input.kind,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    const actor = await users.actorFor(ctx.tx, user, input.kind, { sessionId });
    await recordAudit(
      { ...ctx, actor },
      {
        action: input.kind === "cookie" ? "auth.login" : "auth.token_issued",
        subjectType: "user",
        subjectId: user.id,
      },
    );
    return { token, expiresAt, actor };
  });
}
