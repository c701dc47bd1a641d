import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Ctx } from "../../core/context";
import type { Executor } from "../../db/database";
import { carePlanActions, carePlans, keyPersons, visits } from "../../db/schema";
import { recordChange } from "./history";
import type { LocatedIn } from "./locate-record";

/**
 * Moves a person's active key-person records (and their open visits) to the person's new area, so
 * scope follows the person; call it in the transaction that moves the person. Returns how many moved.
 */
export async function followPersonArea(ctx: Ctx, personId: string, area: LocatedIn): Promise<number> {
  const moved = await ctx.tx
    .update(keyPersons)
    .set({
      areaId: area.areaId,
      areaPath: area.areaPath,
      version: sql`${keyPersons.version} + 1`,
      updatedAt: ctx.clock.now(),
    })
    .where(
      and(
        eq(keyPersons.personId, personId),
        eq(keyPersons.status, "active"),
        sql`${keyPersons.areaPath} is distinct from ${area.areaPath}`,
      ),
    )
    .returning({ id: keyPersons.id, version: keyPersons.version });
  for (const kp of moved) {
    await ctx.tx
      .update(visits)
      .set({ areaPath: area.areaPath })
      .where(
        and(eq(visits.subjectType, "key_person"), eq(visits.subjectId, kp.id), sql`${visits.doneAt} is null`),
      );
    await recordChange(ctx, {
      subjectType: "key_person",
      subjectId: kp.id,
      version: kp.version,
      action: "moved",
      before: null,
      after: { areaPath: area.areaPath },
    });
  }
  return moved.length;
}

/**
 * Empties the sensitive content of a purged person's key-person records — category details, care-plan
 * goals, notes and results, visit notes and findings — and marks them purged; counts stay countable.
 */
export async function purgeKeyPersonRecords(tx: Executor, personId: string, at: Date): Promise<number> {
  const records = await tx
    .update(keyPersons)
    .set({
      details: {},
      status: "purged",
      nextVisitOn: null,
      updatedAt: at,
      version: sql`${keyPersons.version} + 1`,
    })
    .where(and(eq(keyPersons.personId, personId), ne(keyPersons.status, "purged")))
    .returning({ id: keyPersons.id });
  const ids = records.map((r) => r.id);
  if (ids.length === 0) return 0;
  const plans = await tx
    .update(carePlans)
    .set({ goal: "已清除", outcomeNote: null })
    .where(inArray(carePlans.keyPersonId, ids))
    .returning({ id: carePlans.id });
  if (plans.length)
    await tx
      .update(carePlanActions)
      .set({ description: "已清除", result: null })
      .where(
        inArray(
          carePlanActions.planId,
          plans.map((p) => p.id),
        ),
      );
  await tx
    .update(visits)
    .set({ note: null, findings: null })
    .where(and(eq(visits.subjectType, "key_person"), inArray(visits.subjectId, ids)));
  return ids.length;
}
