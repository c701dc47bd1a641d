import { sql } from "drizzle-orm";
import { systemActor } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { makeCtx, type Services } from "../../core/context";
import type { JobHandler } from "../../core/jobs";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { eventNo } from "../events/present-event";
import { notify } from "./notify";
import { supervisionKey, type SlaTimerPayload } from "./sla-timers";
import * as repo from "./supervision.repo";

const STAGE_NAMES: Record<string, { zh: string; en: string }> = {
  accept: { zh: "受理", en: "acceptance" },
  dispatch: { zh: "派遣", en: "dispatch" },
  handle: { zh: "处置", en: "handling" },
  feedback: { zh: "反馈", en: "feedback" },
  verify: { zh: "核查", en: "verification" },
  overall: { zh: "办理", en: "overall" },
};

/** A stage's name in both languages (the code itself for a stage this module does not know). */
export const stageName = (stage: string | null) =>
  STAGE_NAMES[stage ?? "overall"] ?? { zh: stage ?? "", en: stage ?? "" };

/** An instant as people at the centre read it: "2026-11-25 17:30". */
export function localTime(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * Fires one SLA timer in the job's transaction: re-reads the event under a row lock and does nothing
 * unless the same stage is still running against the same deadline. Yellow opens a 黄牌督办 and tells
 * the handlers and the dispatcher; red opens a 红牌督办 escalated to the nearest leader or dispatcher
 * up the area path. Each writes a timeline entry (bumping the event's version) and an audit record.
 * Returns whether a supervision was opened; a second run for the same deadline opens nothing.
 */
export async function fireSlaTimer(
  services: Services,
  tx: Executor,
  level: "yellow" | "red",
  t: SlaTimerPayload,
): Promise<boolean> {
  const event = await repo.findEvent(tx, t.eventId, true);
  if (!event || repo.isFinished(event) || event.pausedAt) return false;
  if ((event.slaStage ?? "overall") !== t.stage || event.deadline?.getTime() !== t.deadlineMs) return false;
  const now = services.clock.now();
  if (level === "yellow" && event.warnAt && now < event.warnAt) return false; // warning moved later
  if (level === "red" && now.getTime() <= t.deadlineMs) return false;

  const handlers = await repo.handlersOf(tx, event);
  const dispatcherId = await repo.lastDispatcher(tx, event.id);
  const dispatchers = dispatcherId
    ? [dispatcherId]
    : (await repo.nearestStaff(tx, event.areaPath, ["dispatcher"])).map((u) => u.id);
  const supervisor =
    level === "red" ? (await repo.nearestStaff(tx, event.areaPath, ["leader", "dispatcher"]))[0] : undefined;

  const stage = stageName(event.slaStage);
  const due = localTime(event.deadline!, services.config.timeZone);
  const reason =
    level === "yellow"
      ? `${stage.zh}环节将于 ${due} 到期（黄牌督办） / The ${stage.en} stage is due at ${due} (yellow card)`
      : `${stage.zh}环节已于 ${due} 超期（红牌督办） / The ${stage.en} stage was due at ${due} and is overdue (red card)`;
  const dedupeKey = supervisionKey(level, t);
  const opened = await repo.insertSupervision(tx, {
    eventId: event.id,
    level,
    stage: t.stage,
    dedupeKey,
    reason,
    areaPath: event.areaPath,
    openedAt: now,
    openedBy: null,
    escalatedToUserId: supervisor?.id ?? null,
  });
  if (!opened) return false;

  const version = await repo.appendTimeline(tx, event, {
    action: `sla_${level}`,
    actor: systemActor,
    at: now,
    note: reason,
    idempotencyKey: dedupeKey,
    colour: level,
    data: {
      supervisionId: opened.id,
      stage: t.stage,
      deadline: event.deadline!.toISOString(),
      escalatedTo: supervisor?.username ?? null,
    },
  });
  await notify(tx, {
    kind: level === "yellow" ? "event.yellow" : "event.red",
    title: `【${level === "yellow" ? "黄牌督办" : "红牌督办"}】${eventNo(event, services.config.timeZone)} ${event.title}`,
    body: reason,
    subjectType: "event",
    subjectId: event.id,
    userIds: [...handlers.userIds, ...dispatchers, ...(supervisor ? [supervisor.id] : [])],
    departmentIds: handlers.departmentIds,
    areaPath: event.areaPath,
    at: now,
  });
  await recordAudit(makeCtx(services, { actor: systemActor }, tx), {
    action: `supervision.${level}`,
    subjectType: "supervision",
    subjectId: opened.id,
    after: {
      eventId: event.id,
      level,
      stage: t.stage,
      deadline: event.deadline!.toISOString(),
      escalatedTo: supervisor?.username ?? null,
      eventVersion: version,
    },
  });
  return true;
}

const payloadOf = (p: Record<string, unknown>): SlaTimerPayload => ({
  eventId: String(p.eventId),
  stage: String(p.stage),
  deadlineMs: Number(p.deadlineMs),
});

/** The sla.warn job. */
export const slaWarnJob: JobHandler = async (services, tx, job) => {
  await fireSlaTimer(services, tx, "yellow", payloadOf(job.payload));
};

/** The sla.overdue job. */
export const slaOverdueJob: JobHandler = async (services, tx, job) => {
  await fireSlaTimer(services, tx, "red", payloadOf(job.payload));
};

/**
 * The sla.sweep job (every minute): opens the red card of any running stage whose deadline passed
 * without one, in case a timer was lost (a crash between commit and scheduling, a restored backup).
 */
export const slaSweepJob: JobHandler = async (services, tx) => {
  await sweepOverdue(services, tx);
};

/** One sweep, at most `limit` events, oldest deadline first; returns how many red cards it opened. */
export async function sweepOverdue(services: Services, tx: Executor, limit = 200): Promise<number> {
  const now = services.clock.now();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select e.id from events e
        where e.closed_at is null and e.deadline < ${now} and e.paused_at is null
          and e.state not in ('closed','evaluated','cancelled','invalid','merged')
          and not exists (select 1 from supervisions s
                          where s.event_id = e.id and s.level = 'red'
                            and s.stage = coalesce(e.sla_stage, 'overall') and s.opened_at > e.deadline)
        order by e.deadline
        limit ${limit}`,
  );
  let opened = 0;
  for (const { id } of rows) {
    const event = await repo.findEvent(tx, id);
    if (!event?.deadline) continue;
    const t = { eventId: id, stage: event.slaStage ?? "overall", deadlineMs: event.deadline.getTime() };
    if (await fireSlaTimer(services, tx, "red", t)) opened++;
  }
  return opened;
}
