import { forbidden } from "../../core/errors";
import { mayActOnPart } from "./event-can";
import { partStateInvalid, returnLimit, unknownPart } from "./events.errors";
import type { ActionHandler, Step } from "./event-step";
import { checkPhotos, lastDispatcher } from "./event-step";
import * as repo from "./events.repo";

/** The part named in the body, when the actor may act on it in one of the given states. */
function partFor(s: Step, states: string[]) {
  const part = s.parts.find((p) => p.id === s.body.partId);
  if (!part) throw unknownPart(String(s.body.partId));
  if (!mayActOnPart(s.ctx.actor, s.transition, s.roles, part)) throw forbidden();
  if (!states.includes(part.state)) throw partStateInvalid(part.state, s.body.action);
  return part;
}

const live = (p: repo.PartRow) => p.state !== "withdrawn" && p.state !== "rejected";

/** 签收: a unit accepts its part; the event is being handled from the first acceptance. */
export const acceptPart: ActionHandler = async (s) => {
  const part = partFor(s, ["pending"]);
  await repo.updatePart(s.ctx.tx, part.id, { state: "accepted", acceptedAt: s.now });
  return {
    outcome: s.event.state === "dispatched" ? "started" : undefined,
    data: { partId: part.id },
  };
};

/**
 * 拒收: a unit rejects its part with a reason. When no required part is left the matter goes back
 * to the desk (a return, counted against the limit).
 */
export const rejectPart: ActionHandler = async (s) => {
  const part = partFor(s, ["pending", "accepted"]);
  const left = s.parts.filter((p) => p.id !== part.id && live(p) && p.required);
  if (left.length === 0 && s.event.returnCount >= s.config.states.maxReturns)
    throw returnLimit(s.config.states.maxReturns);
  await repo.updatePart(s.ctx.tx, part.id, { state: "rejected", reason: s.body.reason });
  if (left.length > 0) return { note: s.body.reason, data: { partId: part.id } };
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  return {
    outcome: "none_left",
    changes: { returnCount: s.event.returnCount + 1, assigneeUserId: null },
    note: s.body.reason,
    data: { partId: part.id, returned: true },
    notices: [
      {
        kind: "event.returned",
        title: `事件被拒收退回：${s.event.title}`,
        body: s.body.reason,
        userIds: await lastDispatcher(s.ctx.tx, s.event.id),
      },
    ],
  };
};

/** 办结: a unit finishes its part with a result and photos; when every required part is done, the event is handled. */
export const finishPart: ActionHandler = async (s) => {
  const part = partFor(s, ["pending", "accepted"]);
  const photos = await checkPhotos(s.ctx.tx, s.body.photos);
  await repo.updatePart(s.ctx.tx, part.id, {
    state: "done",
    result: s.body.result,
    photos,
    acceptedAt: part.acceptedAt ?? s.now,
    doneAt: s.now,
  });
  const required = s.parts.filter((p) => live(p) && p.required);
  const allDone = required.every((p) => p.id === part.id || p.state === "done");
  const outcome = allDone ? "all_done" : s.event.state === "dispatched" ? "started" : undefined;
  const lead = part.role === "lead" || required.length <= 1;
  return {
    outcome,
    changes: allDone && lead ? { result: s.body.result } : {},
    note: s.body.result,
    photos,
    data: { partId: part.id, allDone },
  };
};

/**
 * 小事不出格: a grid worker handles a small matter on the spot. It becomes their own finished part,
 * and the event goes straight to feedback, to be verified and closed.
 */
export const handleInGrid: ActionHandler = async (s) => {
  const photos = await checkPhotos(s.ctx.tx, s.body.photos);
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  await repo.insertParts(s.ctx.tx, [
    {
      eventId: s.event.id,
      assigneeUserId: s.ctx.actor.userId,
      departmentId: null,
      role: "lead",
      required: true,
      state: "done",
      result: s.body.result,
      photos,
      createdAt: s.now,
      acceptedAt: s.now,
      doneAt: s.now,
    },
  ]);
  return {
    changes: {
      handlingLevel: "grid",
      result: s.body.result,
      feedbackAt: s.now,
      acceptedAt: s.event.acceptedAt ?? s.now,
      assigneeUserId: s.ctx.actor.userId,
    },
    note: s.body.result,
    photos,
    notices: [{ kind: "event.needs_verification", title: `网格已处置，待核查：${s.event.title}` }],
  };
};
