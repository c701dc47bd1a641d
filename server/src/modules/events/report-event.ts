import crypto from "node:crypto";
import { hasRole, systemActor, type Actor } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { forbidden, invalid } from "../../core/errors";
import { queueUnassigned } from "../areas/unassigned";
import { locatorFor } from "../areas/locator";
import { sealPhone } from "../registry/sensitive";
import { notify } from "../supervision/notify";
import { scheduleSlaTimers } from "../supervision/sla-timers";
import { takeStep } from "./act-on-event";
import { loadEventConfig, leafCategory } from "./event-config";
import type { EventConfig, Source, Urgency } from "./event-config-types";
import { isVisible, standing } from "./event-access";
import { hasStanding } from "./event-can";
import { loadCalendar, openClock, policyFor } from "./event-clock";
import { matchAddress } from "./event-area";
import { checkPhotos } from "./event-step";
import {
  EventError,
  locationRequired,
  sourceNotAllowed,
  unknownArea,
  unknownCategory,
  unknownLink,
} from "./events.errors";
import * as repo from "./events.repo";
import { localDay } from "./local-day";
import { findDuplicates, type DuplicateView } from "./find-duplicates";
import { presentEvent, type EventBundle, type EventView } from "./present-event";
import { bundleOf } from "./read-event";
import { routeEvent } from "./routing";

export interface ReportInput {
  category: string;
  description: string;
  title?: string;
  urgency?: Urgency;
  source?: Source;
  /** The record's id in its source (12345 ticket, 110 incident, device alarm): one event per record. */
  sourceRef?: string;
  lat?: number;
  lng?: number;
  areaCode?: string;
  address?: string;
  photos?: string[];
  reporter?: { name?: string; phone?: string };
  anonymous?: boolean;
  links?: { type: repo.LinkType; id: string; role?: string }[];
  /** When the source received it (feeds and replays; staff only, not in the future): the clock starts then. */
  reportedAt?: Date;
  /** Imports: the person who imported the feed. */
  createdBy?: string | null;
}

export type ReportResult = EventView & { created: boolean; duplicates: DuplicateView[] };

const STAFF = [
  "admin",
  "leader",
  "dispatcher",
  "grid_worker",
  "department_handler",
  "mediator",
  "police",
] as const;
/** Sources whose records were already accepted upstream: the event is accepted on arrival. */
const FEEDS: Source[] = ["hotline_12345", "police_110", "iot"];
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

/** A 12-character code for following a report without an account (60 bits: not guessable). */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(12);
  return [...bytes].map((b) => CODE_ALPHABET[b & 31]).join("");
}

const isStaff = (a: Actor) => a.allAreas || hasRole(a, ...STAFF);

/** The source an actor may report from: staff any (default by role), residents their own channel. */
function sourceFor(actor: Actor, given: Source | undefined): Source {
  if (isStaff(actor)) {
    if (given) return given;
    if (hasRole(actor, "dispatcher", "admin", "leader") || actor.allAreas) return "desk";
    return hasRole(actor, "grid_worker") ? "grid" : "department";
  }
  const allowed: Source[] = ["resident"];
  if (hasRole(actor, "volunteer")) allowed.unshift("volunteer");
  if (actor.via === "api_key") allowed.unshift("open311");
  if (given && !allowed.includes(given)) throw sourceNotAllowed(given);
  return given ?? allowed[0]!;
}

async function locate(ctx: Ctx, input: ReportInput, today: string) {
  if (input.areaCode !== undefined) {
    const area = await repo.areaByCode(ctx.tx, input.areaCode);
    if (!area || (area.validTo !== null && area.validTo <= today)) throw unknownArea(input.areaCode);
    return { area, reason: null };
  }
  if (input.lat !== undefined && input.lng !== undefined) {
    const found = await locatorFor(ctx.services).locate(input.lng, input.lat, ctx.tx);
    const area = found ? await repo.areaByCode(ctx.tx, found.code) : undefined;
    return { area, reason: area ? null : "坐标不在任何区域内 / the point lies outside every area" };
  }
  if (input.lat !== undefined || input.lng !== undefined)
    throw invalid(
      input.lat === undefined ? "lat" : "lng",
      "坐标须同时提供纬度和经度",
      "Give both lat and lng",
    );
  if (input.address?.trim()) {
    const area = await matchAddress(ctx.tx, input.address, today);
    return { area, reason: area ? null : "地址未能匹配到区域 / the address matched no area" };
  }
  throw locationRequired();
}

async function checkLinks(ctx: Ctx, links: ReportInput["links"]) {
  const list = links ?? [];
  // registry ids are staff knowledge: residents and volunteers do not link records
  if (list.length && !isStaff(ctx.actor)) throw forbidden();
  for (const type of new Set(list.map((l) => l.type))) {
    const ids = list.filter((l) => l.type === type).map((l) => l.id);
    const found = await repo.existingSubjects(ctx.tx, type, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw unknownLink(type, missing);
  }
  return list;
}

function reporterFields(ctx: Ctx, input: ReportInput) {
  const actor = ctx.actor;
  const own = !isStaff(actor) && actor.userId ? actor.userId : null;
  if (input.anonymous) return { reporterUserId: own, anonymous: true };
  const name = input.reporter?.name?.trim() || (own ? actor.displayName : undefined);
  const phone = input.reporter?.phone?.trim()
    ? sealPhone(ctx.keyring, input.reporter.phone, "reporter.phone")
    : undefined;
  return {
    reporterUserId: own,
    anonymous: false,
    reporterNameEnc: name ? ctx.keyring.encrypt(name) : null,
    reporterPhoneEnc: phone?.enc ?? null,
    reporterPhoneIndex: phone?.index ?? null,
    reporterPhoneMasked: phone?.masked ?? null,
  };
}

async function existing(ctx: Ctx, config: EventConfig, row: repo.EventRow): Promise<ReportResult> {
  const b = await bundleOf(ctx.tx, row);
  if (!isVisible(ctx.actor, row, b.rel))
    throw new EventError(
      "EVENT_SOURCE_DUPLICATE",
      409,
      "该来源记录已登记为事件",
      "This source record is already registered as an event",
      "sourceRef",
    );
  return { ...presentEvent(ctx, config, b), created: false, duplicates: [] };
}

/**
 * 一窗受理: registers a matter from any channel. Locates it (point, area code or address; otherwise the
 * unassigned queue), routes it, starts its clock and, for the desk and upstream feeds, accepts it at once
 * (and dispatches it when its rule says so). Idempotent on source + sourceRef. Returns the event with its
 * likely duplicates.
 */
export async function reportEvent(ctx: Ctx, input: ReportInput): Promise<ReportResult> {
  authorize(ctx.actor, "event.report");
  const config = await loadEventConfig(ctx.tx);
  const category = leafCategory(config, input.category);
  if (!category) throw unknownCategory(input.category);
  const source = sourceFor(ctx.actor, input.source);
  if (input.sourceRef) {
    const prior = await repo.findBySourceRef(ctx.tx, source, input.sourceRef);
    if (prior) return existing(ctx, config, prior);
  }
  const now = ctx.clock.now();
  let receivedAt = now;
  if (input.reportedAt) {
    if (!isStaff(ctx.actor))
      throw invalid("reportedAt", "只有工作人员可以填写来源时间", "Only staff may give the source's time");
    if (input.reportedAt.getTime() > now.getTime() + 300_000)
      throw invalid("reportedAt", "来源时间不能晚于现在", "The source's time cannot be in the future");
    receivedAt = input.reportedAt;
  }
  const tz = ctx.services.config.timeZone;
  const today = localDay(now, tz);
  const { area, reason } = await locate(ctx, input, today);
  const photos = await checkPhotos(ctx.tx, input.photos);
  const links = await checkLinks(ctx, input.links);
  const urgency = input.urgency ?? "normal";
  const route = area
    ? await routeEvent(ctx.tx, config, { categoryCode: category.code, urgency, areaPath: area.path })
    : null;
  const policy = policyFor(config.sla, category.code, urgency);
  const cal = await loadCalendar(ctx.services, ctx.tx);
  const initial = config.index.states.get(config.states.initial)!;
  const clock = openClock(cal, policy, receivedAt, initial.stage, now);
  const address = input.address?.trim() || null;
  const title = input.title?.trim() || `${category.name.zh}${address ? `·${address.slice(0, 40)}` : ""}`;
  const row = await repo.insertEvent(ctx.tx, {
    trackingCode: newTrackingCode(),
    categoryCode: category.code,
    title,
    description: input.description.trim(),
    urgency,
    source,
    sourceRef: input.sourceRef ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    address,
    areaId: area?.id ?? null,
    areaPath: area?.path ?? null,
    ...reporterFields(ctx, input),
    photos,
    state: initial.code,
    version: 1,
    handlingLevel: route?.level ?? null,
    ...clock,
    configVersion: config.version,
    createdBy: input.createdBy !== undefined ? input.createdBy : ctx.actor.userId,
    createdAt: receivedAt,
    updatedAt: now,
  });
  if (!row) return existing(ctx, config, (await repo.findBySourceRef(ctx.tx, source, input.sourceRef!))!);
  await repo.insertAction(ctx.tx, {
    eventId: row.id,
    action: "report",
    fromState: null,
    toState: row.state,
    version: 1,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: ctx.actor.roles.join(",") || null,
    departmentId: ctx.actor.departmentId,
    note: row.description,
    data: { source, rule: route?.ruleId ?? null, area: area?.code ?? null, reason },
    photos,
    at: now,
  });
  await repo.insertLinks(ctx.tx, row.id, links);
  await recordAudit(ctx, {
    action: "event.reported",
    subjectType: "event",
    subjectId: row.id,
    after: {
      category: row.categoryCode,
      urgency,
      source,
      sourceRef: row.sourceRef,
      area: area?.code ?? null,
      state: row.state,
      reporter: row.anonymous ? "anonymous" : row.reporterNameEnc || row.reporterPhoneEnc ? "given" : "none",
    },
  });
  if (!area)
    await queueUnassigned(ctx.tx, {
      sourceType: "event",
      sourceId: row.id,
      lat: row.lat,
      lng: row.lng,
      address,
      reason: reason ?? "",
      at: now,
    });
  await scheduleSlaTimers(ctx.tx, row);
  if (urgency !== "normal")
    await notify(ctx.tx, {
      kind: "event.reported",
      title: `${urgency === "critical" ? "特急" : "紧急"}事件：${title}`,
      subjectType: "event",
      subjectId: row.id,
      areaPath: row.areaPath,
    });
  const final = await acceptOnArrival(ctx, config, row, source);
  // a report nobody has acted on yet needs no reading back: its bundle is what was just written
  const bundle: EventBundle =
    final === row
      ? {
          event: row,
          parts: [],
          rel: { reporterIds: row.reporterUserId ? [row.reporterUserId] : [], parts: [] },
          area,
          links: links.map((l) => ({ subjectType: l.type, subjectId: l.id, role: l.role ?? "involved" })),
          timelineCount: 1,
          mergedInto: undefined,
          assigneeName: null,
        }
      : await bundleOf(ctx.tx, final);
  const view = presentEvent(ctx, config, bundle);
  // likely duplicates are for those who can merge them; a resident would only see their own reports
  const duplicates = isStaff(ctx.actor) ? await findDuplicates(ctx, final) : [];
  return { ...view, created: true, duplicates };
}

/** The desk's own intake and upstream feeds are accepted on arrival (and dispatched when a rule says so). */
async function acceptOnArrival(ctx: Ctx, config: EventConfig, row: repo.EventRow, source: Source) {
  const accept = config.index.transitions.get("accept");
  if (!accept?.from.includes(row.state)) return row;
  const desk =
    source === "desk" && row.areaPath !== null && hasRole(ctx.actor, "dispatcher", "admin", "leader");
  if (!desk && !FEEDS.includes(source)) return row;
  const actorCtx = desk ? ctx : { ...ctx, actor: systemActor };
  const rel = { reporterIds: row.reporterUserId ? [row.reporterUserId] : [], parts: [] }; // a new event: no parts
  if (!hasStanding(accept, standing(actorCtx.actor, row, rel))) return row; // e.g. a desk outside the area
  return takeStep(
    actorCtx,
    config,
    { event: row, parts: [], rel, locked: [row] },
    { action: "accept", version: row.version },
  );
}
