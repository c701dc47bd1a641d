import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { assertMayEdit, loadConsultation, presentConsultation, type ConsultationView } from "./consultations";
import * as repo from "./consultations.repo";
import { notify } from "./notify";
import { consultationClosed, notParticipant } from "./supervision.errors";
import * as supervisionRepo from "./supervision.repo";

/** A party joins (参会): their own row, or their department's, is marked joined; only once. */
export async function joinConsultation(ctx: Ctx, id: string): Promise<ConsultationView> {
  const { c, mine } = await loadConsultation(ctx, id, true);
  if (mine.length === 0) throw notParticipant();
  if (c.status !== "open") throw consultationClosed();
  const fresh = mine.filter((p) => p.joinedAt === null).map((p) => p.id);
  if (fresh.length > 0) {
    await repo.markJoined(ctx.tx, fresh, ctx.clock.now());
    await recordAudit(ctx, {
      action: "consultation.joined",
      subjectType: "consultation",
      subjectId: id,
      after: { participantIds: fresh },
    });
  }
  return presentConsultation(ctx, id);
}

/** Records (or rewrites) the minutes and decisions while the consultation is open. */
export async function recordMinutes(
  ctx: Ctx,
  id: string,
  input: { minutes: string; decisions: { text: string }[] },
): Promise<ConsultationView> {
  const { c } = await loadConsultation(ctx, id, true);
  assertMayEdit(ctx.actor, c);
  if (c.status !== "open") throw consultationClosed();
  const minutes = input.minutes.trim();
  const decisions = input.decisions.map((d) => ({ text: d.text.trim() })).filter((d) => d.text.length > 0);
  await repo.updateConsultation(ctx.tx, id, { minutes, decisions });
  await recordAudit(ctx, {
    action: "consultation.minutes",
    subjectType: "consultation",
    subjectId: id,
    before: { minutes: c.minutes, decisions: c.decisions },
    after: { minutes, decisions },
  });
  return presentConsultation(ctx, id);
}

/** Closes the consultation; the outcome goes on the event's timeline and to every party. */
export async function closeConsultation(ctx: Ctx, id: string): Promise<ConsultationView> {
  const { c, participants } = await loadConsultation(ctx, id, true);
  assertMayEdit(ctx.actor, c);
  if (c.status !== "open") throw consultationClosed();
  const now = ctx.clock.now();
  await repo.updateConsultation(ctx.tx, id, { status: "closed", closedAt: now });
  const decisions = Array.isArray(c.decisions) ? c.decisions.length : 0;
  const tasks = (await repo.tasksOfConsultation(ctx.tx, id)).length;
  const event = c.eventId ? await supervisionRepo.findEvent(ctx.tx, c.eventId, true) : undefined;
  if (event)
    await supervisionRepo.appendTimeline(ctx.tx, event, {
      action: "consultation_closed",
      actor: ctx.actor,
      at: now,
      note: c.title,
      data: { consultationId: id, decisions, tasks },
    });
  await notify(ctx.tx, {
    kind: "consultation.closed",
    title: `【会商结束】${c.title}`,
    body: `决定 ${decisions} 项，任务 ${tasks} 项 / ${decisions} decision(s), ${tasks} task(s)`,
    subjectType: "consultation",
    subjectId: id,
    userIds: participants.flatMap((p) => (p.userId ? [p.userId] : [])),
    departmentIds: participants.flatMap((p) => (p.departmentId ? [p.departmentId] : [])),
    areaPath: c.areaPath,
    at: now,
  });
  await recordAudit(ctx, {
    action: "consultation.closed",
    subjectType: "consultation",
    subjectId: id,
    before: { status: c.status },
    after: { status: "closed", decisions, tasks },
  });
  return presentConsultation(ctx, id);
}
