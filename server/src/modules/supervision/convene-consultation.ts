import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { eventNo } from "../events/present-event";
import { readEvent } from "../events/read-event";
import { presentConsultation, type ConsultationView } from "./consultations";
import * as repo from "./consultations.repo";
import { notify } from "./notify";
import { EVENT, eventClosed, participantShape, unknownParticipant } from "./supervision.errors";
import * as supervisionRepo from "./supervision.repo";

export type Party =
  { userId: string; departmentId?: undefined } | { departmentId: string; userId?: undefined };

export interface ConveneInput {
  title: string;
  agenda?: string;
  participants: Party[];
}

/**
 * Convenes a consultation (会商) on an event in one transaction: the parties are recorded and all of
 * them notified at once (notified_at set), the event's timeline gets an entry. Leaders, dispatchers
 * and admins in the event's scope. Participants: active users, or departments (all their handlers).
 */
export async function conveneConsultation(
  ctx: Ctx,
  eventId: string,
  input: ConveneInput,
): Promise<ConsultationView> {
  await readEvent(ctx, eventId); // 404 unless the event module lets the actor see the event
  const event = await supervisionRepo.findEvent(ctx.tx, eventId, true);
  if (!event) throw notFound(EVENT);
  authorize(ctx.actor, "event.consult", { areaPath: event.areaPath ?? "" }, EVENT);
  if (supervisionRepo.isFinished(event)) throw eventClosed();

  const userIds = new Map<string, number>();
  const departmentIds = new Map<string, number>();
  input.participants.forEach((p, i) => {
    if ((p.userId === undefined) === (p.departmentId === undefined)) throw participantShape(i);
    if (p.userId !== undefined && !userIds.has(p.userId)) userIds.set(p.userId, i);
    if (p.departmentId !== undefined && !departmentIds.has(p.departmentId))
      departmentIds.set(p.departmentId, i);
  });
  const activeUsers = new Set(
    (await supervisionRepo.activeUsers(ctx.tx, [...userIds.keys()])).map((u) => u.id),
  );
  for (const [id, i] of userIds) if (!activeUsers.has(id)) throw unknownParticipant(i, "user");
  const knownDepartments = await repo.departmentsExisting(ctx.tx, [...departmentIds.keys()]);
  for (const [id, i] of departmentIds)
    if (!knownDepartments.has(id)) throw unknownParticipant(i, "department");

  const now = ctx.clock.now();
  const title = input.title.trim();
  const agenda = input.agenda?.trim() || null;
  const c = await repo.insertConsultation(ctx.tx, {
    eventId: event.id,
    subjectType: "event",
    subjectId: event.id,
    title,
    agenda,
    areaPath: event.areaPath,
    status: "open",
    convenedBy: ctx.actor.userId,
    convenedAt: now,
  });
  await repo.insertParticipants(ctx.tx, [
    ...[...userIds.keys()].map((userId) => ({ consultationId: c.id, userId, notifiedAt: now })),
    ...[...departmentIds.keys()].map((departmentId) => ({
      consultationId: c.id,
      departmentId,
      notifiedAt: now,
    })),
  ]);
  const notified = await notify(ctx.tx, {
    kind: "consultation.convened",
    title: `【会商】${title}`,
    body: [
      `事件 ${eventNo(event, ctx.services.config.timeZone)} ${event.title}`,
      agenda ? `议题：${agenda}` : null,
      `召集人：${ctx.actor.displayName}`,
    ]
      .filter(Boolean)
      .join("\n"),
    subjectType: "consultation",
    subjectId: c.id,
    userIds: [...userIds.keys()],
    departmentIds: [...departmentIds.keys()],
    areaPath: event.areaPath,
    at: now,
  });
  await supervisionRepo.appendTimeline(ctx.tx, event, {
    action: "consultation_convened",
    actor: ctx.actor,
    at: now,
    note: title,
    data: { consultationId: c.id, parties: userIds.size + departmentIds.size, notified },
  });
  await recordAudit(ctx, {
    action: "consultation.convened",
    subjectType: "consultation",
    subjectId: c.id,
    after: {
      eventId: event.id,
      title,
      agenda,
      userIds: [...userIds.keys()],
      departmentIds: [...departmentIds.keys()],
      notified,
    },
  });
  return presentConsultation(ctx, c.id);
}
