import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areas, departments, users } from "./schema-base";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

/**
 * Configuration kept as versioned documents: the category tree, routing rules, SLA policies and the
 * state machine. Each edit writes a new version; an event remembers the version it was routed by.
 */
export const configDocuments = pgTable(
  "config_documents",
  {
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    body: jsonb("body").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.version] })],
);

/** An event (事件): one matter raised once, followed through the closed loop. */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A short human number, shown and spoken on the phone. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    trackingCode: text("tracking_code").notNull(),
    categoryCode: text("category_code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    urgency: text("urgency").notNull().default("normal"),
    source: text("source").notNull(),
    /** The id in the source system (12345 ticket, 110 incident, device alarm): one event per source record. */
    sourceRef: text("source_ref"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    address: text("address"),
    areaId: uuid("area_id").references(() => areas.id),
    areaPath: text("area_path"),
    reporterUserId: uuid("reporter_user_id").references(() => users.id),
    reporterNameEnc: text("reporter_name_enc"),
    reporterPhoneEnc: text("reporter_phone_enc"),
    reporterPhoneIndex: text("reporter_phone_index"),
    reporterPhoneMasked: text("reporter_phone_masked"),
    anonymous: boolean("anonymous").notNull().default(false),
    photos: text("photos").array(),
    state: text("state").notNull(),
    version: integer("version").notNull().default(1),
    /** grid | community | street | district: where the matter is handled. */
    handlingLevel: text("handling_level"),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id),
    /** The stage the SLA clock is timing (accept, dispatch, handle, verify) and its deadline. */
    slaStage: text("sla_stage"),
    deadline: ts("deadline"),
    warnAt: ts("warn_at"),
    /** The whole matter's deadline (Open311 expected_datetime). */
    dueAt: ts("due_at"),
    colour: text("colour").notNull().default("green"),
    pausedAt: ts("paused_at"),
    pausedMs: bigint("paused_ms", { mode: "number" }).notNull().default(0),
    sla: jsonb("sla"),
    acceptedAt: ts("accepted_at"),
    dispatchedAt: ts("dispatched_at"),
    feedbackAt: ts("feedback_at"),
    verifiedAt: ts("verified_at"),
    closedAt: ts("closed_at"),
    evaluatedAt: ts("evaluated_at"),
    satisfaction: text("satisfaction"),
    closedOnTime: boolean("closed_on_time"),
    closedInGrid: boolean("closed_in_grid"),
    dispatchCount: integer("dispatch_count").notNull().default(0),
    returnCount: integer("return_count").notNull().default(0),
    mergedIntoId: uuid("merged_into_id"),
    configVersion: integer("config_version"),
    result: text("result"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_seq_uq").on(t.seq),
    uniqueIndex("events_tracking_uq").on(t.trackingCode),
    uniqueIndex("events_source_ref_uq")
      .on(t.source, t.sourceRef)
      .where(sql`${t.sourceRef} is not null`),
    index("events_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    index("events_state_idx").on(t.state),
    index("events_created_idx").on(t.createdAt),
    index("events_open_deadline_idx")
      .on(t.deadline)
      .where(sql`${t.closedAt} is null`),
    index("events_category_idx").on(t.categoryCode),
    index("events_merged_idx")
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
    check("events_urgency_ck", sql`${t.urgency} in ('normal','urgent','critical')`),
    check("events_colour_ck", sql`${t.colour} in ('green','yellow','red')`),
  ],
);

/** The event's append-only timeline: every action with who, when, what and its idempotency key. */
export const eventActions = pgTable(
  "event_actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    version: integer("version").notNull(),
    idempotencyKey: text("idempotency_key"),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    actorRole: text("actor_role"),
    departmentId: uuid("department_id").references(() => departments.id),
    note: text("note"),
    data: jsonb("data"),
    photos: text("photos").array(),
    at: ts("at").notNull(),
  },
  (t) => [
    index("event_actions_event_idx").on(t.eventId, t.id),
    uniqueIndex("event_actions_idem_uq")
      .on(t.eventId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

/** One unit's part of a dispatched event (联动处置): each accepts, rejects or finishes its own part. */
export const eventParts = pgTable(
  "event_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    departmentId: uuid("department_id").references(() => departments.id),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id),
    role: text("role").notNull().default("lead"),
    required: boolean("required").notNull().default(true),
    state: text("state").notNull().default("pending"),
    reason: text("reason"),
    result: text("result"),
    photos: text("photos").array(),
    deadline: ts("deadline"),
    createdAt: createdAt(),
    acceptedAt: ts("accepted_at"),
    doneAt: ts("done_at"),
  },
  (t) => [
    index("event_parts_event_idx").on(t.eventId),
    index("event_parts_department_idx").on(t.departmentId, t.state),
    index("event_parts_assignee_idx").on(t.assigneeUserId, t.state),
    check("event_parts_state_ck", sql`${t.state} in ('pending','accepted','rejected','done','withdrawn')`),
  ],
);

/** Links from an event to registry records (person, household, house, place, thing). */
export const eventLinks = pgTable(
  "event_links",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    role: text("role").notNull().default("involved"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.subjectType, t.subjectId] }),
    index("event_links_subject_idx").on(t.subjectType, t.subjectId),
  ],
);

/** Supervision (督办): yellow or red card on an overdue stage, or a supervisor's own instruction. */
export const supervisions = pgTable(
  "supervisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    level: text("level").notNull(),
    stage: text("stage"),
    /** One per event, stage, level and deadline: a timer that fires twice opens one record. */
    dedupeKey: text("dedupe_key").notNull(),
    reason: text("reason").notNull(),
    areaPath: text("area_path"),
    openedAt: ts("opened_at").notNull(),
    openedBy: uuid("opened_by").references(() => users.id),
    escalatedToUserId: uuid("escalated_to_user_id").references(() => users.id),
    status: text("status").notNull().default("open"),
    closedAt: ts("closed_at"),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("supervisions_dedupe_uq").on(t.dedupeKey),
    index("supervisions_event_idx").on(t.eventId),
    index("supervisions_open_idx")
      .on(t.openedAt)
      .where(sql`${t.status} = 'open'`),
    check("supervisions_level_ck", sql`${t.level} in ('notice','yellow','red')`),
  ],
);

/** A consultation (会商) convened on an event: parties, minutes, decisions. */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").references(() => events.id),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    title: text("title").notNull(),
    /** What the parties are asked to decide, sent with the invitation. */
    agenda: text("agenda"),
    areaPath: text("area_path"),
    status: text("status").notNull().default("open"),
    convenedBy: uuid("convened_by").references(() => users.id),
    convenedAt: ts("convened_at").notNull(),
    minutes: text("minutes"),
    decisions: jsonb("decisions"),
    closedAt: ts("closed_at"),
  },
  (t) => [index("consultations_event_idx").on(t.eventId)],
);

export const consultationParticipants = pgTable(
  "consultation_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    userId: uuid("user_id").references(() => users.id),
    departmentId: uuid("department_id").references(() => departments.id),
    notifiedAt: ts("notified_at"),
    joinedAt: ts("joined_at"),
  },
  (t) => [index("consultation_participants_c_idx").on(t.consultationId)],
);

/** Follow-up tasks with deadlines, from a consultation or on an event. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").references(() => events.id),
    consultationId: uuid("consultation_id").references(() => consultations.id),
    title: text("title").notNull(),
    areaPath: text("area_path"),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id),
    departmentId: uuid("department_id").references(() => departments.id),
    dueAt: ts("due_at"),
    status: text("status").notNull().default("open"),
    doneAt: ts("done_at"),
    result: text("result"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeUserId, t.status),
    index("tasks_event_idx").on(t.eventId),
    check("tasks_status_ck", sql`${t.status} in ('open','done','cancelled')`),
  ],
);

/** In-console notifications, per user; outgoing webhooks are jobs. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    createdAt: createdAt(),
    readAt: ts("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.id)],
);

/** Where outgoing notifications go when an administrator configures them (DingTalk, WeCom robots). */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  format: text("format").notNull(),
  url: text("url").notNull(),
  secretEnc: text("secret_enc"),
  events: text("events").array().notNull(),
  areaPath: text("area_path"),
  active: boolean("active").notNull().default(true),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** The feeds imported as events (12345, 110 non-police, Boston replay): one row per file, resumable. */
export const eventImports = pgTable("event_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  source: text("source").notNull(),
  fileDigest: text("file_digest").notNull(),
  status: text("status").notNull(),
  totalRows: integer("total_rows").notNull().default(0),
  processedRows: integer("processed_rows").notNull().default(0),
  errors: jsonb("errors"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
  finishedAt: ts("finished_at"),
});
