import type { Services } from "../../core/context";
import type { Actor } from "../../core/actor";
import { secretDigest } from "../../core/crypto";
import * as users from "../users/users.repo";
import { invalidToken } from "./auth.errors";
import * as repo from "./sessions.repo";

export const SESSION_COOKIE = "pingan_session";
export const API_KEY_PREFIX = "pak_";
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the actor behind a cookie session, a bearer token or an API key. Returns null when
 * the request carries no credentials; throws AUTH_INVALID_TOKEN when it carries bad ones.
 */
export async function authenticate(
  services: Services,
  credentials: { cookie?: string; bearer?: string },
): Promise<Actor | null> {
  const { db, clock, config } = services;
  const now = clock.now();
  const secret = credentials.bearer ?? credentials.cookie;
  if (!secret) return null;
  const digest = secretDigest(secret);
  if (credentials.bearer?.startsWith(API_KEY_PREFIX)) {
    const key = await repo.findApiKey(db, digest);
    if (!key) throw invalidToken();
    const user = await users.findById(db, key.userId);
    if (!user || user.disabled) throw invalidToken();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS)
      await repo.touchApiKey(db, key.id, now);
    return users.actorFor(db, user, "api_key", { apiKeyId: key.id });
  }
  const session = await repo.findLiveSession(db, digest, now);
  if (!session) {
    if (credentials.bearer) throw invalidToken();
    return null; // a stale cookie is simply "not logged in"
  }
  const user = await users.findById(db, session.userId);
  if (!user || user.disabled) throw invalidToken();
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // cookie sessions slide: idle for sessionTtlHours ends them; tokens keep their fixed expiry
    const slide =
      session.kind === "cookie" ? new Date(now.getTime() + config.sessionTtlHours * 3_600_000) : null;
    await repo.touchSession(db, session.id, now, slide);
  }
  return users.actorFor(db, user, session.kind as "cookie" | "token", { sessionId: session.id });
}
