import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../core/actor";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { eventActions, eventParts, events, supervisions, users } from "../../db/schema";

/** The part of an event row this module reads (it never changes the event's state). */
export interface EventBrief {
  id: string;
  seq: number;
  createdAt: Date;
  title: string;
  state: string;
  categoryCode: string;
  areaPath: string | null;
  slaStage: string | null;
  deadline: Date | null;
  warnAt: Date | null;
  dueAt: Date | null;
  pausedAt: Date | null;
  closedAt: Date | null;
  colour: string;
  version: number;
  assigneeUserId: string | null;
}

const briefColumns = {
  id: events.id,
  seq: events.seq,
  createdAt: events.createdAt,
  title: events.title,
  state: events.state,
  categoryCode: events.categoryCode,
  areaPath: events.areaPath,
  slaStage: events.slaStage,
  deadline: events.deadline,
  warnAt: events.warnAt,
  dueAt: events.dueAt,
  pausedAt: events.pausedAt,
  closedAt: events.closedAt,
  colour: events.colour,
  version: events.version,
  assigneeUserId: events.assigneeUserId,
};

/** States after which no clock runs and nothing is supervised (whatever closed_at says). */
export const FINISHED_STATES = new Set(["closed", "evaluated", "cancelled", "invalid", "merged"]);

export const isFinished = (e: Pick<EventBrief, "state" | "closedAt">) =>
  e.closedAt !== null || FINISHED_STATES.has(e.state);

/** One event, optionally locked for the rest of the transaction; undefined when absent. */
export async function findEvent(tx: Executor, id: string, lock = false): Promise<EventBrief | undefined> {
  const q = tx.select(briefColumns).from(events).where(eq(events.id, id));
  const rows = lock ? await q.for("update") : await q;
  return rows[0];
}

/**
 * Bumps the event's version (so clients see a new timeline entry) and appends the entry, in the
 * caller's transaction; the event must be locked by the caller. Returns the new version.
 */
export async function appendTimeline(
  tx: Executor,
  event: EventBrief,
  entry: {
    action: string;
    actor: Actor;
    at: Date;
    note?: string | null;
    data?: Record<string, unknown>;
    idempotencyKey?: string;
    colour?: "yellow" | "red";
  },
): Promise<number> {
  const [row] = await tx
    .update(events)
    .set({
      version: sql`${events.version} + 1`,
      updatedAt: entry.at,
      // red stays red until the clock is reset by the event module
      ...(entry.colour
        ? {
            colour:
              entry.colour === "red"
                ? "red"
                : sql`case when ${events.colour} = 'red' then 'red' else 'yellow' end`,
          }
        : {}),
    })
    .where(eq(events.id, event.id))
    .returning({ version: events.version });
  const version = row!.version;
  const system = entry.actor.via === "system";
  await tx.insert(eventActions).values({
    eventId: event.id,
    action: entry.action,
    fromState: event.state,
    toState: event.state,
    version,
    idempotencyKey: entry.idempotencyKey ?? null,
    actorId: entry.actor.userId,
    actorName: system ? "system" : entry.actor.displayName,
    actorRole: system ? "system" : entry.actor.roles.join(",") || null,
    departmentId: entry.actor.departmentId,
    note: entry.note ?? null,
    data: entry.data ?? null,
    at: entry.at,
  });
  return version;
}

/** Who handles the event now: its assignee, and the units and people of its open parts. */
export async function handlersOf(
  tx: Executor,
  event: EventBrief,
): Promise<{ userIds: string[]; departmentIds: string[] }> {
  const parts = await tx
    .select({ userId: eventParts.assigneeUserId, departmentId: eventParts.departmentId })
    .from(eventParts)
    .where(and(eq(eventParts.eventId, event.id), inArray(eventParts.state, ["pending", "accepted"])));
  const userIds = new Set<string>();
  const departmentIds = new Set<string>();
  if (event.assigneeUserId) userIds.add(event.assigneeUserId);
  for (const p of parts) {
    if (p.userId) userIds.add(p.userId);
    if (p.departmentId) departmentIds.add(p.departmentId);
  }
  return { userIds: [...userIds], departmentIds: [...departmentIds] };
}

/** The person who last dispatched the event, when a person did. */
export async function lastDispatcher(tx: Executor, eventId: string): Promise<string | undefined> {
  const rows = await tx
    .select({ actorId: eventActions.actorId })
    .from(eventActions)
    .where(
      and(
        eq(eventActions.eventId, eventId),
        sql`${eventActions.action} like 'dispatch%'`,
        sql`${eventActions.actorId} is not null`,
      ),
    )
    .orderBy(desc(eventActions.id))
    .limit(1);
  return rows[0]?.actorId ?? undefined;
}

/**
 * Active users with one of the roles whose scope contains the area path, nearest up the path first;
 * at one level leaders come before dispatchers. Returns those at the nearest level only.
 */
export async function nearestStaff(
  tx: Executor,
  areaPath: string | null,
  roles: string[],
): Promise<{ id: string; username: string }[]> {
  if (!areaPath || roles.length === 0) return [];
  const wanted = sql`array[${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;
  const rows = await queryRows<{ id: string; username: string; depth: number }>(
    tx,
    sql`select u.id, u.username, length(a.path) as depth
        from users u
        join user_scopes s on s.user_id = u.id
        join areas a on a.id = s.area_id
        where not u.disabled and u.roles && ${wanted} and starts_with(${areaPath}, a.path)
        order by length(a.path) desc, ('leader' = any(u.roles)) desc, u.username
        limit 50`,
  );
  const depth = rows[0]?.depth;
  return rows.filter((r) => r.depth === depth).map(({ id, username }) => ({ id, username }));
}

/** Active users of these ids (drops unknown and disabled ones). */
export async function activeUsers(
  tx: Executor,
  ids: string[],
): Promise<{ id: string; departmentId: string | null }[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, departmentId: users.departmentId })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
}

export type SupervisionRow = typeof supervisions.$inferSelect;

/** Opens a supervision unless one with the same dedupe key exists; undefined when it did. */
export async function insertSupervision(
  tx: Executor,
  row: typeof supervisions.$inferInsert,
): Promise<SupervisionRow | undefined> {
  const rows = await tx.insert(supervisions).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function findSupervision(
  tx: Executor,
  id: string,
  lock = false,
): Promise<SupervisionRow | undefined> {
  const q = tx.select().from(supervisions).where(eq(supervisions.id, id));
  const rows = lock ? await q.for("update") : await q;
  return rows[0];
}

export async function closeSupervision(tx: Executor, id: string, at: Date, note: string | null) {
  const [row] = await tx
    .update(supervisions)
    .set({ status: "closed", closedAt: at, note })
    .where(eq(supervisions.id, id))
    .returning();
  return row!;
}

export interface SupervisionListRow extends SupervisionRow {
  eventSeq: number;
  eventCreatedAt: Date;
  eventTitle: string;
  eventState: string;
  eventDeadline: Date | null;
  eventColour: string;
  escalatedToName: string | null;
}

/** Supervisions matching the conditions, newest first, with the event's headline. */
export async function listSupervisions(
  tx: Executor,
  where: SQL[],
  limit: number,
  offset: number,
): Promise<{ rows: SupervisionListRow[]; total: number }> {
  const cond = and(...where);
  const [rows, total] = await Promise.all([
    tx
      .select({
        ...supervisionColumns,
        eventSeq: events.seq,
        eventCreatedAt: events.createdAt,
        eventTitle: events.title,
        eventState: events.state,
        eventDeadline: events.deadline,
        eventColour: events.colour,
        escalatedToName: users.displayName,
      })
      .from(supervisions)
      .innerJoin(events, eq(events.id, supervisions.eventId))
      .leftJoin(users, eq(users.id, supervisions.escalatedToUserId))
      .where(cond)
      .orderBy(desc(supervisions.openedAt), desc(supervisions.id))
      .limit(limit)
      .offset(offset),
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(supervisions)
      .where(cond),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

const supervisionColumns = {
  id: supervisions.id,
  eventId: supervisions.eventId,
  level: supervisions.level,
  stage: supervisions.stage,
  dedupeKey: supervisions.dedupeKey,
  reason: supervisions.reason,
  areaPath: supervisions.areaPath,
  openedAt: supervisions.openedAt,
  openedBy: supervisions.openedBy,
  escalatedToUserId: supervisions.escalatedToUserId,
  status: supervisions.status,
  closedAt: supervisions.closedAt,
  note: supervisions.note,
};
