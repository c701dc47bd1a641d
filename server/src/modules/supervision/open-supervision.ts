import crypto from "node:crypto";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { eventNo } from "../events/present-event";
import { supervisionView, type SupervisionView } from "./list-supervisions";
import { notify } from "./notify";
import { EVENT, eventClosed } from "./supervision.errors";
import * as repo from "./supervision.repo";

/**
 * A supervisor's own instruction on an event (督办, level "notice"): recorded, put on the event's
 * timeline, and sent to the event's handlers at once. Leaders, dispatchers and admins in scope.
 */
export async function openSupervision(
  ctx: Ctx,
  input: { eventId: string; reason: string },
): Promise<SupervisionView> {
  const event = await repo.findEvent(ctx.tx, input.eventId, true);
  if (!event) throw notFound(EVENT);
  authorize(ctx.actor, "event.supervise", { areaPath: event.areaPath ?? "" }, EVENT);
  if (repo.isFinished(event)) throw eventClosed();
  const now = ctx.clock.now();
  const reason = input.reason.trim();
  const opened = await repo.insertSupervision(ctx.tx, {
    eventId: event.id,
    level: "notice",
    stage: event.slaStage,
    dedupeKey: `notice:${crypto.randomUUID()}`,
    reason,
    areaPath: event.areaPath,
    openedAt: now,
    openedBy: ctx.actor.userId,
  });
  await repo.appendTimeline(ctx.tx, event, {
    action: "supervise",
    actor: ctx.actor,
    at: now,
    note: reason,
    data: { supervisionId: opened!.id },
  });
  const handlers = await repo.handlersOf(ctx.tx, event);
  await notify(ctx.tx, {
    kind: "supervision.notice",
    title: `【督办】${eventNo(event, ctx.services.config.timeZone)} ${event.title}`,
    body: `${ctx.actor.displayName}：${reason}`,
    subjectType: "event",
    subjectId: event.id,
    userIds: handlers.userIds,
    departmentIds: handlers.departmentIds,
    areaPath: event.areaPath,
    at: now,
  });
  await recordAudit(ctx, {
    action: "supervision.notice",
    subjectType: "supervision",
    subjectId: opened!.id,
    after: { eventId: event.id, level: "notice", reason },
  });
  return supervisionView(ctx, ctx.tx, opened!.id);
}
