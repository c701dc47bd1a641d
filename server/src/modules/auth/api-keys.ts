import { desc, eq, isNull, and } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { randomSecret, secretDigest } from "../../core/crypto";
import { notFound, unprocessable } from "../../core/errors";
import { apiKeys, users as usersTable } from "../../db/schema";
import * as users from "../users/users.repo";
import { API_KEY_PREFIX } from "./authenticate";

const API_KEY = { zh: "API 密钥", en: "API key" };

/** Creates a key for a machine client; it acts as the named user. The key is shown only now. */
export async function createApiKey(ctx: Ctx, input: { name: string; username?: string }) {
  authorize(ctx.actor, "apikey.manage");
  const owner = input.username
    ? await users.findByUsername(ctx.tx, input.username)
    : await users.findById(ctx.tx, ctx.actor.userId ?? "");
  if (!owner)
    throw unprocessable(
      "UNKNOWN_USER",
      `用户 ${input.username ?? ""} 不存在`,
      `User ${input.username ?? ""} does not exist`,
      "username",
    );
  const prefix = randomSecret(6).replace(/[-_]/g, "x").slice(0, 8);
  const key = `${API_KEY_PREFIX}${prefix}_${randomSecret(32)}`;
  const [row] = await ctx.tx
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix,
      keyHash: secretDigest(key),
      userId: owner.id,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  await recordAudit(ctx, {
    action: "apikey.created",
    subjectType: "api_key",
    subjectId: row!.id,
    after: { name: input.name, prefix, username: owner.username },
  });
  return { id: row!.id, key, prefix, name: input.name, username: owner.username };
}

export async function listApiKeys(ctx: Ctx) {
  authorize(ctx.actor, "apikey.manage");
  const rows = await ctx.tx
    .select({ key: apiKeys, username: usersTable.username })
    .from(apiKeys)
    .innerJoin(usersTable, eq(usersTable.id, apiKeys.userId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(({ key, username }) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    username,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Revokes a key at once; requests with it answer 401 from then on. */
export async function revokeApiKey(ctx: Ctx, id: string) {
  authorize(ctx.actor, "apikey.manage");
  const [row] = await ctx.tx
    .update(apiKeys)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  if (!row) throw notFound(API_KEY);
  await recordAudit(ctx, {
    action: "apikey.revoked",
    subjectType: "api_key",
    subjectId: id,
    before: { revoked: false },
    after: { revoked: true },
  });
}
