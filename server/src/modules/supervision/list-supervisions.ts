import { eq, sql, type SQL } from "drizzle-orm";
import { authorize, can, likePrefix, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import type { Executor } from "../../db/database";
import { supervisions } from "../../db/schema";
import * as areasRepo from "../areas/areas.repo";
import { eventNo } from "../events/present-event";
import { areaOutOfScope } from "./supervision.errors";
import * as repo from "./supervision.repo";

export interface SupervisionView {
  id: string;
  level: string;
  stage: string | null;
  reason: string;
  status: string;
  openedAt: string;
  closedAt: string | null;
  note: string | null;
  escalatedTo: { id: string; name: string | null } | null;
  event: { id: string; no: string; title: string; state: string; deadline: string | null; colour: string };
  can: { close: boolean };
}

/** A supervision with its event's headline and what the actor may do with it. */
export function presentSupervision(ctx: Ctx, r: repo.SupervisionListRow): SupervisionView {
  return {
    id: r.id,
    level: r.level,
    stage: r.stage,
    reason: r.reason,
    status: r.status,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    note: r.note,
    escalatedTo: r.escalatedToUserId ? { id: r.escalatedToUserId, name: r.escalatedToName } : null,
    event: {
      id: r.eventId,
      no: eventNo({ seq: r.eventSeq, createdAt: r.eventCreatedAt }, ctx.services.config.timeZone),
      title: r.eventTitle,
      state: r.eventState,
      deadline: r.eventDeadline?.toISOString() ?? null,
      colour: r.eventColour,
    },
    can: {
      close: r.status === "open" && can(ctx.actor, "event.supervise", { areaPath: r.areaPath ?? "" }),
    },
  };
}

/** One supervision as presented (after a change). */
export async function supervisionView(ctx: Ctx, tx: Executor, id: string): Promise<SupervisionView> {
  const { rows } = await repo.listSupervisions(tx, [eq(supervisions.id, id)], 1, 0);
  return presentSupervision(ctx, rows[0]!);
}

export interface ListSupervisionsQuery {
  status?: "open" | "closed";
  level?: "notice" | "yellow" | "red";
  areaCode?: string;
  eventId?: string;
  /** only those escalated to me */
  mine?: boolean;
  page: number;
  pageSize: number;
}

/** The supervision view (督办): records in the actor's area scope, newest first, filtered. */
export async function listSupervisions(ctx: Ctx, q: ListSupervisionsQuery) {
  authorize(ctx.actor, "event.read");
  const where: SQL[] = [scopeCondition(ctx.actor, supervisions.areaPath)];
  if (q.status) where.push(eq(supervisions.status, q.status));
  if (q.level) where.push(eq(supervisions.level, q.level));
  if (q.eventId) where.push(eq(supervisions.eventId, q.eventId));
  if (q.mine) where.push(eq(supervisions.escalatedToUserId, ctx.actor.userId ?? sql`null`));
  if (q.areaCode) {
    const area = await areasRepo.findByCode(ctx.tx, q.areaCode);
    if (!area || !can(ctx.actor, "event.read", { areaPath: area.path })) throw areaOutOfScope(q.areaCode);
    where.push(sql`${supervisions.areaPath} like ${likePrefix(area.path)}`);
  }
  const { rows, total } = await repo.listSupervisions(ctx.tx, where, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => presentSupervision(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}
