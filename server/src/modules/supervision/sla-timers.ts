import { sql } from "drizzle-orm";
import { likePrefix } from "../../core/authorize";
import { enqueueJob } from "../../core/jobs";
import type { Executor } from "../../db/database";

/** What the SLA timers need to know about an event after a change. */
export interface ClockedEvent {
  id: string;
  state: string;
  slaStage: string | null;
  deadline: Date | null;
  warnAt: Date | null;
  pausedAt: Date | null;
  closedAt: Date | null;
}

export const SLA_WARN = "sla.warn";
export const SLA_OVERDUE = "sla.overdue";
export const SLA_SWEEP = "sla.sweep";

/** What an SLA timer job carries: the clock it was set for, checked again when it fires. */
export interface SlaTimerPayload {
  eventId: string;
  stage: string;
  deadlineMs: number;
}

/** Every SLA timer key of an event starts with this, so one prefix finds them all. */
export const timerPrefix = (eventId: string) => `sla:${eventId}:`;

/** The timer key for one stage's deadline: a new deadline is a new timer; one deadline fires once. */
export const timerKey = (kind: "warn" | "overdue", t: SlaTimerPayload) =>
  `${timerPrefix(t.eventId)}${kind}:${t.stage}:${t.deadlineMs}`;

/** The key of the supervision a timer opens: one yellow and one red card per stage deadline. */
export const supervisionKey = (level: "yellow" | "red", t: SlaTimerPayload) =>
  `sla:${level}:${t.eventId}:${t.stage}:${t.deadlineMs}`;

/** States whose clock never runs again (the event module also sets closed_at). */
const FINAL = new Set(["closed", "evaluated", "cancelled", "invalid", "merged"]);

/**
 * Called by the event module in the same transaction after every change to an event's clock:
 * cancels the timers of the stage that ended and schedules the yellow-warning and deadline timers
 * of the current one, as persisted jobs (dedupe keys, so a timer fires once). Timers that already
 * match the clock are left alone, so calling it after an unrelated change costs two index look-ups.
 */
export async function scheduleSlaTimers(tx: Executor, event: ClockedEvent): Promise<void> {
  const running =
    event.closedAt === null && event.pausedAt === null && !FINAL.has(event.state) && event.deadline !== null;
  const wanted: { kind: string; key: string; runAt: Date; payload: SlaTimerPayload }[] = [];
  if (running) {
    const t: SlaTimerPayload = {
      eventId: event.id,
      stage: event.slaStage ?? "overall",
      deadlineMs: event.deadline!.getTime(),
    };
    if (event.warnAt && event.warnAt.getTime() < t.deadlineMs)
      wanted.push({ kind: SLA_WARN, key: timerKey("warn", t), runAt: event.warnAt, payload: t });
    // red is "after the deadline" (slaColour): the timer runs one millisecond past it
    wanted.push({
      kind: SLA_OVERDUE,
      key: timerKey("overdue", t),
      runAt: new Date(t.deadlineMs + 1),
      payload: t,
    });
  }
  const keep = wanted.length
    ? sql.join(
        wanted.map((w) => sql`(dedupe_key = ${w.key} and run_at = ${w.runAt})`),
        sql` or `,
      )
    : sql`false`;
  // the prefix index on pending keys (jobs_pending_key_prefix_idx) makes this a range scan
  await tx.execute(
    sql`update jobs set status = 'cancelled', finished_at = now()
        where status = 'pending' and dedupe_key like ${likePrefix(timerPrefix(event.id))} and not (${keep})`,
  );
  for (const w of wanted)
    await enqueueJob(tx, { kind: w.kind, payload: { ...w.payload }, runAt: w.runAt, dedupeKey: w.key });
  await settleSupervisions(tx, event, running ? wanted[0]!.payload : null);
}

/**
 * Closes the supervisions the change made moot, so the supervision view shows what still needs
 * attention (the records stay, closed, for assessment): every open one when the event is finished;
 * the yellow and red cards of a stage that ended or a deadline that moved. Nothing while paused.
 */
async function settleSupervisions(tx: Executor, event: ClockedEvent, current: SlaTimerPayload | null) {
  const finished = event.closedAt !== null || FINAL.has(event.state);
  if (finished) {
    await tx.execute(
      sql`update supervisions set status = 'closed', closed_at = greatest(now(), opened_at),
                 note = coalesce(note, '事件已结束，自动办结 / Closed with the event')
          where event_id = ${event.id} and status = 'open'`,
    );
    return;
  }
  if (event.pausedAt !== null) return;
  const keep = current ? [supervisionKey("yellow", current), supervisionKey("red", current)] : [];
  await tx.execute(
    sql`update supervisions set status = 'closed', closed_at = greatest(now(), opened_at),
               note = coalesce(note, '环节已完成或时限已调整，自动办结 / Superseded: the stage ended or its deadline moved')
        where event_id = ${event.id} and status = 'open' and level in ('yellow', 'red')
          and dedupe_key <> all(${sql`array[${sql.join(
            keep.length ? keep.map((k) => sql`${k}`) : [sql`''`],
            sql`, `,
          )}]::text[]`})`,
  );
}
