import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { assertMayEdit, loadConsultation, presentTask, type TaskView } from "./consultations";
import * as repo from "./consultations.repo";
import { createTask } from "./create-task";
import { notify } from "./notify";
import { assigneeInvalid, consultationClosed, dueInPast } from "./supervision.errors";
import * as supervisionRepo from "./supervision.repo";

export interface AddTaskInput {
  title: string;
  assignee: { userId?: string; departmentId?: string };
  dueAt: string;
}

/** A follow-up task decided at the consultation, with a deadline; its assignee is told at once. */
export async function addConsultationTask(ctx: Ctx, id: string, input: AddTaskInput): Promise<TaskView> {
  const { c } = await loadConsultation(ctx, id, true);
  assertMayEdit(ctx.actor, c);
  if (c.status !== "open") throw consultationClosed();
  const { userId, departmentId } = input.assignee;
  if ((userId === undefined) === (departmentId === undefined)) throw assigneeInvalid();
  if (userId && (await supervisionRepo.activeUsers(ctx.tx, [userId])).length === 0) throw assigneeInvalid();
  if (departmentId && !(await repo.departmentsExisting(ctx.tx, [departmentId])).has(departmentId))
    throw assigneeInvalid();
  const now = ctx.clock.now();
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() < now.getTime()) throw dueInPast();
  const title = input.title.trim();
  const taskId = await createTask(ctx.tx, {
    title,
    areaPath: c.areaPath,
    eventId: c.eventId,
    consultationId: c.id,
    assigneeUserId: userId ?? null,
    departmentId: departmentId ?? null,
    dueAt,
    createdBy: ctx.actor.userId,
    createdAt: now,
  });
  await notify(ctx.tx, {
    kind: "task.assigned",
    title: `【任务】${title}`,
    body: `来自会商「${c.title}」 / from the consultation "${c.title}"`,
    subjectType: "task",
    subjectId: taskId,
    userIds: userId ? [userId] : [],
    departmentIds: departmentId ? [departmentId] : [],
    areaPath: c.areaPath,
    at: now,
  });
  await recordAudit(ctx, {
    action: "task.created",
    subjectType: "task",
    subjectId: taskId,
    after: {
      consultationId: c.id,
      eventId: c.eventId,
      title,
      userId,
      departmentId,
      dueAt: dueAt.toISOString(),
    },
  });
  return presentTask((await repo.taskById(ctx.tx, taskId))!);
}
