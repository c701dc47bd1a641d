import { recordAudit } from "../../core/audit";
import { notFound } from "../../core/errors";
import { scheduleSlaTimers } from "../supervision/sla-timers";
import { hasStanding } from "./event-can";
import { isVisible, standing } from "./event-access";
import { EVENT, mergeInvalid } from "./events.errors";
import type { ActionHandler } from "./event-step";
import * as repo from "./events.repo";
import { eventNo } from "./present-event";
import { relationsOf } from "./read-event";

/**
 * 合并: a duplicate report is merged into the surviving event. It closes as merged; its reporter,
 * its links and the reports merged into it follow the survivor (they see it and hear of its close).
 */
export const mergeEvent: ActionHandler = async (s) => {
  const { tx } = s.ctx;
  const source = s.event;
  const target = s.locked.find((e) => e.id === s.body.intoId);
  if (!target || s.body.intoId === source.id) {
    if (s.body.intoId === source.id)
      throw mergeInvalid("不能合并到自身", "An event cannot be merged into itself");
    throw notFound(EVENT, "intoId");
  }
  const rel = await relationsOf(tx, target);
  if (!isVisible(s.ctx.actor, target, rel)) throw notFound(EVENT, "intoId");
  if (!hasStanding(s.transition, standing(s.ctx.actor, target, rel)))
    throw mergeInvalid("您无权处理目标事件", "You may not act on the event to merge into");
  const targetState = s.config.index.states.get(target.state);
  if (target.mergedIntoId || targetState?.closes || targetState?.final)
    throw mergeInvalid("目标事件已结束，不能合并到它", "The event to merge into has ended");
  const tz = s.ctx.services.config.timeZone;
  return {
    changes: { mergedIntoId: target.id, assigneeUserId: null },
    data: { intoId: target.id, intoNo: eventNo(target, tz) },
    note: s.body.note ?? s.body.reason ?? null,
    notices: [
      {
        kind: "event.merged",
        title: `您反映的事件已并入 ${eventNo(target, tz)} 一并办理`,
        userIds: s.rel.reporterIds,
      },
    ],
    after: async () => {
      await repo.withdrawOpenParts(tx, source.id);
      await repo.repointMerged(tx, source.id, target.id);
      const links = await repo.linksOf(tx, source.id);
      await repo.insertLinks(
        tx,
        target.id,
        links.map((l) => ({ type: l.subjectType, id: l.subjectId, role: l.role })),
      );
      const survivor = await repo.updateEvent(tx, target.id, {
        version: target.version + 1,
        updatedAt: s.now,
      });
      await repo.insertAction(tx, {
        eventId: target.id,
        action: "merged_in",
        fromState: target.state,
        toState: target.state,
        version: survivor.version,
        actorId: s.ctx.actor.userId,
        actorName: s.ctx.actor.displayName,
        actorRole: s.ctx.actor.roles.join(","),
        departmentId: s.ctx.actor.departmentId,
        note: s.body.note ?? null,
        data: { fromId: source.id, fromNo: eventNo(source, tz) },
        at: s.now,
      });
      await recordAudit(s.ctx, {
        action: "event.merged_in",
        subjectType: "event",
        subjectId: target.id,
        before: { version: target.version },
        after: { version: survivor.version, mergedFrom: source.id },
      });
      await scheduleSlaTimers(tx, survivor);
    },
  };
};
