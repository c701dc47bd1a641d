import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import type { Executor } from "../../db/database";
import { openValue } from "../registry/sensitive";
import { loadEventConfig } from "./event-config";
import type { Bilingual, EventConfig } from "./event-config-types";
import type { EventRow } from "./event-clock";
import { isStaffViewer, isVisible, seesReporter, type Relations } from "./event-access";
import { EVENT, EventError } from "./events.errors";
import * as repo from "./events.repo";
import { eventNo, presentEvent, type EventBundle, type EventView } from "./present-event";

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** The relations of an event: its reporters (with merged reports') and its parts. */
export async function relationsOf(tx: Executor, e: EventRow, parts?: repo.PartWithNames[]) {
  const p = parts ?? (await repo.partsOf(tx, e.id));
  const merged = await repo.mergedReporters(tx, e.id);
  const rel: Relations & { parts: repo.PartWithNames[] } = {
    reporterIds: [...(e.reporterUserId ? [e.reporterUserId] : []), ...merged],
    parts: p,
  };
  return rel;
}

/** Loads everything a view needs about an event already read (three round trips). */
export async function bundleOf(tx: Executor, e: EventRow): Promise<EventBundle> {
  const parts = await repo.partsOf(tx, e.id);
  const extras = await repo.eventExtras(tx, e);
  return {
    event: e,
    parts,
    rel: { reporterIds: [...(e.reporterUserId ? [e.reporterUserId] : []), ...extras.mergedReporters], parts },
    area: extras.area as repo.AreaRow | undefined,
    links: await repo.linksOf(tx, e.id),
    timelineCount: extras.timelineCount,
    mergedInto: e.mergedIntoId ? await repo.findById(tx, e.mergedIntoId) : undefined,
    assigneeName: extras.assigneeName,
  };
}

/** The event and its bundle when the actor may see it; 404 otherwise (its existence does not leak). */
export async function visibleEvent(ctx: Ctx, id: string): Promise<EventBundle> {
  const e = isUuid(id) ? await repo.findById(ctx.tx, id) : undefined;
  if (!e) throw notFound(EVENT);
  const b = await bundleOf(ctx.tx, e);
  if (!isVisible(ctx.actor, e, b.rel)) throw notFound(EVENT);
  return b;
}

/** One event as the actor may see it (404 when out of scope; handlers see their units' events). */
export async function readEvent(ctx: Ctx, id: string, config?: EventConfig): Promise<EventView> {
  const c = config ?? (await loadEventConfig(ctx.tx));
  return presentEvent(ctx, c, await visibleEvent(ctx, id));
}

export interface TimelineItem {
  id: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  version: number;
  at: string;
  actor: { name: string; role: string | null } | null;
  department: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  photos: string[];
}

/** Steps whose notes a reporter may read (results and answers, not internal remarks). */
const PUBLIC_NOTES = new Set([
  "report",
  "handle_in_grid",
  "feedback",
  "close",
  "evaluate",
  "cancel",
  "mark_invalid",
]);

/** The append-only timeline; residents see the public side of their own reports. */
export async function readTimeline(ctx: Ctx, id: string): Promise<TimelineItem[]> {
  const b = await visibleEvent(ctx, id);
  const staff = isStaffViewer(ctx.actor);
  const clear = seesReporter(ctx.actor, b.event, b.rel);
  const rows = await repo.timeline(ctx.tx, id);
  return rows
    .filter(
      ({ action: a }) => staff || a.action !== "comment" || (a.data as { public?: boolean } | null)?.public,
    )
    .map(({ action: a, departmentName }) => {
      const byReporter = a.actorId !== null && b.rel.reporterIds.includes(a.actorId);
      const actor =
        byReporter && !clear
          ? { name: "报告人 Reporter", role: null }
          : !staff
            ? { name: a.actorRole?.includes("resident") ? "报告人 Reporter" : "工作人员 Staff", role: null }
            : { name: a.actorName ?? "", role: a.actorRole };
      const showNote = staff || PUBLIC_NOTES.has(a.action) || (a.data as { public?: boolean } | null)?.public;
      return {
        id: Number(a.id),
        action: a.action,
        fromState: a.fromState,
        toState: a.toState,
        version: a.version,
        at: a.at.toISOString(),
        actor,
        department: departmentName,
        note: showNote ? a.note : null,
        data: staff ? ((a.data as Record<string, unknown> | null) ?? null) : null,
        photos: showNote ? (a.photos ?? []) : [],
      };
    });
}

export interface TrackingView {
  no: string;
  category: Bilingual;
  state: string;
  stateName: Bilingual;
  createdAt: string;
  dueAt: string | null;
  closedAt: string | null;
  satisfaction: string | null;
  mergedInto: { no: string } | null;
  steps: { action: string; at: string; stateName: Bilingual | null }[];
}

/**
 * Public progress by tracking code, without signing in and without personal data: the state, the
 * deadline and the steps taken. A report merged into another follows the surviving event.
 */
export async function trackEvent(ctx: Ctx, code: string): Promise<TrackingView> {
  const config = await loadEventConfig(ctx.tx);
  const normal = code.trim().toUpperCase();
  const own = /^[0-9A-Z]{8,16}$/.test(normal) ? await repo.findByTrackingCode(ctx.tx, normal) : undefined;
  if (!own) throw notFound({ zh: "查询码对应的事件", en: "event for this tracking code" });
  const e = own.mergedIntoId ? ((await repo.findById(ctx.tx, own.mergedIntoId)) ?? own) : own;
  const rows = await repo.timeline(ctx.tx, e.id);
  const tz = ctx.services.config.timeZone;
  const label = (s: string | null) => {
    const d = s ? config.index.states.get(s) : undefined;
    return d ? (d.publicName ?? d.name) : null;
  };
  return {
    no: eventNo(e, tz),
    category: config.index.categories.get(e.categoryCode)?.name ?? { zh: e.categoryCode, en: e.categoryCode },
    state: e.state,
    stateName: label(e.state) ?? { zh: e.state, en: e.state },
    createdAt: e.createdAt.toISOString(),
    dueAt: e.dueAt?.toISOString() ?? null,
    closedAt: e.closedAt?.toISOString() ?? null,
    satisfaction: e.satisfaction,
    mergedInto: e.id !== own.id ? { no: eventNo(e, tz) } : null,
    steps: rows
      .filter(({ action: a }) => a.action !== "comment" && a.fromState !== a.toState)
      .map(({ action: a }) => ({ action: a.action, at: a.at.toISOString(), stateName: label(a.toState) })),
  };
}

/** The reporter's phone in clear for the intake desk, with a reason; audited. */
export async function revealReporter(
  ctx: Ctx,
  id: string,
  reason: string,
): Promise<{ name: string | null; phone: string | null }> {
  const b = await visibleEvent(ctx, id);
  const e = b.event;
  if (e.anonymous)
    throw new EventError(
      "REPORTER_ANONYMOUS",
      409,
      "匿名报告人的身份不可查看",
      "An anonymous reporter's identity cannot be revealed",
    );
  if (e.areaPath === null) authorize(ctx.actor, "event.reveal_reporter");
  else authorize(ctx.actor, "event.reveal_reporter", { areaPath: e.areaPath });
  await recordAudit(ctx, {
    action: "event.reporter_revealed",
    subjectType: "event",
    subjectId: e.id,
    reason,
    after: { phone: "revealed" },
  });
  return {
    name: openValue(ctx.keyring, e.reporterNameEnc),
    phone: openValue(ctx.keyring, e.reporterPhoneEnc),
  };
}
