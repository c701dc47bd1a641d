import { and, asc, eq } from "drizzle-orm";
import { diffForAudit, recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { registryChanges } from "../../db/schema";

/** Fields of registry records that are sensitive personal information (PIPL): never in history in clear. */
export const REGISTRY_SENSITIVE = [
  "idNumber",
  "idEnc",
  "idIndex",
  "phone",
  "phoneEnc",
  "phoneIndex",
  "responsiblePhoneEnc",
  "safetyManagerPhoneEnc",
  "details",
  "diagnosis",
  "health",
  "criminalRecord",
];

export interface ChangeInput {
  subjectType: "person" | "household" | "house" | "building" | "place" | "thing" | "key_person" | "care_plan";
  subjectId: string;
  version: number;
  /** created, updated, deregistered, archived, purged, rated, moved, member_added… */
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason?: string;
  /** Also write an audit record (default true); bulk imports write one audit row per import instead. */
  audit?: boolean;
}

/**
 * Keeps a change to a registry record (who, when, what before and after, sensitive fields only as
 * "changed" with a digest) and, unless told otherwise, its audit record, in the caller's transaction.
 */
export async function recordChange(ctx: Ctx, c: ChangeInput): Promise<void> {
  const diff = diffForAudit(ctx.keyring, c.before, c.after, REGISTRY_SENSITIVE);
  const split = (side: "before" | "after") =>
    diff
      ? Object.fromEntries(
          Object.entries(diff).map(([k, v]) => [k, v.changed ? { changed: true } : (v[side] ?? null)]),
        )
      : null;
  await ctx.tx.insert(registryChanges).values({
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    version: c.version,
    action: c.action,
    before: c.before ? split("before") : null,
    after: c.after ? split("after") : null,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    at: ctx.clock.now(),
  });
  if (c.audit !== false)
    await recordAudit(ctx, {
      action: `${c.subjectType}.${c.action}`,
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      before: c.before,
      after: c.after,
      sensitive: REGISTRY_SENSITIVE,
      reason: c.reason ?? null,
    });
}

/** A record's history, oldest first. */
export async function listChanges(ctx: Ctx, subjectType: string, subjectId: string) {
  return ctx.tx
    .select()
    .from(registryChanges)
    .where(and(eq(registryChanges.subjectType, subjectType), eq(registryChanges.subjectId, subjectId)))
    .orderBy(asc(registryChanges.id));
}
