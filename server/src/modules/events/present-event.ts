import type { Ctx } from "../../core/context";
import { can as allowed } from "../../core/authorize";
import { categoryNames } from "./event-config";
import { localDay } from "./local-day";
import type { Bilingual, EventConfig } from "./event-config-types";
import { liveColour, type EventRow, type EventSla } from "./event-clock";
import { isStaffViewer, seesReporter, type Relations } from "./event-access";
import { computeCan } from "./event-can";
import type { AreaRow, PartWithNames } from "./events.repo";

/** Everything a view of one event is made from. */
export interface EventBundle {
  event: EventRow;
  parts: PartWithNames[];
  rel: Relations;
  area: AreaRow | undefined;
  links: { subjectType: string; subjectId: string; role: string }[];
  timelineCount: number;
  mergedInto: EventRow | undefined;
  assigneeName: string | null;
}

export interface PartView {
  id: string;
  department: { id: string; code: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  role: string;
  required: boolean;
  state: string;
  reason: string | null;
  result: string | null;
  photos: string[];
  deadline: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  can: { accept: boolean; reject: boolean; finish: boolean };
}

export interface ReporterView {
  anonymous: boolean;
  /** In clear for the intake desk and the reporter; masked ("王**") for handlers. */
  name: string | null;
  /** Always masked; POST …/reveal-reporter with a reason shows it in clear (desk only, audited). */
  phone: string | null;
  masked: boolean;
}

export interface EventView {
  id: string;
  no: string;
  trackingCode: string | null;
  title: string;
  description: string;
  category: ReturnType<typeof categoryNames>;
  urgency: string;
  source: string;
  sourceRef: string | null;
  location: { lat: number | null; lng: number | null; address: string | null };
  area: { code: string; name: string; level: string } | null;
  unassigned: boolean;
  reporter: ReporterView | null;
  photos: string[];
  state: string;
  stateName: Bilingual;
  version: number;
  handlingLevel: string | null;
  assignee: { id: string; name: string } | null;
  slaStage: string | null;
  deadline: string | null;
  warnAt: string | null;
  dueAt: string | null;
  colour: string;
  overdue: boolean;
  paused: boolean;
  sla: {
    pausedMs: number;
    extensionDays: number;
    extensionRequest: { days: number; reason: string; at: string } | null;
    reopenCount: number;
    policyIds: string[];
  };
  acceptedAt: string | null;
  dispatchedAt: string | null;
  feedbackAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  evaluatedAt: string | null;
  satisfaction: string | null;
  closedOnTime: boolean | null;
  closedInGrid: boolean | null;
  dispatchCount: number;
  returnCount: number;
  mergedInto: { id: string; no: string } | null;
  result: string | null;
  configVersion: number | null;
  parts: PartView[];
  links: { type: string; id: string; role: string }[];
  timelineCount: number;
  can: Record<string, boolean>;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The short number people read out: the local date of receipt and the sequence, "20261123-000042". */
export function eventNo(e: Pick<EventRow, "seq" | "createdAt">, timeZone: string): string {
  return `${localDay(e.createdAt, timeZone).replace(/-/g, "")}-${String(e.seq).padStart(6, "0")}`;
}

/** A name with all but its first character hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(Math.min(chars.length - 1, 3));
}

function reporterView(ctx: Ctx, b: EventBundle, clear: boolean): ReporterView | null {
  const e = b.event;
  const hasReporter = e.reporterNameEnc || e.reporterPhoneMasked || e.reporterUserId || e.anonymous;
  if (!hasReporter) return null;
  if (e.anonymous && !clear) return { anonymous: true, name: null, phone: null, masked: true };
  const name = e.reporterNameEnc ? ctx.keyring.decrypt(e.reporterNameEnc) : null;
  return {
    anonymous: e.anonymous,
    name: name === null ? null : clear ? name : maskName(name),
    phone: clear ? e.reporterPhoneMasked : null,
    masked: !clear,
  };
}

/** The event as this actor may see it, with what they may do next. */
export function presentEvent(ctx: Ctx, config: EventConfig, b: EventBundle): EventView {
  const e = b.event;
  const actor = ctx.actor;
  const tz = ctx.services.config.timeZone;
  const now = ctx.clock.now();
  const clear = seesReporter(actor, e, b.rel);
  const staff = isStaffViewer(actor);
  const { can, parts: partCan } = computeCan(actor, config, e, b.rel);
  can.revealReporter =
    !e.anonymous &&
    Boolean(e.reporterPhoneEnc) &&
    (actor.allAreas ||
      (e.areaPath !== null && allowed(actor, "event.reveal_reporter", { areaPath: e.areaPath })));
  const sla = e.sla as EventSla | null;
  const colour = liveColour(e, now);
  const state = config.index.states.get(e.state);
  const mine = actor.userId !== null && b.rel.reporterIds.includes(actor.userId);
  return {
    id: e.id,
    no: eventNo(e, tz),
    trackingCode: clear || mine || e.createdBy === actor.userId ? e.trackingCode : null,
    title: e.title,
    description: e.description,
    category: categoryNames(config, e.categoryCode),
    urgency: e.urgency,
    source: e.source,
    sourceRef: staff ? e.sourceRef : null,
    location: { lat: e.lat, lng: e.lng, address: e.address },
    area: b.area ? { code: b.area.code, name: b.area.name, level: b.area.level } : null,
    unassigned: e.areaId === null,
    reporter: reporterView(ctx, b, clear),
    photos: e.photos ?? [],
    state: e.state,
    stateName: (staff ? state?.name : (state?.publicName ?? state?.name)) ?? { zh: e.state, en: e.state },
    version: e.version,
    handlingLevel: e.handlingLevel,
    assignee: e.assigneeUserId && staff ? { id: e.assigneeUserId, name: b.assigneeName ?? "" } : null,
    slaStage: e.slaStage,
    deadline: iso(e.deadline),
    warnAt: iso(e.warnAt),
    dueAt: iso(e.dueAt),
    colour,
    overdue: !e.closedAt && colour === "red",
    paused: e.pausedAt !== null,
    sla: {
      pausedMs: e.pausedMs,
      extensionDays: sla?.extensionDays ?? 0,
      extensionRequest: sla?.extensionRequest
        ? {
            days: sla.extensionRequest.days,
            reason: sla.extensionRequest.reason,
            at: sla.extensionRequest.at,
          }
        : null,
      reopenCount: sla?.reopenCount ?? 0,
      policyIds: sla?.policy.policyIds ?? [],
    },
    acceptedAt: iso(e.acceptedAt),
    dispatchedAt: iso(e.dispatchedAt),
    feedbackAt: iso(e.feedbackAt),
    verifiedAt: iso(e.verifiedAt),
    closedAt: iso(e.closedAt),
    evaluatedAt: iso(e.evaluatedAt),
    satisfaction: e.satisfaction,
    closedOnTime: e.closedOnTime,
    closedInGrid: e.closedInGrid,
    dispatchCount: e.dispatchCount,
    returnCount: e.returnCount,
    mergedInto: b.mergedInto ? { id: b.mergedInto.id, no: eventNo(b.mergedInto, tz) } : null,
    result: e.result,
    configVersion: e.configVersion,
    parts: b.parts.map((p) => ({
      id: p.id,
      department: p.departmentId
        ? { id: p.departmentId, code: p.departmentCode ?? "", name: p.departmentName ?? "" }
        : null,
      assignee: p.assigneeUserId ? { id: p.assigneeUserId, name: p.assigneeName ?? "" } : null,
      role: p.role,
      required: p.required,
      state: p.state,
      reason: staff ? p.reason : null,
      result: p.result,
      photos: p.photos ?? [],
      deadline: iso(p.deadline),
      acceptedAt: iso(p.acceptedAt),
      doneAt: iso(p.doneAt),
      can: partCan.get(p.id) ?? { accept: false, reject: false, finish: false },
    })),
    links: staff ? b.links.map((l) => ({ type: l.subjectType, id: l.subjectId, role: l.role })) : [],
    timelineCount: b.timelineCount,
    can,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
