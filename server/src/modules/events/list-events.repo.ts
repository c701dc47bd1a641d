import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../core/actor";
import type { Executor } from "../../db/database";
import { areas, events } from "../../db/schema";
import { visibleCondition } from "./events.repo";

/** The SLA colour now, in SQL (as of the pause while paused; stored once the clock stopped). */
export function colourSql(now: Date): SQL<string> {
  const at = sql`coalesce(${events.pausedAt}, ${now}::timestamptz)`;
  return sql<string>`case when ${events.closedAt} is not null or ${events.deadline} is null then ${events.colour}
    when ${events.deadline} < ${at} then 'red' when ${events.warnAt} <= ${at} then 'yellow' else 'green' end`;
}

export interface ListFilter {
  states?: string[];
  categoryPrefix?: string;
  areaPath?: string;
  colour?: string;
  source?: string;
  urgency?: string;
  overdue?: boolean;
  mine?: boolean;
  q?: string;
  seq?: number;
  from?: Date;
  to?: Date;
  open?: boolean;
  sort: "deadline" | "created" | "-created";
  limit: number;
  offset: number;
}

/** A page of the events the actor may see, filtered in SQL, with the total. */
export async function listEvents(tx: Executor, actor: Actor, f: ListFilter, now: Date) {
  const colour = colourSql(now);
  const conds: SQL[] = [visibleCondition(actor)];
  if (f.states?.length) conds.push(inArray(events.state, f.states));
  if (f.categoryPrefix) conds.push(sql`${events.categoryCode} like ${likeStart(f.categoryPrefix)}`);
  if (f.areaPath) conds.push(sql`${events.areaPath} like ${likeStart(f.areaPath)}`);
  if (f.colour) conds.push(sql`${colour} = ${f.colour}`);
  if (f.source) conds.push(eq(events.source, f.source));
  if (f.urgency) conds.push(eq(events.urgency, f.urgency));
  if (f.open) conds.push(isNull(events.closedAt));
  if (f.overdue !== undefined)
    conds.push(
      f.overdue
        ? sql`(${events.closedAt} is null and ${events.deadline} < coalesce(${events.pausedAt}, ${now}::timestamptz))`
        : sql`not (${events.closedAt} is null and coalesce(${events.deadline} < coalesce(${events.pausedAt}, ${now}::timestamptz), false))`,
    );
  if (f.mine) {
    const me = actor.userId;
    conds.push(
      sql`(${events.assigneeUserId} = ${me} or exists (select 1 from event_parts p where p.event_id = ${events.id}
        and p.state in ('pending','accepted') and (p.assignee_user_id = ${me}${
          actor.departmentId ? sql` or p.department_id = ${actor.departmentId}` : sql``
        })))`,
    );
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      sql`(${events.title} ilike ${pattern} or ${events.description} ilike ${pattern} or ${events.address} ilike ${pattern}${
        f.seq !== undefined ? sql` or ${events.seq} = ${f.seq}` : sql``
      } or ${events.trackingCode} = ${f.q.toUpperCase()})`,
    );
  }
  if (f.from) conds.push(sql`${events.createdAt} >= ${f.from}`);
  if (f.to) conds.push(sql`${events.createdAt} < ${f.to}`);
  const where = and(...conds);
  const order =
    f.sort === "deadline"
      ? [sql`${events.deadline} asc nulls last`, asc(events.createdAt)]
      : f.sort === "created"
        ? [asc(events.createdAt), asc(events.seq)]
        : [desc(events.createdAt), desc(events.seq)];
  const rows = await tx
    .select({ event: events, colour, areaCode: areas.code, areaName: areas.name })
    .from(events)
    .leftJoin(areas, eq(areas.id, events.areaId))
    .where(where)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .where(where);
  return { rows, total: Number(n?.n ?? 0) };
}

const likeStart = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
