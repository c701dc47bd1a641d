import { extendClock, type EventSla } from "./event-clock";
import { extensionInvalid, extensionPending, noExtensionRequest } from "./events.errors";
import type { ActionHandler } from "./event-step";
import { lastDispatcher } from "./event-step";
import * as repo from "./events.repo";

const slaOf = (e: { sla: unknown }) => structuredClone(e.sla as EventSla);

/** 挂起: the clock stops (paused_at); it remembers the state to resume to. */
export const suspendEvent: ActionHandler = async (s) => ({
  changes: { sla: { ...slaOf(s.event), resumeState: s.event.state } },
  note: s.body.reason,
});

/** 恢复: back to the state before the suspension; the deadlines move by the time spent paused. */
export const resumeEvent: ActionHandler = async (s) => ({
  // the dispatcher reads the state to resume to before this change clears it
  changes: { sla: { ...slaOf(s.event), resumeState: null } },
  note: s.body.note ?? null,
});

/** 申请延期: a unit asks for more days, within the policy's limits; the desk decides. */
export const requestExtension: ActionHandler = async (s) => {
  const sla = slaOf(s.event);
  const days = s.body.days!;
  const { maxExtensionDays, maxExtensions } = s.config.sla;
  if (sla.extensionRequest) throw extensionPending();
  if (!Number.isInteger(days) || days < 1)
    throw extensionInvalid("延期天数须为正整数", "The extension must be a whole number of days ≥ 1");
  if (sla.extensions >= maxExtensions)
    throw extensionInvalid(`最多延期 ${maxExtensions} 次`, `At most ${maxExtensions} extensions are allowed`);
  if (sla.extensionDays + days > maxExtensionDays)
    throw extensionInvalid(
      `累计延期不能超过 ${maxExtensionDays} 天（已延期 ${sla.extensionDays} 天）`,
      `Extensions may not exceed ${maxExtensionDays} days in all (${sla.extensionDays} already)`,
    );
  sla.extensionRequest = {
    days,
    reason: s.body.reason!,
    by: s.ctx.actor.userId ?? s.ctx.actor.username,
    at: s.now.toISOString(),
  };
  return {
    changes: { sla },
    note: s.body.reason,
    data: { days },
    notices: [
      {
        kind: "event.extension_requested",
        title: `延期申请 ${days} 天：${s.event.title}`,
        body: s.body.reason,
        userIds: await lastDispatcher(s.ctx.tx, s.event.id),
      },
    ],
  };
};

const requester = (sla: EventSla) =>
  sla.extensionRequest && /^[0-9a-f-]{36}$/.test(sla.extensionRequest.by) ? [sla.extensionRequest.by] : [];

/** 批准延期: the stage's deadline and the whole matter's move by the days asked; open parts follow. */
export const approveExtension: ActionHandler = async (s) => {
  const sla = slaOf(s.event);
  if (!sla.extensionRequest) throw noExtensionRequest();
  const days = sla.extensionRequest.days;
  const changes = extendClock(s.cal, s.event, days, s.now);
  return {
    changes,
    note: s.body.note ?? null,
    data: { days },
    after: async (updated) => {
      for (const p of s.parts.filter((p) => p.state === "pending" || p.state === "accepted"))
        await repo.updatePart(s.ctx.tx, p.id, { deadline: updated.deadline });
    },
    notices: [
      {
        kind: "event.extension_approved",
        title: `延期 ${days} 天已批准：${s.event.title}`,
        userIds: requester(sla),
      },
    ],
  };
};

/** 驳回延期: the request is refused with a reason; the deadline stands. */
export const rejectExtension: ActionHandler = async (s) => {
  const sla = slaOf(s.event);
  if (!sla.extensionRequest) throw noExtensionRequest();
  const who = requester(sla);
  const days = sla.extensionRequest.days;
  sla.extensionRequest = null;
  return {
    changes: { sla },
    note: s.body.reason,
    data: { days },
    notices: [
      {
        kind: "event.extension_rejected",
        title: `延期申请未获批准：${s.event.title}`,
        body: s.body.reason,
        userIds: who,
      },
    ],
  };
};
