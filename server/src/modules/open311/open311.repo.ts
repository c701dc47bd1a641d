import { and, desc, eq, gte, inArray, lt, max, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/database";
import { areas, configDocuments, departments, eventParts, events } from "../../db/schema";

/** What the public may see of one event: no reporter, no handler, no internal notes. */
export interface PublicEventRow {
  id: string;
  seq: number;
  categoryCode: string;
  description: string;
  state: string;
  result: string | null;
  address: string | null;
  areaCode: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  dueAt: Date | null;
  mergedIntoSeq: number | null;
}

const target = alias(events, "merged_target");

const columns = {
  id: events.id,
  seq: events.seq,
  categoryCode: events.categoryCode,
  description: events.description,
  state: events.state,
  result: events.result,
  address: events.address,
  areaCode: areas.code,
  lat: events.lat,
  lng: events.lng,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
  closedAt: events.closedAt,
  dueAt: events.dueAt,
  mergedIntoSeq: target.seq,
};

function select(db: Executor, where: SQL | undefined, limit: number) {
  return db
    .select(columns)
    .from(events)
    .leftJoin(areas, eq(areas.id, events.areaId))
    .leftJoin(target, eq(target.id, events.mergedIntoId))
    .where(where)
    .orderBy(desc(events.createdAt), desc(events.seq))
    .limit(limit) as Promise<PublicEventRow[]>;
}

export interface RequestQuery {
  /** The public service codes to look in (never empty: the caller answers [] itself). */
  codes: string[];
  /** Specific requests: overrides the other filters, as the standard says. */
  seqs?: number[];
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Only open (state not closed) or only closed requests; both when undefined. */
  status?: "open" | "closed";
  closedStates: readonly string[];
  limit: number;
}

/** Events of public categories matching an Open311 query, newest first. */
export async function listPublicEvents(db: Executor, q: RequestQuery): Promise<PublicEventRow[]> {
  if (q.codes.length === 0 || q.seqs?.length === 0) return [];
  const conditions: (SQL | undefined)[] = [inArray(events.categoryCode, q.codes)];
  if (q.seqs) conditions.push(inArray(events.seq, q.seqs));
  else {
    if (q.from) conditions.push(gte(events.createdAt, q.from));
    if (q.to) conditions.push(lt(events.createdAt, q.to));
    if (q.status === "closed") conditions.push(inArray(events.state, [...q.closedStates]));
    if (q.status === "open") conditions.push(notInArray(events.state, [...q.closedStates]));
  }
  return select(db, and(...conditions), q.limit);
}

/** One event of a public category by its number, or undefined. */
export async function findPublicEvent(
  db: Executor,
  seq: number,
  codes: string[],
): Promise<PublicEventRow | undefined> {
  if (codes.length === 0) return undefined;
  const rows = await select(db, and(eq(events.seq, seq), inArray(events.categoryCode, codes)), 1);
  return rows[0];
}

/** The number of the event a tracking code belongs to, when its category is public. */
export async function findSeqByTrackingCode(
  db: Executor,
  code: string,
  codes: string[],
): Promise<number | undefined> {
  if (codes.length === 0) return undefined;
  const rows = await db
    .select({ seq: events.seq })
    .from(events)
    .where(and(eq(events.trackingCode, code), inArray(events.categoryCode, codes)))
    .limit(1);
  return rows[0]?.seq;
}

/** The event's number and tracking code (right after intake, in the same transaction). */
export async function findNumbers(db: Executor, id: string) {
  const rows = await db
    .select({ seq: events.seq, trackingCode: events.trackingCode, dueAt: events.dueAt })
    .from(events)
    .where(eq(events.id, id));
  return rows[0];
}

/** The departments working on each event (parts not rejected or withdrawn), leads first. */
export async function agenciesOf(db: Executor, eventIds: string[]): Promise<Map<string, string[]>> {
  const byEvent = new Map<string, string[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select({ eventId: eventParts.eventId, name: departments.name })
    .from(eventParts)
    .innerJoin(departments, eq(departments.id, eventParts.departmentId))
    .where(
      and(inArray(eventParts.eventId, eventIds), notInArray(eventParts.state, ["rejected", "withdrawn"])),
    )
    .orderBy(sql`${eventParts.role} = 'lead' desc`, eventParts.createdAt);
  for (const r of rows) {
    const names = byEvent.get(r.eventId) ?? [];
    if (!names.includes(r.name)) names.push(r.name);
    byEvent.set(r.eventId, names);
  }
  return byEvent;
}

/** When the published configuration (categories and the rest) last changed, if it ever did. */
export async function configChangedAt(db: Executor): Promise<Date | undefined> {
  const rows = await db.select({ at: max(configDocuments.createdAt) }).from(configDocuments);
  return rows[0]?.at ?? undefined;
}
