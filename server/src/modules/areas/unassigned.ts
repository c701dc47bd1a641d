import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { enqueueJob, type JobHandler } from "../../core/jobs";
import { notFound, unprocessable } from "../../core/errors";
import type { Executor } from "../../db/database";
import { areas, unassignedLocations } from "../../db/schema";
import * as repo from "./areas.repo";
import { locatorFor } from "./locator";

/** What a module does when one of its records, queued as unassigned, is given an area. */
export type AssignHook = (tx: Executor, sourceId: string, area: repo.AreaRow) => Promise<void>;
const hooks = new Map<string, AssignHook>();

/** Modules whose records carry a location register how such a record takes its area. */
export function onUnassignedResolved(sourceType: string, hook: AssignHook): void {
  hooks.set(sourceType, hook);
}

/** Queues a record whose location fell outside every area (or could not be matched); never dropped. */
export async function queueUnassigned(
  tx: Executor,
  o: {
    sourceType: string;
    sourceId: string;
    lat?: number | null;
    lng?: number | null;
    address?: string | null;
    reason: string;
    at: Date;
  },
): Promise<void> {
  await tx
    .insert(unassignedLocations)
    .values({
      sourceType: o.sourceType,
      sourceId: o.sourceId,
      lat: o.lat ?? null,
      lng: o.lng ?? null,
      address: o.address ?? null,
      reason: o.reason,
      createdAt: o.at,
    })
    .onConflictDoUpdate({
      target: [unassignedLocations.sourceType, unassignedLocations.sourceId],
      set: {
        lat: o.lat ?? null,
        lng: o.lng ?? null,
        address: o.address ?? null,
        reason: o.reason,
        resolvedAt: null,
        resolvedAreaId: null,
        resolvedBy: null,
      },
    });
}

async function resolve(
  tx: Executor,
  row: typeof unassignedLocations.$inferSelect,
  area: repo.AreaRow,
  by: string | null,
  at: Date,
) {
  await tx
    .update(unassignedLocations)
    .set({ resolvedAt: at, resolvedAreaId: area.id, resolvedBy: by })
    .where(eq(unassignedLocations.id, row.id));
  await hooks.get(row.sourceType)?.(tx, row.sourceId, area);
}

/** The queue, oldest first (open) or newest first (resolved). */
export async function listUnassigned(ctx: Ctx, status: "open" | "resolved", limit: number, offset: number) {
  authorize(ctx.actor, "unassigned.manage");
  const open = status === "open";
  return ctx.tx
    .select({ row: unassignedLocations, areaCode: areas.code, areaName: areas.name })
    .from(unassignedLocations)
    .leftJoin(areas, eq(areas.id, unassignedLocations.resolvedAreaId))
    .where(open ? isNull(unassignedLocations.resolvedAt) : isNotNull(unassignedLocations.resolvedAt))
    .orderBy(open ? unassignedLocations.createdAt : desc(unassignedLocations.resolvedAt))
    .limit(limit)
    .offset(offset);
}

/** A dispatcher gives a queued record its area by hand. */
export async function assignUnassigned(ctx: Ctx, id: string, areaCode: string) {
  authorize(ctx.actor, "unassigned.manage");
  const [row] = await ctx.tx
    .select()
    .from(unassignedLocations)
    .where(and(eq(unassignedLocations.id, id), isNull(unassignedLocations.resolvedAt)));
  if (!row) throw notFound({ zh: "待分配记录", en: "unassigned record" });
  const area = await repo.findByCode(ctx.tx, areaCode);
  if (!area)
    throw unprocessable(
      "UNKNOWN_AREA",
      `区域 ${areaCode} 不存在`,
      `Area ${areaCode} does not exist`,
      "areaCode",
    );
  authorize(ctx.actor, "unassigned.manage", { areaPath: area.path });
  await resolve(ctx.tx, row, area, ctx.actor.userId, ctx.clock.now());
  await recordAudit(ctx, {
    action: "unassigned.assigned",
    subjectType: row.sourceType,
    subjectId: row.sourceId,
    before: { area: null },
    after: { area: area.code },
  });
}

/** Asks for a re-assignment run (after boundaries changed): a job, so it survives restarts. */
export async function requestReassign(ctx: Ctx): Promise<number | undefined> {
  authorize(ctx.actor, "area.edit");
  const id = await enqueueJob(ctx.tx, {
    kind: "areas.reassign",
    runAt: ctx.clock.now(),
    dedupeKey: "areas.reassign",
    payload: { requestedBy: ctx.actor.username },
  });
  await recordAudit(ctx, {
    action: "areas.reassign_requested",
    subjectType: "job",
    subjectId: id ? String(id) : null,
  });
  return id;
}

/**
 * The re-assignment job: every open queued location that now falls in an area is given it.
 * Its report ({checked, assigned, stillOutside}) is written into the job's payload.
 */
export const reassignJob: JobHandler = async (services, tx, job) => {
  const locator = locatorFor(services);
  locator.invalidate();
  const now = services.clock.now();
  const open = await tx
    .select()
    .from(unassignedLocations)
    .where(
      and(
        isNull(unassignedLocations.resolvedAt),
        isNotNull(unassignedLocations.lat),
        isNotNull(unassignedLocations.lng),
      ),
    );
  let assigned = 0;
  for (const row of open) {
    const found = await locator.locate(row.lng!, row.lat!, tx);
    if (!found) continue;
    const area = await repo.findByCode(tx, found.code);
    if (!area) continue;
    await resolve(tx, row, area, null, now);
    assigned++;
  }
  const report = {
    checked: open.length,
    assigned,
    stillOutside: open.length - assigned,
    finishedAt: now.toISOString(),
  };
  await tx.execute(
    sql`update jobs set payload = payload || ${JSON.stringify({ report })}::jsonb where id = ${job.id}`,
  );
};
