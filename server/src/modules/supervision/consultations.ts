import { can } from "../../core/authorize";
import type { Actor } from "../../core/actor";
import type { Ctx } from "../../core/context";
import { forbidden, notFound } from "../../core/errors";
import { eventNo } from "../events/present-event";
import * as repo from "./consultations.repo";
import { CONSULTATION } from "./supervision.errors";

export interface TaskView {
  id: string;
  title: string;
  eventId: string | null;
  consultationId: string | null;
  assignee: { userId: string | null; departmentId: string | null; name: string | null };
  dueAt: string | null;
  status: string;
  doneAt: string | null;
  result: string | null;
  createdAt: string;
}

export const presentTask = (t: repo.TaskWithNames): TaskView => ({
  id: t.id,
  title: t.title,
  eventId: t.eventId,
  consultationId: t.consultationId,
  assignee: {
    userId: t.assigneeUserId,
    departmentId: t.departmentId,
    name: t.userName ?? t.departmentName ?? null,
  },
  dueAt: t.dueAt?.toISOString() ?? null,
  status: t.status,
  doneAt: t.doneAt?.toISOString() ?? null,
  result: t.result,
  createdAt: t.createdAt.toISOString(),
});

export interface ConsultationView {
  id: string;
  title: string;
  agenda: string | null;
  status: string;
  event: { id: string; no: string; title: string } | null;
  convenedBy: { id: string | null; name: string | null };
  convenedAt: string;
  minutes: string | null;
  decisions: { text: string }[];
  closedAt: string | null;
  participants: {
    id: string;
    kind: "user" | "department";
    userId: string | null;
    departmentId: string | null;
    name: string | null;
    notifiedAt: string | null;
    joinedAt: string | null;
  }[];
  tasks: TaskView[];
  can: { join: boolean; edit: boolean; close: boolean };
}

/** The participant rows that stand for this actor: their own, or their department's. */
export function rowsOf(actor: Actor, participants: repo.ParticipantRow[]): repo.ParticipantRow[] {
  return participants.filter(
    (p) =>
      (p.userId !== null && p.userId === actor.userId) ||
      (p.departmentId !== null && p.departmentId === actor.departmentId),
  );
}

/** Whether the actor may record minutes, add tasks and close: the convener, or a supervisor in scope. */
export const mayEdit = (actor: Actor, c: repo.ConsultationRow) =>
  (actor.userId !== null && c.convenedBy === actor.userId) ||
  can(actor, "event.consult", { areaPath: c.areaPath ?? "" });

/**
 * Loads a consultation the actor may see: a party to it, or staff who may read events in its area.
 * Others get 404 (not 403), so its existence does not leak.
 */
export async function loadConsultation(ctx: Ctx, id: string, lock = false) {
  const c = await repo.findConsultation(ctx.tx, id, lock);
  if (!c) throw notFound(CONSULTATION);
  const participants = await repo.participantsOf(ctx.tx, id);
  const mine = rowsOf(ctx.actor, participants);
  if (mine.length === 0 && !can(ctx.actor, "event.read", { areaPath: c.areaPath ?? "" }))
    throw notFound(CONSULTATION);
  return { c, participants, mine };
}

/** Throws unless the actor may change the consultation (403: loadConsultation showed it to them). */
export function assertMayEdit(actor: Actor, c: repo.ConsultationRow) {
  if (!mayEdit(actor, c)) throw forbidden();
}

/** The consultation with its parties, decisions, tasks and what the actor may do. */
export async function presentConsultation(ctx: Ctx, id: string): Promise<ConsultationView> {
  const { c, participants, mine } = await loadConsultation(ctx, id);
  const [event, tasks, convener] = [
    await repo.eventHeadline(ctx.tx, c.eventId),
    await repo.tasksOfConsultation(ctx.tx, id),
    await repo.userName(ctx.tx, c.convenedBy),
  ];
  const open = c.status === "open";
  const edit = mayEdit(ctx.actor, c);
  return {
    id: c.id,
    title: c.title,
    agenda: c.agenda,
    status: c.status,
    event: event && { id: event.id, no: eventNo(event, ctx.services.config.timeZone), title: event.title },
    convenedBy: { id: c.convenedBy, name: convener },
    convenedAt: c.convenedAt.toISOString(),
    minutes: c.minutes,
    decisions: Array.isArray(c.decisions) ? (c.decisions as { text: string }[]) : [],
    closedAt: c.closedAt?.toISOString() ?? null,
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.userId ? "user" : "department",
      userId: p.userId,
      departmentId: p.departmentId,
      name: p.userName ?? p.departmentName,
      notifiedAt: p.notifiedAt?.toISOString() ?? null,
      joinedAt: p.joinedAt?.toISOString() ?? null,
    })),
    tasks: tasks.map(presentTask),
    can: { join: open && mine.some((p) => p.joinedAt === null), edit: open && edit, close: open && edit },
  };
}

/** GET /api/consultations/:id */
export async function readConsultation(ctx: Ctx, id: string): Promise<ConsultationView> {
  return presentConsultation(ctx, id);
}
