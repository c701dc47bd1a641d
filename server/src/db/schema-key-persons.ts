import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./schema-base";
import { createdAt, located, persons, STATUS_CK, ts } from "./schema-registry";

// Key persons (重点人员) and the care around them: sensitive personal information under PIPL.

/**
 * A key person (重点人员) under one GB/T 31000 category; the category's own fields (risk grade,
 * guardian, treatment; correction type and dates…) live in `details`, validated per category.
 */
export const keyPersons = pgTable(
  "key_persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    category: text("category").notNull(),
    attentionLevel: text("attention_level").notNull().default("02"),
    details: jsonb("details").notNull().default({}),
    startedOn: date("started_on"),
    endedOn: date("ended_on"),
    termination: text("termination"),
    /** Days between scheduled visits; the next visit is due this many days after the last. */
    visitIntervalDays: integer("visit_interval_days").notNull().default(30),
    nextVisitOn: date("next_visit_on"),
    employed: boolean("employed"),
    ...located(),
  },
  (t) => [
    uniqueIndex("key_persons_person_category_uq")
      .on(t.personId, t.category)
      .where(sql`${t.status} = 'active'`),
    index("key_persons_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    index("key_persons_next_visit_idx").on(t.nextVisitOn),
    check("key_persons_status_ck", STATUS_CK(t.status)),
  ],
);

/** Helpers (帮扶人) of a key person: a user or a named outsider, with their role. */
export const keyPersonHelpers = pgTable(
  "key_person_helpers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    keyPersonId: uuid("key_person_id")
      .notNull()
      .references(() => keyPersons.id),
    userId: uuid("user_id").references(() => users.id),
    name: text("name").notNull(),
    role: text("role").notNull(),
    fromOn: date("from_on"),
    toOn: date("to_on"),
  },
  (t) => [index("key_person_helpers_kp_idx").on(t.keyPersonId)],
);

/** A care plan (帮扶计划): employment, treatment, family support… with a goal and an outcome. */
export const carePlans = pgTable(
  "care_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    keyPersonId: uuid("key_person_id")
      .notNull()
      .references(() => keyPersons.id),
    kind: text("kind").notNull(),
    goal: text("goal").notNull(),
    status: text("status").notNull().default("active"),
    startOn: date("start_on").notNull(),
    dueOn: date("due_on"),
    /** How it ended, counted by the seeds' measures: achieved, partly, not_achieved. */
    outcome: text("outcome"),
    outcomeNote: text("outcome_note"),
    closedAt: ts("closed_at"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("care_plans_kp_idx").on(t.keyPersonId),
    check("care_plans_status_ck", sql`${t.status} in ('active','closed')`),
  ],
);

export const carePlanActions = pgTable(
  "care_plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => carePlans.id),
    description: text("description").notNull(),
    dueOn: date("due_on"),
    doneAt: ts("done_at"),
    result: text("result"),
    byUserId: uuid("by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("care_plan_actions_plan_idx").on(t.planId)],
);

/** A visit, due or made, to a key person, a household or a place (走访). */
export const visits = pgTable(
  "visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    areaPath: text("area_path"),
    dueOn: date("due_on"),
    doneAt: ts("done_at"),
    doneBy: uuid("done_by").references(() => users.id),
    method: text("method"),
    note: text("note"),
    findings: jsonb("findings"),
    photos: text("photos").array(),
    createdAt: createdAt(),
  },
  (t) => [
    index("visits_subject_idx").on(t.subjectType, t.subjectId),
    index("visits_due_idx")
      .on(t.dueOn)
      .where(sql`${t.doneAt} is null`),
    index("visits_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
  ],
);

/** Which users may read key-person files of which categories (beyond their role's default). */
export const keyPersonGrants = pgTable(
  "key_person_grants",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);
