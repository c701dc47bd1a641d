import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../core/actor";
import { hasRole } from "../../core/actor";
import { scopeCondition } from "../../core/authorize";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import {
  areas,
  departments,
  eventActions,
  eventLinks,
  eventParts,
  events,
  files,
  households,
  houses,
  persons,
  places,
  things,
  users,
} from "../../db/schema";
import type { EventRow } from "./event-clock";

export type { EventRow };
export type NewEvent = typeof events.$inferInsert;
export type ActionRow = typeof eventActions.$inferSelect;
export type PartRow = typeof eventParts.$inferSelect;
export type AreaRow = typeof areas.$inferSelect;
export type PartWithNames = PartRow & {
  departmentCode: string | null;
  departmentName: string | null;
  assigneeName: string | null;
};

/** Roles that see every event in their area scope (department handlers see only their parts). */
export const SCOPED_READERS = ["admin", "leader", "dispatcher", "grid_worker", "mediator", "police"] as const;

/**
 * Events the actor may see, as SQL: in scope for the scoped readers; otherwise (and also) those they
 * reported or registered, those assigned to them or to their unit, and those merged from their reports.
 */
export function visibleCondition(actor: Actor): SQL {
  if (actor.allAreas) return sql`true`;
  const me = actor.userId;
  const conds: SQL[] = [];
  if (hasRole(actor, ...SCOPED_READERS)) conds.push(sql`(${scopeCondition(actor, events.areaPath)})`);
  if (me) {
    conds.push(sql`${events.reporterUserId} = ${me}`, sql`${events.createdBy} = ${me}`);
    conds.push(sql`${events.assigneeUserId} = ${me}`);
    conds.push(
      sql`exists (select 1 from event_parts p where p.event_id = ${events.id} and (p.assignee_user_id = ${me}${
        actor.departmentId ? sql` or p.department_id = ${actor.departmentId}` : sql``
      }))`,
    );
    conds.push(
      sql`exists (select 1 from events m where m.merged_into_id = ${events.id} and m.reporter_user_id = ${me})`,
    );
  } else if (actor.departmentId) {
    conds.push(
      sql`exists (select 1 from event_parts p where p.event_id = ${events.id} and p.department_id = ${actor.departmentId})`,
    );
  }
  return conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;
}

export async function insertEvent(tx: Executor, values: NewEvent): Promise<EventRow | undefined> {
  const rows = await tx
    .insert(events)
    .values(values)
    .onConflictDoNothing({
      target: [events.source, events.sourceRef],
      where: sql`${events.sourceRef} is not null`,
    })
    .returning();
  return rows[0];
}

export async function findBySourceRef(
  tx: Executor,
  source: string,
  ref: string,
): Promise<EventRow | undefined> {
  const rows = await tx
    .select()
    .from(events)
    .where(and(eq(events.source, source), eq(events.sourceRef, ref)));
  return rows[0];
}

export async function findById(tx: Executor, id: string): Promise<EventRow | undefined> {
  const rows = await tx.select().from(events).where(eq(events.id, id));
  return rows[0];
}

export async function findByTrackingCode(tx: Executor, code: string): Promise<EventRow | undefined> {
  const rows = await tx.select().from(events).where(eq(events.trackingCode, code));
  return rows[0];
}

/** Locks events for an action, in id order (so two merges of the same pair cannot deadlock). */
export async function lockEvents(tx: Executor, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(events).where(inArray(events.id, ids)).orderBy(asc(events.id)).for("update");
}

export async function updateEvent(tx: Executor, id: string, changes: Partial<NewEvent>): Promise<EventRow> {
  const [row] = await tx.update(events).set(changes).where(eq(events.id, id)).returning();
  return row!;
}

export async function insertAction(
  tx: Executor,
  values: typeof eventActions.$inferInsert,
): Promise<ActionRow> {
  const [row] = await tx.insert(eventActions).values(values).returning();
  return row!;
}

export async function findActionByKey(
  tx: Executor,
  eventId: string,
  key: string,
): Promise<ActionRow | undefined> {
  const rows = await tx
    .select()
    .from(eventActions)
    .where(and(eq(eventActions.eventId, eventId), eq(eventActions.idempotencyKey, key)));
  return rows[0];
}

export async function timeline(tx: Executor, eventId: string) {
  return tx
    .select({ action: eventActions, departmentName: departments.name })
    .from(eventActions)
    .leftJoin(departments, eq(departments.id, eventActions.departmentId))
    .where(eq(eventActions.eventId, eventId))
    .orderBy(asc(eventActions.id));
}

export async function countActions(tx: Executor, eventId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from event_actions where event_id = ${eventId}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The most recent action of one kind (e.g. who dispatched last, to tell them of a return). */
export async function lastActionOf(
  tx: Executor,
  eventId: string,
  action: string,
): Promise<ActionRow | undefined> {
  const rows = await tx
    .select()
    .from(eventActions)
    .where(and(eq(eventActions.eventId, eventId), eq(eventActions.action, action)))
    .orderBy(desc(eventActions.id))
    .limit(1);
  return rows[0];
}

export async function partsOf(tx: Executor, eventId: string): Promise<PartWithNames[]> {
  const rows = await tx
    .select({
      part: eventParts,
      departmentCode: departments.code,
      departmentName: departments.name,
      assigneeName: users.displayName,
    })
    .from(eventParts)
    .leftJoin(departments, eq(departments.id, eventParts.departmentId))
    .leftJoin(users, eq(users.id, eventParts.assigneeUserId))
    .where(eq(eventParts.eventId, eventId))
    .orderBy(asc(eventParts.createdAt), sql`${eventParts.role} <> 'lead'`, asc(eventParts.id));
  return rows.map((r) => ({
    ...r.part,
    departmentCode: r.departmentCode,
    departmentName: r.departmentName,
    assigneeName: r.assigneeName,
  }));
}

export async function insertParts(tx: Executor, rows: (typeof eventParts.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(eventParts).values(rows);
}

export async function updatePart(tx: Executor, id: string, changes: Partial<typeof eventParts.$inferInsert>) {
  await tx.update(eventParts).set(changes).where(eq(eventParts.id, id));
}

/** Takes the open parts (pending or accepted) away from their units. */
export async function withdrawOpenParts(tx: Executor, eventId: string): Promise<void> {
  await tx
    .update(eventParts)
    .set({ state: "withdrawn" })
    .where(and(eq(eventParts.eventId, eventId), inArray(eventParts.state, ["pending", "accepted"])));
}

/** Sends finished parts back to work (failed verification, dissatisfied reporter). */
export async function reopenDoneParts(tx: Executor, eventId: string, deadline: Date | null): Promise<void> {
  await tx
    .update(eventParts)
    .set({ state: "accepted", doneAt: null, deadline })
    .where(and(eq(eventParts.eventId, eventId), eq(eventParts.state, "done")));
}

export async function linksOf(tx: Executor, eventId: string) {
  return tx.select().from(eventLinks).where(eq(eventLinks.eventId, eventId));
}

export async function insertLinks(
  tx: Executor,
  eventId: string,
  links: { type: string; id: string; role?: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await tx
    .insert(eventLinks)
    .values(links.map((l) => ({ eventId, subjectType: l.type, subjectId: l.id, role: l.role ?? "involved" })))
    .onConflictDoNothing();
}

/** Reporters of the events merged into this one: they follow it. */
export async function mergedReporters(tx: Executor, eventId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: events.reporterUserId })
    .from(events)
    .where(and(eq(events.mergedIntoId, eventId), sql`${events.reporterUserId} is not null`));
  return rows.map((r) => r.id!);
}

/** Re-points events merged into `from` at `to`, so a merge chain stays one level deep. */
export async function repointMerged(tx: Executor, from: string, to: string): Promise<void> {
  await tx.update(events).set({ mergedIntoId: to }).where(eq(events.mergedIntoId, from));
}

export async function areaById(tx: Executor, id: string | null): Promise<AreaRow | undefined> {
  if (!id) return undefined;
  const rows = await tx.select().from(areas).where(eq(areas.id, id));
  return rows[0];
}

export async function areaByCode(tx: Executor, code: string): Promise<AreaRow | undefined> {
  const rows = await tx.select().from(areas).where(eq(areas.code, code));
  return rows[0];
}

export async function areaByPath(tx: Executor, path: string): Promise<AreaRow | undefined> {
  const rows = await tx.select().from(areas).where(eq(areas.path, path));
  return rows[0];
}

export async function areaPathsByCodes(tx: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ code: areas.code, path: areas.path })
    .from(areas)
    .where(inArray(areas.code, codes));
  return new Map(rows.map((r) => [r.code, r.path]));
}

/** The paths of an area and all its ancestors ("/a/", "/a/b/", "/a/b/c/"). */
export function ancestorPaths(path: string): string[] {
  const codes = path.split("/").filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join("/")}/`);
}

/** Active areas whose name occurs in the text (for matching an address to an area). */
export async function areasNamedIn(tx: Executor, text: string, today: string): Promise<AreaRow[]> {
  return tx
    .select()
    .from(areas)
    .where(
      and(
        sql`char_length(${areas.name}) >= 2`,
        sql`strpos(${text}, ${areas.name}) > 0`,
        or(isNull(areas.validTo), sql`${areas.validTo} > ${today}`),
      ),
    );
}

export async function existingFiles(tx: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: files.id }).from(files).where(inArray(files.id, ids));
  return new Set(rows.map((r) => r.id));
}

const SUBJECT_TABLES = {
  person: persons,
  household: households,
  house: houses,
  place: places,
  thing: things,
};
export type LinkType = keyof typeof SUBJECT_TABLES;

/** The ids among these that exist in a registry table. */
export async function existingSubjects(tx: Executor, type: LinkType, ids: string[]): Promise<Set<string>> {
  const table = Object.hasOwn(SUBJECT_TABLES, type) ? SUBJECT_TABLES[type] : undefined;
  if (ids.length === 0 || !table) return new Set();
  const rows = await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function thingByDevice(tx: Executor, deviceId: string) {
  const rows = await tx
    .select()
    .from(things)
    .where(and(eq(things.deviceId, deviceId), ne(things.status, "purged")));
  return rows[0];
}

/** Events linked to a registry record that the actor may see, newest first, with the total. */
export async function eventsLinkedTo(tx: Executor, actor: Actor, type: string, id: string, limit: number) {
  const where = and(
    sql`exists (select 1 from event_links l where l.event_id = ${events.id} and l.subject_type = ${type} and l.subject_id = ${id})`,
    visibleCondition(actor),
  );
  const rows = await tx.select().from(events).where(where).orderBy(desc(events.createdAt)).limit(limit);
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .where(where);
  return { rows, total: Number(n?.n ?? 0) };
}

/** In one round trip: the timeline's length, the reporters of merged reports, the area and the assignee's name. */
export async function eventExtras(tx: Executor, e: Pick<EventRow, "id" | "areaId" | "assigneeUserId">) {
  const [row] = await queryRows<{
    n: number;
    merged: string[] | null;
    assignee_name: string | null;
    area: AreaRow | null;
  }>(
    tx,
    sql`select (select count(*)::int from event_actions where event_id = ${e.id}) as n,
          (select array_agg(reporter_user_id::text) from events
             where merged_into_id = ${e.id} and reporter_user_id is not null) as merged,
          (select display_name from users where id = ${e.assigneeUserId}) as assignee_name,
          (select row_to_json(a) from (select id, code, name, level, path from areas where id = ${e.areaId}) a) as area`,
  );
  const area = row?.area as { id: string; code: string; name: string; level: string; path: string } | null;
  return {
    timelineCount: Number(row?.n ?? 0),
    mergedReporters: parseArray(row?.merged),
    assigneeName: row?.assignee_name ?? null,
    area: area ?? undefined,
  };
}

/** A text[] as the drivers return it (an array, or "{a,b}" text from some). */
function parseArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string" && v.startsWith("{")) return v.slice(1, -1).split(",").filter(Boolean);
  return [];
}
