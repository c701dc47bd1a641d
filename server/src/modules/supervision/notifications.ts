import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { notifications } from "../../db/schema";

type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const presentNotification = (n: NotificationRow): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

function me(ctx: Ctx): string {
  authorize(ctx.actor, "notification.read");
  // API keys act as their user; the system has no inbox
  return ctx.actor.userId ?? "00000000-0000-0000-0000-000000000000";
}

/** My notifications, unread first, newest first within each; with the unread count. */
export async function listNotifications(
  ctx: Ctx,
  q: { page: number; pageSize: number; unreadOnly?: boolean },
) {
  const userId = me(ctx);
  const where = and(
    eq(notifications.userId, userId),
    q.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [rows, counts] = await Promise.all([
    ctx.tx
      .select()
      .from(notifications)
      .where(where)
      .orderBy(sql`${notifications.readAt} is null desc`, desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx
      .select({
        total: sql<number>`count(*)::int`,
        unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
      })
      .from(notifications)
      .where(where),
  ]);
  return {
    items: rows.map(presentNotification),
    total: Number(counts[0]?.total ?? 0),
    unread: Number(counts[0]?.unread ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks some (ids) or all of my unread notifications read; returns how many changed. */
export async function markNotificationsRead(
  ctx: Ctx,
  input: { ids?: number[]; all?: boolean },
): Promise<{ updated: number }> {
  const userId = me(ctx);
  if (!input.all && (!input.ids || input.ids.length === 0)) return { updated: 0 };
  const rows = await ctx.tx
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        input.all ? undefined : inArray(notifications.id, input.ids!),
      ),
    )
    .returning({ id: notifications.id });
  if (rows.length > 0)
    await recordAudit(ctx, {
      action: "notification.read",
      subjectType: "user",
      subjectId: userId,
      after: { count: rows.length, all: input.all === true },
    });
  return { updated: rows.length };
}

/** My notifications after the cursor (oldest first), for the live stream. */
export async function notificationsAfter(
  db: Executor,
  userId: string,
  afterId: number,
  limit = 100,
): Promise<NotificationView[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.id, afterId)))
    .orderBy(asc(notifications.id))
    .limit(limit);
  return rows.map(presentNotification);
}

/** Where a new stream starts: just before my oldest unread among the latest `backlog`, else my newest. */
export async function streamStart(db: Executor, userId: string, backlog = 50): Promise<number> {
  const [row] = await queryRows<{ newest: unknown; first_unread: unknown }>(
    db,
    sql`select max(id) as newest, min(id) filter (where read_at is null) as first_unread
        from (select id, read_at from notifications where user_id = ${userId}
              order by id desc limit ${backlog}) recent`,
  );
  if (row?.first_unread != null) return Number(row.first_unread) - 1;
  return Number(row?.newest ?? 0);
}
