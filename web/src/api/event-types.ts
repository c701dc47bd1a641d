/** Shapes of the event closed loop (事件闭环) routes as the console uses them. */
import type { Page } from "./types";

export type Urgency = "normal" | "urgent" | "critical";
export const URGENCIES: readonly Urgency[] = ["normal", "urgent", "critical"];

export type SlaColour = "green" | "yellow" | "red";
export const SLA_COLOURS: readonly SlaColour[] = ["green", "yellow", "red"];

/** Channels an event may come from (the server may know more; unknown ones are shown as they are). */
export const EVENT_SOURCES = [
  "desk",
  "grid",
  "resident",
  "volunteer",
  "hotline_12345",
  "police_110",
  "iot",
  "open311",
  "department",
] as const;

/** States of the closed loop; the state machine is data on the server, these are the ones the console names. */
export const EVENT_STATES = [
  "reported",
  "accepted",
  "returned",
  "dispatched",
  "handling",
  "handled",
  "feedback",
  "verified",
  "closed",
  "evaluated",
  "suspended",
  "merged",
  "cancelled",
  "invalid",
] as const;

/** Every action of `POST /api/events/{id}/actions`. */
export const EVENT_ACTIONS = [
  "accept",
  "dispatch",
  "accept_part",
  "reject_part",
  "finish_part",
  "handle_in_grid",
  "feedback",
  "verify",
  "close",
  "evaluate",
  "return",
  "request_extension",
  "approve_extension",
  "reject_extension",
  "suspend",
  "resume",
  "escalate",
  "merge",
  "cancel",
  "mark_invalid",
  "comment",
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** A name in both languages, as the server keeps configured names. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** An event's category with its parent (大类 / 小类). */
export interface CategoryRef {
  code: string;
  name: Bilingual;
  parent: { code: string; name: Bilingual } | null;
  sensitive?: boolean;
  public?: boolean;
}

/** A reference from an event to a person, household, house or place in the registry. */
export interface EventLink {
  type: string;
  id: string;
  role: string;
}

/** One unit's part of a joint handling (联动处置). */
export interface EventPart {
  id: string;
  department: { id: string; code: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  role: "lead" | "assist" | string;
  required: boolean;
  state: "pending" | "accepted" | "rejected" | "done" | "withdrawn" | string;
  reason: string | null;
  result: string | null;
  photos: string[];
  deadline: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  /** What the signed-in user may do with this part (their unit's, or the desk on its behalf). */
  can: { accept: boolean; reject: boolean; finish: boolean };
}

export type EventCan = Partial<Record<EventAction | "revealReporter", boolean>>;

/** A row of `GET /api/events` (and the headline fields every view of an event has). */
export interface EventSummary {
  id: string;
  no: string;
  title: string;
  /** The parent comes with a single event's view, not with list rows. */
  category: Pick<CategoryRef, "code" | "name"> & Partial<CategoryRef>;
  state: string;
  stateName: Bilingual;
  urgency: Urgency;
  source: string;
  colour: SlaColour;
  handlingLevel: string | null;
  slaStage: string | null;
  deadline: string | null;
  /** With a single event's view only: when the light turns yellow. */
  warnAt?: string | null;
  dueAt: string | null;
  paused?: boolean;
  overdue: boolean;
  area: { code: string; name: string; level?: string } | null;
  createdAt: string;
  closedAt: string | null;
  version: number;
  /** Present when the server adds the next steps to list rows. */
  can?: EventCan;
}

/** The reporter as the signed-in user may see them: in clear for the desk and the reporter, masked for handlers. */
export interface EventReporter {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  masked: boolean;
}

/** `GET /api/events/{id}`. */
export interface EventDetail extends EventSummary {
  category: CategoryRef;
  warnAt: string | null;
  paused: boolean;
  trackingCode: string | null;
  description: string;
  sourceRef: string | null;
  location: { lat: number | null; lng: number | null; address: string | null };
  unassigned: boolean;
  reporter: EventReporter | null;
  photos: string[];
  handlingLevel: string | null;
  assignee: { id: string; name: string } | null;
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
  evaluatedAt: string | null;
  satisfaction: string | null;
  closedOnTime: boolean | null;
  closedInGrid: boolean | null;
  dispatchCount: number;
  returnCount: number;
  mergedInto: { id: string; no: string } | null;
  result: string | null;
  parts: EventPart[];
  links: EventLink[];
  timelineCount: number;
  can: EventCan;
  updatedAt: string;
}

/** The answer of `POST /api/events`: the event, whether it is new, and its likely duplicates. */
export interface CreatedEvent extends EventDetail {
  created: boolean;
  duplicates: DuplicateCandidate[];
}

export interface NewEventInput {
  category: string;
  description: string;
  title?: string;
  lat?: number;
  lng?: number;
  areaCode?: string;
  address?: string;
  urgency: Urgency;
  source: string;
  photos?: string[];
  reporter?: { name?: string; phone?: string };
  anonymous?: boolean;
  links?: { type: string; id: string }[];
}

/** One entry of an event's timeline (append-only). */
export interface TimelineEntry {
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

/** A category of the two-level tree (`GET /api/event-categories`). */
export interface EventCategory {
  code: string;
  name: Bilingual;
  level?: number;
  parent?: string | null;
  public?: boolean;
  sensitive?: boolean;
  active?: boolean;
  children?: EventCategory[];
}

/** A likely duplicate of an event (near in place, similar in text, recent), best first. */
export interface DuplicateCandidate {
  id: string;
  no: string;
  title: string;
  state: string;
  categoryCode: string;
  createdAt: string;
  distanceM: number | null;
  similarity: number;
  score: number;
}

/** `GET /api/events/track/{code}`: the public progress of a report, without personal data. */
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

/** A supervision record (督办) with its event's headline. */
export interface Supervision {
  id: string;
  level: "notice" | "yellow" | "red" | string;
  stage: string | null;
  reason: string;
  status: "open" | "closed" | string;
  openedAt: string;
  closedAt: string | null;
  note: string | null;
  escalatedTo: { id: string; name: string | null } | null;
  event: { id: string; no: number; title: string; state: string; deadline: string | null; colour: SlaColour };
  can: { close: boolean };
}

/** A party to a consultation: a user, or a department (all its handlers). */
export interface ConsultationParticipant {
  id: string;
  kind: "user" | "department";
  userId: string | null;
  departmentId: string | null;
  name: string | null;
  notifiedAt: string | null;
  joinedAt: string | null;
}

/** A consultation (会商) on an event. */
export interface Consultation {
  id: string;
  title: string;
  agenda: string | null;
  status: "open" | "closed" | string;
  event: { id: string; no: number; title: string } | null;
  convenedBy: { id: string | null; name: string | null };
  convenedAt: string;
  minutes: string | null;
  decisions: { text: string }[];
  closedAt: string | null;
  participants: ConsultationParticipant[];
  tasks: TaskItem[];
  can: { join: boolean; edit: boolean; close: boolean };
}

/** A follow-up task (from a consultation or on an event). */
export interface TaskItem {
  id: string;
  title: string;
  eventId: string | null;
  consultationId: string | null;
  assignee: { userId: string | null; departmentId: string | null; name: string | null };
  dueAt: string | null;
  status: "open" | "done" | "cancelled" | string;
  doneAt: string | null;
  result: string | null;
  createdAt: string;
}

/** An in-console notification. */
export interface NotificationItem {
  id: number | string;
  kind: string;
  title: string;
  body: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** A KPI as defined once on the server (`GET /api/kpis/definitions`). */
export interface KpiDefinition {
  id: string;
  name: { zh: string; en: string };
  unit: "ratio" | "count" | "hours" | string;
  formula: string;
  description: { zh: string; en: string };
}

/** One row of `GET /api/kpis`: the counts of a cohort and the KPI values (ratios 0–1; null without a denominator). */
export interface KpiRow {
  area: { code: string; name: string; path: string } | null;
  kind: "total" | "child" | "self" | "unassigned" | string;
  counts: Record<string, number>;
  values: Record<string, number | null>;
}

/** `GET /api/kpis`. */
export interface KpiReport {
  area: { code: string; name: string; path: string } | null;
  from: string;
  to: string;
  asOf: string;
  category: string | null;
  groupBy: string | null;
  rows: KpiRow[];
}

export type EventList = Page<EventSummary>;

/** A version of a configuration document. */
export interface ConfigVersion {
  version: number;
  note: string | null;
  createdAt: string;
  createdBy?: string | null;
  createdByName?: string | null;
}

/** `GET /api/event-config/{kind}`. */
export interface ConfigDocument<T = unknown> {
  kind: string;
  version: number;
  body: T;
  note?: string | null;
  createdAt?: string;
}
