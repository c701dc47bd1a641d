import { holdsPart } from "./event-access";
import { EventError } from "./events.errors";
import { budgetWindow, closedOnTime, type EventSla } from "./event-clock";
import type { ActionHandler, Step } from "./event-step";
import { checkPhotos, lastDispatcher, partUnits } from "./event-step";
import * as repo from "./events.repo";

/** 反馈: the handled matter's result, with evidence, reported back for verification on site. */
export const feedbackEvent: ActionHandler = async (s) => {
  const photos = await checkPhotos(s.ctx.tx, s.body.photos);
  const verifier = s.event.createdBy && s.event.createdBy !== s.ctx.actor.userId ? [s.event.createdBy] : [];
  return {
    changes: { result: s.body.result, feedbackAt: s.now },
    note: s.body.result,
    photos,
    notices: [
      { kind: "event.needs_verification", title: `事件已反馈，待核查：${s.event.title}`, userIds: verifier },
    ],
  };
};

/** Sends the finished parts back to work with the second-handling budget (the clock's redo). */
async function reopenParts(s: Step) {
  const sla = s.event.sla as EventSla;
  const { deadline } = budgetWindow(s.cal, sla.policy, sla.policy.redo, s.now);
  await repo.reopenDoneParts(s.ctx.tx, s.event.id, deadline);
}

/** 核查: checked on site by someone other than those who did the work; not right → back to the same units, on the redo clock. */
export const verifyEvent: ActionHandler = async (s) => {
  if (s.parts.some((p) => p.state === "done" && holdsPart(s.ctx.actor, p)))
    throw new EventError(
      "VERIFY_OWN_WORK",
      403,
      "不能核查本人或本单位处置的事件",
      "You cannot verify work done by you or your unit",
    );
  const photos = await checkPhotos(s.ctx.tx, s.body.photos);
  if (s.body.ok)
    return { changes: { verifiedAt: s.now }, note: s.body.note ?? null, photos, data: { ok: true } };
  await reopenParts(s);
  return {
    outcome: "failed",
    changes: { verifiedAt: null, feedbackAt: null },
    note: s.body.note ?? s.body.reason ?? null,
    photos,
    data: { ok: false },
    notices: [
      {
        kind: "event.verification_failed",
        title: `核查未通过，请重新处置：${s.event.title}`,
        body: s.body.note,
        ...partUnits(s.parts, ["done"]),
      },
    ],
  };
};

/** 结案: closes the matter; records whether it closed by its deadline and whether within the grid. */
export const closeEvent: ActionHandler = async (s) => ({
  changes: { closedOnTime: closedOnTime(s.event, s.now), closedInGrid: s.event.handlingLevel === "grid" },
  note: s.body.note ?? null,
  notices: [
    {
      kind: "event.closed",
      title: `您反映的事件已办结：${s.event.title}`,
      userIds: s.rel.reporterIds,
    },
  ],
});

/**
 * 评价: the reporter (or the desk after a follow-up call) rates the outcome. Dissatisfied reopens the
 * matter when the state machine says so (default), else it stays evaluated and goes to supervision;
 * either way a notice goes out and the rating is counted.
 */
export const evaluateEvent: ActionHandler = async (s) => {
  const dissatisfied = s.body.satisfaction === "dissatisfied";
  const reopen = dissatisfied && Boolean(s.transition.outcomes?.dissatisfied);
  if (reopen) await reopenParts(s);
  return {
    outcome: dissatisfied ? "dissatisfied" : undefined,
    changes: {
      satisfaction: s.body.satisfaction,
      evaluatedAt: s.now,
      ...(reopen ? { closedOnTime: null, verifiedAt: null, feedbackAt: null } : {}),
    },
    note: s.body.comment ?? s.body.note ?? null,
    data: { satisfaction: s.body.satisfaction, reopened: reopen },
    notices: dissatisfied
      ? [
          {
            kind: "event.dissatisfied",
            title: `群众不满意${reopen ? "，已重新办理" : "，请督办"}：${s.event.title}`,
            body: s.body.comment,
            userIds: await lastDispatcher(s.ctx.tx, s.event.id),
            ...(reopen ? { departmentIds: partUnits(s.parts, ["done"]).departmentIds } : {}),
          },
        ]
      : [],
  };
};
