import { systemActor } from "../../core/actor";
import { makeCtx, type Services } from "../../core/context";
import { fromLocal } from "../../core/local-time";
import { localDate } from "../../core/time";
import type { Executor } from "../../db/database";
import { createTask } from "../supervision/create-task";
import { addDays } from "./dates";
import { recordChange } from "./history";
import * as repo from "./persons.repo";

/** How many days before a floating resident's permit expires the grid gets a reminder task. */
export const PERMIT_REMINDER_DAYS = 30;

/**
 * Creates one follow-up task per floating resident whose residence permit expires within 30 days
 * (or has expired unnoticed), assigned to their grid's worker when there is one. Once per person and
 * expiry date: the reminder is kept in the person's history (`permit_reminded` with the date), which
 * is what the next run checks, so a renewed permit gets its own reminder later. Returns the count.
 */
export async function remindExpiringPermits(services: Services, tx: Executor, limit = 500): Promise<number> {
  const ctx = makeCtx(services, { actor: systemActor }, tx);
  const tz = services.config.timeZone;
  const today = localDate(ctx.clock.now(), tz);
  const due = await repo.permitsToRemind(tx, addDays(today, PERMIT_REMINDER_DAYS), limit);
  for (const p of due) {
    const expires = p.permitExpiresOn!;
    const [year, month, day] = expires.split("-").map(Number) as [number, number, number];
    const title =
      expires < today
        ? `流动人口居住证件已于 ${expires} 过期，请督促办理：${p.name}（${p.idMasked ?? "无证件号"}）`
        : `流动人口居住证件将于 ${expires} 到期，请提醒续办：${p.name}（${p.idMasked ?? "无证件号"}）`;
    const taskId = await createTask(tx, {
      title,
      areaPath: p.areaPath,
      assigneeUserId: p.areaPath ? ((await repo.gridWorkerFor(tx, p.areaPath, today)) ?? null) : null,
      dueAt: fromLocal({ year, month, day, hour: 0, minute: 0 }, tz),
    });
    const [row] = await repo.findMany(tx, [p.id]);
    await recordChange(ctx, {
      subjectType: "person",
      subjectId: p.id,
      version: row!.version,
      action: "permit_reminded",
      before: null,
      after: { permitExpiresOn: expires, taskId },
    });
  }
  return due.length;
}
