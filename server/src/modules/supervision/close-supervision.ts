import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { supervisionView, type SupervisionView } from "./list-supervisions";
import { SUPERVISION, supervisionClosed } from "./supervision.errors";
import * as repo from "./supervision.repo";

/** Closes a supervision (督办办结) with a note; leaders, dispatchers and admins in scope; recorded on the timeline. */
export async function closeSupervision(
  ctx: Ctx,
  id: string,
  note: string | undefined,
): Promise<SupervisionView> {
  const found = await repo.findSupervision(ctx.tx, id);
  if (!found) throw notFound(SUPERVISION);
  authorize(ctx.actor, "event.supervise", { areaPath: found.areaPath ?? "" }, SUPERVISION);
  // the event first, then the record: the order every change to an event's clock takes them in
  const event = await repo.findEvent(ctx.tx, found.eventId, true);
  const row = (await repo.findSupervision(ctx.tx, id, true))!;
  if (row.status !== "open") throw supervisionClosed();
  const now = ctx.clock.now();
  const closed = await repo.closeSupervision(ctx.tx, id, now, note?.trim() || null);
  if (event)
    await repo.appendTimeline(ctx.tx, event, {
      action: "supervision_closed",
      actor: ctx.actor,
      at: now,
      note: closed.note,
      data: { supervisionId: id, level: row.level },
    });
  await recordAudit(ctx, {
    action: "supervision.closed",
    subjectType: "supervision",
    subjectId: id,
    before: { status: row.status },
    after: { status: closed.status, note: closed.note },
  });
  return supervisionView(ctx, ctx.tx, id);
}
