import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

/** The area hierarchy: district → street → community → grid layer → grid → micro-grid. */
export const areas = pgTable(
  "areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: text("level").notNull(),
    parentId: uuid("parent_id"),
    path: text("path").notNull(),
    geometry: jsonb("geometry"),
    centerLat: doublePrecision("center_lat"),
    centerLng: doublePrecision("center_lng"),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    /** Problems found at import (self-intersection, overlap, outside parent), kept for the administrator. */
    warnings: jsonb("warnings"),
    importId: uuid("import_id"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("areas_code_uq").on(t.code),
    uniqueIndex("areas_path_uq").on(t.path.op("text_pattern_ops")),
    index("areas_parent_idx").on(t.parentId),
    check(
      "areas_level_ck",
      sql`${t.level} in ('district','street','community','grid_layer','grid','micro_grid')`,
    ),
  ],
);

/** Handling units: departments, stations and teams that receive dispatched work. */
export const departments = pgTable(
  "departments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull().default("department"),
    areaId: uuid("area_id").references(() => areas.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_code_uq").on(t.code)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles").array().notNull(),
    departmentId: uuid("department_id").references(() => departments.id),
    disabled: boolean("disabled").notNull().default(false),
    isService: boolean("is_service").notNull().default(false),
    passwordChangedAt: ts("password_changed_at").notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_uq").on(sql`lower(${t.username})`)],
);

/** Areas a user is responsible for; exactly one is primary. */
export const userScopes = pgTable(
  "user_scopes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    isPrimary: boolean("is_primary").notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaId] })],
);

/** Console sessions and API tokens; only a digest of the secret is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    index("sessions_user_idx").on(t.userId),
    check("sessions_kind_ck", sql`${t.kind} in ('cookie','token')`),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: ts("revoked_at"),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.keyHash)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    at: ts("at").notNull(),
    ok: boolean("ok").notNull(),
  },
  (t) => [index("login_attempts_lookup_idx").on(t.username, t.ip, t.at)],
);

/** Append-only audit trail; rows are hashed on insert and chained by the sealing job. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    changes: jsonb("changes"),
    reason: text("reason"),
    requestId: text("request_id"),
    ip: text("ip"),
    alg: text("alg").notNull(),
    contentHash: text("content_hash").notNull(),
    seq: bigint("seq", { mode: "number" }),
    chainHash: text("chain_hash"),
  },
  (t) => [
    uniqueIndex("audit_log_seq_uq").on(t.seq),
    index("audit_log_unsealed_idx")
      .on(t.id)
      .where(sql`${t.seq} is null`),
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_log_at_idx").on(t.at),
  ],
);

/** Persisted jobs and timers; claimed with SKIP LOCKED so several processes never run one twice. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    runAt: ts("run_at").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedBy: text("locked_by"),
    lockedUntil: ts("locked_until"),
    lastError: text("last_error"),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`${t.status} = 'pending'`),
    uniqueIndex("jobs_dedupe_uq")
      .on(t.dedupeKey)
      .where(sql`${t.status} in ('pending','running')`),
    /** Finds pending jobs by key prefix in any collation (an event's SLA timers, "sla:<eventId>:…"). */
    index("jobs_pending_key_prefix_idx")
      .on(t.dedupeKey.op("text_pattern_ops"))
      .where(sql`${t.status} = 'pending'`),
    check("jobs_status_ck", sql`${t.status} in ('pending','running','done','failed','cancelled')`),
  ],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Content-addressed files (photos, documents); the bytes live in the file store. */
export const files = pgTable("files", {
  id: text("id").primaryKey(),
  size: integer("size").notNull(),
  mime: text("mime").notNull(),
  originalName: text("original_name"),
  storage: text("storage").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** One GeoJSON import of areas: what was asked, what came of it. */
export const areaImports = pgTable("area_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  level: text("level").notNull(),
  parentId: uuid("parent_id").references(() => areas.id),
  codeProp: text("code_prop").notNull(),
  nameProp: text("name_prop").notNull(),
  crs: text("crs").notNull().default("wgs84"),
  strict: boolean("strict").notNull().default(false),
  fileDigest: text("file_digest").notNull(),
  featureCount: integer("feature_count").notNull(),
  created: integer("created").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  warnings: jsonb("warnings"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** Every change to an area (created, imported, renamed, moved, split, merged, redrawn), append-only. */
export const areaChanges = pgTable(
  "area_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    kind: text("kind").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    importId: uuid("import_id").references(() => areaImports.id),
    actorId: uuid("actor_id").references(() => users.id),
    at: ts("at").notNull(),
  },
  (t) => [index("area_changes_area_idx").on(t.areaId, t.at)],
);

/** Locations that fell outside every area: a dispatcher assigns them by hand, nothing is dropped. */
export const unassignedLocations = pgTable(
  "unassigned_locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sourceType: text("source_type").notNull(),
    sourceId: text("source_id").notNull(),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    address: text("address"),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
    resolvedAt: ts("resolved_at"),
    resolvedAreaId: uuid("resolved_area_id").references(() => areas.id),
    resolvedBy: uuid("resolved_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("unassigned_source_uq").on(t.sourceType, t.sourceId),
    index("unassigned_open_idx")
      .on(t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

/** Police districts (警务区): a polygon layer of their own, each with its station. */
export const policeDistricts = pgTable(
  "police_districts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    geometry: jsonb("geometry"),
    stationId: uuid("station_id").references(() => departments.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("police_districts_code_uq").on(t.code)],
);

/** Grid → police district (警网融合): each grid maps to one district. */
export const policeDistrictGrids = pgTable("police_district_grids", {
  areaId: uuid("area_id")
    .primaryKey()
    .references(() => areas.id),
  policeDistrictId: uuid("police_district_id")
    .notNull()
    .references(() => policeDistricts.id),
});

export const policeDistrictOfficers = pgTable(
  "police_district_officers",
  {
    policeDistrictId: uuid("police_district_id")
      .notNull()
      .references(() => policeDistricts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull().default("community_police"),
  },
  (t) => [primaryKey({ columns: [t.policeDistrictId, t.userId] })],
);

/** A grid's team ("1+3+N"): the grid worker, officials, police, enforcement, fire station, building heads, volunteers. */
export const gridTeamMembers = pgTable(
  "grid_team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    userId: uuid("user_id").references(() => users.id),
    name: text("name").notNull(),
    phoneEnc: text("phone_enc"),
    teamRole: text("team_role").notNull(),
    duty: text("duty"),
    substituteId: uuid("substitute_id"),
    activeFrom: date("active_from"),
    activeTo: date("active_to"),
    createdAt: createdAt(),
  },
  (t) => [index("grid_team_area_idx").on(t.areaId)],
);
