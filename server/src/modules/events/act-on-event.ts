import { systemActor } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { forbidden, notFound } from "../../core/errors";
import { notify } from "../supervision/notify";
import { scheduleSlaTimers } from "../supervision/sla-timers";
import { acceptEvent, dispatchEvent, escalateEvent, returnEvent } from "./dispatch-event";
import { closeEvent, evaluateEvent, feedbackEvent, verifyEvent } from "./close-event";
import { isVisible, standing, type Relations } from "./event-access";
import { fromAllowed, hasStanding } from "./event-can";
import { loadEventConfig } from "./event-config";
import type { ClockEffect, EventConfig, StateDef } from "./event-config-types";
import { loadCalendar, moveClock, type EventRow, type EventSla } from "./event-clock";
import {
  approveExtension,
  rejectExtension,
  requestExtension,
  resumeEvent,
  suspendEvent,
} from "./event-clock-actions";
import type { ActionName } from "./event-states";
import type { ActionBody, ActionHandler } from "./event-step";
import {
  EVENT,
  fieldRequired,
  idempotencyReused,
  transitionNotAllowed,
  versionConflict,
} from "./events.errors";
import * as repo from "./events.repo";
import { localDay } from "./local-day";
import { acceptPart, finishPart, handleInGrid, rejectPart } from "./handle-part";
import { mergeEvent } from "./merge-events";
import { presentEvent, type EventView } from "./present-event";
import { bundleOf, readEvent, relationsOf } from "./read-event";
import { cancelEvent, commentEvent, markInvalid } from "./simple-actions";

const HANDLERS: Record<ActionName, ActionHandler> = {
  accept: acceptEvent,
  dispatch: dispatchEvent,
  accept_part: acceptPart,
  reject_part: rejectPart,
  finish_part: finishPart,
  handle_in_grid: handleInGrid,
  feedback: feedbackEvent,
  verify: verifyEvent,
  close: closeEvent,
  evaluate: evaluateEvent,
  return: returnEvent,
  request_extension: requestExtension,
  approve_extension: approveExtension,
  reject_extension: rejectExtension,
  suspend: suspendEvent,
  resume: resumeEvent,
  escalate: escalateEvent,
  merge: mergeEvent,
  cancel: cancelEvent,
  mark_invalid: markInvalid,
  comment: commentEvent,
};

const isUuid = (s: unknown): s is string =>
  typeof s === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export interface Loaded {
  event: EventRow;
  parts: repo.PartWithNames[];
  rel: Relations;
  locked: EventRow[];
}

/**
 * Takes one action on an event, as the state machine allows: locks the row (select … for update),
 * replays a known idempotency key, checks the version (409 with the current event when stale), the
 * actor's standing (403) and the state (409), then applies the handler, the clock, the timeline row,
 * the audit record, the SLA timers and the notices, all in the caller's transaction.
 */
export async function actOnEvent(
  ctx: Ctx,
  eventId: string,
  body: ActionBody,
): Promise<EventView & { replayed?: boolean }> {
  const config = await loadEventConfig(ctx.tx);
  if (!isUuid(eventId)) throw notFound(EVENT);
  const ids = [eventId];
  if (body.action === "merge" && isUuid(body.intoId) && body.intoId !== eventId) ids.push(body.intoId);
  const locked = await repo.lockEvents(ctx.tx, ids);
  const event = locked.find((e) => e.id === eventId);
  if (!event) throw notFound(EVENT);
  const parts = await repo.partsOf(ctx.tx, eventId);
  const rel = await relationsOf(ctx.tx, event, parts);
  if (!isVisible(ctx.actor, event, rel)) throw notFound(EVENT);
  if (body.idempotencyKey) {
    const prior = await repo.findActionByKey(ctx.tx, eventId, body.idempotencyKey);
    if (prior) {
      if (prior.action !== body.action) throw idempotencyReused();
      return { ...(await readEvent(ctx, eventId, config)), replayed: true };
    }
  }
  const updated = await takeStep(ctx, config, { event, parts, rel, locked }, body);
  return presentEvent(ctx, config, await bundleOf(ctx.tx, updated));
}

const FALLBACK_STATE = (code: string): StateDef => ({ code, name: { zh: code, en: code }, stage: null });

function auditSide(row: EventRow, keys: string[]): Record<string, unknown> {
  const r = row as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]]));
}

/** Applies one action to a locked event (and any follow-up the system takes at once); returns the row after. */
export async function takeStep(
  ctx: Ctx,
  config: EventConfig,
  loaded: Loaded,
  body: ActionBody,
): Promise<EventRow> {
  const { event, parts, rel, locked } = loaded;
  const t = config.index.transitions.get(body.action);
  const handler = HANDLERS[body.action as ActionName] as ActionHandler | undefined;
  if (!t || !handler) throw transitionNotAllowed(body.action, event.state);
  const roles = standing(ctx.actor, event, rel);
  if (!hasStanding(t, roles)) throw forbidden();
  if (body.action !== "comment") {
    if (body.version === undefined) throw fieldRequired("version", body.action);
    if (body.version !== event.version)
      throw versionConflict(presentEvent(ctx, config, await bundleOf(ctx.tx, event)));
  }
  if (!fromAllowed(t, event.state)) throw transitionNotAllowed(body.action, event.state);
  for (const f of t.requires) {
    const v = (body as unknown as Record<string, unknown>)[f];
    if (v === undefined || v === null || v === "") throw fieldRequired(f, body.action);
  }
  const now = ctx.clock.now();
  const cal = await loadCalendar(ctx.services, ctx.tx);
  const today = localDay(now, ctx.services.config.timeZone);
  const r = await handler({
    ctx,
    config,
    cal,
    event,
    locked,
    parts,
    rel,
    roles,
    body,
    transition: t,
    now,
    today,
  });

  let to = event.state;
  let effect: ClockEffect = t.clock ?? "auto";
  const outcome = r.outcome ? t.outcomes?.[r.outcome] : undefined;
  if (outcome) {
    to = outcome.to;
    effect = outcome.clock ?? "auto";
  } else if (t.to === "@previous") to = (event.sla as EventSla | null)?.resumeState ?? event.state;
  else if (t.to) to = t.to;
  const fromDef = config.index.states.get(event.state) ?? FALLBACK_STATE(event.state);
  const toDef = config.index.states.get(to) ?? FALLBACK_STATE(to);

  let updated = event;
  if (!r.keepVersion) {
    const interim = { ...event, ...r.changes } as EventRow;
    const clock = moveClock(cal, interim, fromDef, toDef, effect, now);
    const closing = toDef.closes && !fromDef.closes;
    const reopening = fromDef.closes && !toDef.closes;
    const changes = {
      ...r.changes,
      ...clock,
      state: to,
      ...(closing ? { closedAt: now } : {}),
      ...(reopening ? { closedAt: null, closedOnTime: null } : {}),
      version: event.version + 1,
      updatedAt: now,
    };
    updated = await repo.updateEvent(ctx.tx, event.id, changes);
    await r.after?.(updated);
  }
  await repo.insertAction(ctx.tx, {
    eventId: event.id,
    action: body.action,
    fromState: event.state,
    toState: to,
    version: updated.version,
    idempotencyKey: body.idempotencyKey ?? null,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: ctx.actor.roles.join(",") || null,
    departmentId: ctx.actor.departmentId,
    note: r.note ?? body.note ?? body.reason ?? null,
    data: { ...(r.data ?? {}), ...(r.outcome ? { outcome: r.outcome } : {}) },
    photos: r.photos ?? null,
    at: now,
  });
  const keys = ["state", "version", ...Object.keys(r.changes ?? {})].filter(
    (k, i, all) => k !== "sla" && all.indexOf(k) === i,
  );
  await recordAudit(ctx, {
    action: `event.${body.action}`,
    subjectType: "event",
    subjectId: event.id,
    before: auditSide(event, keys),
    after: auditSide(updated, keys),
    reason: body.reason ?? null,
  });
  if (!r.keepVersion) await scheduleSlaTimers(ctx.tx, updated);
  for (const n of r.notices ?? [])
    await notify(ctx.tx, { ...n, subjectType: "event", subjectId: event.id, areaPath: event.areaPath });

  if (!r.then) return updated;
  // the system's follow-up (e.g. dispatch by rule on acceptance), in the same transaction
  const nextParts = await repo.partsOf(ctx.tx, event.id);
  const system = { ...ctx, actor: systemActor };
  return takeStep(
    system,
    config,
    { event: updated, parts: nextParts, rel: await relationsOf(ctx.tx, updated, nextParts), locked },
    { ...r.then, version: updated.version },
  );
}
