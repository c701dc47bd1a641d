import { eq } from "drizzle-orm";
import type { Services } from "../../core/context";
import {
  computeDeadline,
  shiftDeadlineForPauses,
  slaColour,
  warningInstant,
  WorkingCalendar,
  type CalendarYear,
  type SlaUnit,
} from "../../core/working-days";
import type { Executor } from "../../db/database";
import { events, settings } from "../../db/schema";
import type {
  Budget,
  EffectivePolicy,
  SlaDoc,
  Stage,
  StateDef,
  Urgency,
  ClockEffect,
} from "./event-config-types";
import { BUDGET_KEYS } from "./event-config-types";

export type EventRow = typeof events.$inferSelect;
export type Colour = "green" | "yellow" | "red";

/** Settings key of the administrator's calendar years (they replace the built-in data year by year). */
export const CALENDAR_KEY = "calendar.years";

/** The SLA bookkeeping kept on the event (events.sla). */
export interface EventSla {
  /** The budgets fixed at intake. */
  policy: EffectivePolicy;
  stageStartedAt: string | null;
  pauses: { from: string; to: string }[];
  extensionDays: number;
  extensions: number;
  extensionRequest: { days: number; reason: string; by: string; at: string } | null;
  /** The state to go back to when a suspension ends. */
  resumeState: string | null;
  /** How often the matter was reopened (failed verification or a dissatisfied rating). */
  reopenCount: number;
}

const calendars = new Map<string, WorkingCalendar>();

/** The administrator's calendar years (settings `calendar.years`). */
export async function calendarOverrides(
  tx: Executor,
): Promise<{ years: Record<string, CalendarYear>; stamp: string }> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, CALENDAR_KEY));
  return {
    years: (row?.value as Record<string, CalendarYear> | undefined) ?? {},
    stamp: row ? JSON.stringify(row.value) : "none",
  };
}

/** China's working-day calendar (built-in years plus overrides) in the deployment's time zone; cached. */
export async function loadCalendar(
  services: Pick<Services, "config">,
  tx: Executor,
): Promise<WorkingCalendar> {
  const { years, stamp } = await calendarOverrides(tx);
  const key = `${services.config.timeZone}|${stamp}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = WorkingCalendar.china(years, services.config.timeZone);
    if (calendars.size > 20) calendars.clear();
    calendars.set(key, cal);
  }
  return cal;
}

function specificity(p: { category?: string; urgency?: Urgency[] }): number {
  return (p.urgency ? 100 : 0) + (p.category?.length ?? 0);
}

/**
 * The budgets for a category and urgency: the default with every matching policy layered on, least
 * specific first (a policy naming the urgency outranks one naming only the category; longer prefixes win).
 */
export function policyFor(sla: SlaDoc, categoryCode: string, urgency: Urgency): EffectivePolicy {
  const matching = sla.policies
    .map((p, i) => ({ p, i }))
    .filter(
      ({ p }) =>
        (!p.category || categoryCode.startsWith(p.category)) && (!p.urgency || p.urgency.includes(urgency)),
    )
    .sort((a, b) => specificity(a.p) - specificity(b.p) || a.i - b.i);
  const out = { ...sla.default, yellowFraction: sla.yellowFraction, policyIds: [] as string[] };
  for (const { p } of matching) {
    for (const k of BUDGET_KEYS) if (p.budgets[k]) out[k] = p.budgets[k]!;
    if (p.yellowFraction !== undefined) out.yellowFraction = p.yellowFraction;
    out.policyIds.push(p.id);
  }
  return out;
}

const fractionOf = (policy: EffectivePolicy, b: Budget) => b.yellowFraction ?? policy.yellowFraction;

/** Deadline and warning instant of a budget started at `start`. */
export function budgetWindow(cal: WorkingCalendar, policy: EffectivePolicy, b: Budget, start: Date) {
  const deadline = computeDeadline(cal, start, b.amount, b.unit);
  return { deadline, warnAt: warningInstant(cal, start, deadline, b.unit, fractionOf(policy, b)) };
}

/** The clock of a new event: its first stage (if any) and the whole matter's deadline, both from receipt. */
export function openClock(
  cal: WorkingCalendar,
  policy: EffectivePolicy,
  receivedAt: Date,
  stage: Stage | null,
  now: Date,
) {
  const sla: EventSla = {
    policy,
    stageStartedAt: stage ? receivedAt.toISOString() : null,
    pauses: [],
    extensionDays: 0,
    extensions: 0,
    extensionRequest: null,
    resumeState: null,
    reopenCount: 0,
  };
  const dueAt = computeDeadline(cal, receivedAt, policy.total.amount, policy.total.unit);
  if (!stage) return { slaStage: null, deadline: null, warnAt: null, dueAt, colour: "green" as Colour, sla };
  const w = budgetWindow(cal, policy, policy[stage], receivedAt);
  return { slaStage: stage, ...w, dueAt, colour: slaColour(now, w.deadline, w.warnAt), sla };
}

const unitOf = (sla: EventSla, stage: string | null): SlaUnit =>
  (stage && sla.policy[stage as Stage]?.unit) || sla.policy.total.unit;

/** The colour now: as of the pause while paused; the stored colour once the clock has stopped. */
export function liveColour(
  e: Pick<EventRow, "deadline" | "warnAt" | "pausedAt" | "colour" | "closedAt">,
  now: Date,
): Colour {
  if (e.closedAt || !e.deadline || !e.warnAt) return e.colour as Colour;
  return slaColour(e.pausedAt ?? now, e.deadline, e.warnAt);
}

/**
 * What a transition does to the clock (see ClockEffect): resumes a paused clock (deadlines move by the
 * time spent paused, in the unit's own time), pauses, starts the target state's stage, or stops.
 */
export function moveClock(
  cal: WorkingCalendar,
  e: EventRow,
  from: StateDef,
  to: StateDef,
  effect: ClockEffect,
  now: Date,
): Partial<EventRow> {
  const sla: EventSla = structuredClone(e.sla as EventSla);
  let { deadline, warnAt, dueAt, pausedAt, pausedMs, slaStage } = e;
  if (from.paused && !to.paused && pausedAt) {
    const pause = { from: pausedAt, to: now };
    const unit = unitOf(sla, slaStage);
    if (deadline) deadline = shiftDeadlineForPauses(cal, deadline, unit, [pause]);
    if (warnAt) warnAt = shiftDeadlineForPauses(cal, warnAt, unit, [pause]);
    if (dueAt) dueAt = shiftDeadlineForPauses(cal, dueAt, sla.policy.total.unit, [pause]);
    pausedMs += Math.max(0, now.getTime() - pausedAt.getTime());
    sla.pauses.push({ from: pausedAt.toISOString(), to: now.toISOString() });
    pausedAt = null;
  }
  if (to.paused) {
    pausedAt ??= now;
  } else if (effect === "keep") {
    // the clock runs on as it was
  } else if (to.stage === null) {
    const colour = deadline && warnAt ? slaColour(now, deadline, warnAt) : (e.colour as Colour);
    return { slaStage: null, deadline: null, warnAt: null, dueAt, pausedAt: null, pausedMs, colour, sla };
  } else if (effect === "restart" || effect === "redo" || to.stage !== slaStage) {
    const budget = effect === "redo" ? sla.policy.redo : sla.policy[to.stage];
    ({ deadline, warnAt } = budgetWindow(cal, sla.policy, budget, now));
    slaStage = to.stage;
    sla.stageStartedAt = now.toISOString();
    if (effect === "redo") {
      sla.reopenCount += 1;
      const redoDue = computeDeadline(cal, now, sla.policy.redo.amount, sla.policy.redo.unit);
      if (!dueAt || redoDue > dueAt) dueAt = redoDue;
    }
  }
  const colour = deadline && warnAt ? slaColour(pausedAt ?? now, deadline, warnAt) : (e.colour as Colour);
  return { slaStage, deadline, warnAt, dueAt, pausedAt, pausedMs, colour, sla };
}

function addDaysIn(cal: WorkingCalendar, at: Date, days: number, unit: SlaUnit): Date {
  return unit === "working_days" || unit === "working_hours"
    ? cal.addWorkingDays(at, days)
    : new Date(at.getTime() + days * 86_400_000);
}

/** An approved extension (延期): the stage and the whole matter get `days` more, in their units. */
export function extendClock(cal: WorkingCalendar, e: EventRow, days: number, now: Date): Partial<EventRow> {
  const sla: EventSla = structuredClone(e.sla as EventSla);
  const unit = unitOf(sla, e.slaStage);
  const deadline = e.deadline ? addDaysIn(cal, e.deadline, days, unit) : null;
  const start = sla.stageStartedAt ? new Date(sla.stageStartedAt) : now;
  const budget = e.slaStage ? sla.policy[e.slaStage as Stage] : sla.policy.total;
  const warnAt = deadline ? warningInstant(cal, start, deadline, unit, fractionOf(sla.policy, budget)) : null;
  const dueAt = e.dueAt ? addDaysIn(cal, e.dueAt, days, sla.policy.total.unit) : null;
  sla.extensionDays += days;
  sla.extensions += 1;
  sla.extensionRequest = null;
  const colour = deadline && warnAt ? slaColour(now, deadline, warnAt) : (e.colour as Colour);
  return {
    deadline,
    warnAt: warnAt && deadline && warnAt > deadline ? deadline : warnAt,
    dueAt,
    colour,
    sla,
  };
}

/** Whether the matter closed by its (shifted, extended) whole-matter deadline. */
export function closedOnTime(e: Pick<EventRow, "dueAt">, closedAt: Date): boolean {
  return !e.dueAt || closedAt.getTime() <= e.dueAt.getTime();
}
