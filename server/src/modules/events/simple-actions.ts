import type { ActionHandler } from "./event-step";
import { checkPhotos } from "./event-step";
import * as repo from "./events.repo";

/** 撤销: the reporter or the desk withdraws the matter before it is dispatched. */
export const cancelEvent: ActionHandler = async (s) => {
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  return { note: s.body.reason, changes: { assigneeUserId: null } };
};

/** 无效: not a matter for the platform (a prank, out of remit, no content). */
export const markInvalid: ActionHandler = async (s) => {
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  return { note: s.body.reason, changes: { assigneeUserId: null } };
};

/** 备注: a note on the timeline; public notes are shown to the reporter too. Does not move the version. */
export const commentEvent: ActionHandler = async (s) => ({
  note: s.body.note,
  photos: await checkPhotos(s.ctx.tx, s.body.photos),
  data: { public: s.body.public === true },
  keepVersion: true,
});
