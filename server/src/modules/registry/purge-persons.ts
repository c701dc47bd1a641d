import { recordAudit } from "../../core/audit";
import { systemActor } from "../../core/actor";
import { authorize } from "../../core/authorize";
import { makeCtx, type Ctx, type Services } from "../../core/context";
import type { Executor } from "../../db/database";
import { localDate } from "../../core/time";
import { purgeKeyPersonRecords } from "./key-person-lifecycle";
import { recordChange } from "./history";
import * as repo from "./persons.repo";
import { badField } from "./registry.errors";

/** How long the registry keeps a deregistered person's data before purging it. */
export interface RetentionSetting {
  /** Days from the day a person's deregistration is recorded until their data is purged. */
  deregisteredDays: number;
}

export const RETENTION_KEY = "registry.retention";
export const DEFAULT_RETENTION: RetentionSetting = { deregisteredDays: 1095 };
const MIN_DAYS = 30;
const MAX_DAYS = 36_500;

/** The retention setting, or its default (three years). */
export async function readRetention(db: Executor): Promise<RetentionSetting> {
  const stored = await repo.readSetting<Partial<RetentionSetting>>(db, RETENTION_KEY);
  const days = Number(stored?.deregisteredDays);
  return { deregisteredDays: Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION.deregisteredDays };
}

/** The registry's settings, for administrators. */
export async function readRegistrySettings(ctx: Ctx): Promise<{ retention: RetentionSetting }> {
  authorize(ctx.actor, "registry.purge");
  return { retention: await readRetention(ctx.tx) };
}

/** Changes the retention period (30 days to 100 years); audited. Already scheduled purges keep their dates. */
export async function updateRegistrySettings(
  ctx: Ctx,
  input: { retention: RetentionSetting },
): Promise<{ retention: RetentionSetting }> {
  authorize(ctx.actor, "registry.purge");
  const days = input.retention.deregisteredDays;
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS)
    throw badField(
      "retention.deregisteredDays",
      "RETENTION_INVALID",
      `保留天数应为 ${MIN_DAYS}–${MAX_DAYS} 的整数`,
      `The retention must be a whole number of days between ${MIN_DAYS} and ${MAX_DAYS}`,
    );
  const before = await readRetention(ctx.tx);
  const after = { deregisteredDays: days };
  await repo.writeSetting(ctx.tx, RETENTION_KEY, after, ctx.clock.now());
  await recordAudit(ctx, {
    action: "registry.settings_updated",
    subjectType: "setting",
    before: { retention: before },
    after: { retention: after },
  });
  return { retention: after };
}

/**
 * Purges persons whose retention ended: every personal field emptied (name → "已清除", sealed ID and
 * phone gone), status `purged`, earlier history rows stripped of their values, a `purged` history
 * row without values and an audit row. Runs as the system in the given transaction; returns the count.
 */
export async function purgeDuePersons(services: Services, tx: Executor, limit = 500): Promise<number> {
  const ctx = makeCtx(services, { actor: systemActor }, tx);
  const today = localDate(ctx.clock.now(), services.config.timeZone);
  const due = await repo.dueForPurge(tx, today, limit);
  for (const person of due) {
    await repo.scrubHistory(tx, person.id);
    const next = await repo.update(tx, person.id, repo.PURGED_VALUES, ctx.clock.now());
    // health, criminal-record and care data of a purged person go too
    await purgeKeyPersonRecords(tx, person.id, ctx.clock.now());
    await recordChange(ctx, {
      subjectType: "person",
      subjectId: person.id,
      version: next.version,
      action: "purged",
      before: null,
      after: null,
      reason: "retention period ended",
    });
  }
  return due.length;
}
