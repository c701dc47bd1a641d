import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize, can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { departments, tasks, users } from "../../db/schema";
import { presentTask, type TaskView } from "./consultations";
import { taskColumns, taskById } from "./consultations.repo";
import { notify } from "./notify";
import { notAssignee, TASK, taskNotOpen } from "./supervision.errors";

function mineCondition(ctx: Ctx): SQL {
  const conds: SQL[] = [];
  if (ctx.actor.userId) conds.push(eq(tasks.assigneeUserId, ctx.actor.userId));
  if (ctx.actor.departmentId) conds.push(eq(tasks.departmentId, ctx.actor.departmentId));
  return conds.length ? or(...conds)! : sql`false`;
}

/** My tasks and my department's: open first (soonest due first), then the rest, newest first. */
export async function listTasks(
  ctx: Ctx,
  q: { status?: "open" | "done" | "cancelled"; page: number; pageSize: number },
): Promise<{ items: TaskView[]; total: number; page: number; pageSize: number }> {
  authorize(ctx.actor, "notification.read");
  const where = and(mineCondition(ctx), q.status ? eq(tasks.status, q.status) : undefined);
  const [rows, total] = await Promise.all([
    ctx.tx
      .select(taskColumns)
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.assigneeUserId))
      .leftJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where)
      .orderBy(
        sql`${tasks.status} = 'open' desc`,
        asc(sql`case when ${tasks.status} = 'open' then ${tasks.dueAt} end`),
        desc(tasks.createdAt),
        asc(tasks.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .where(where),
  ]);
  return {
    items: rows.map(presentTask),
    total: Number(total[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Finishes a task with its result: the assignee or a member of the assigned department. Others who
 * can see the event's area get 403, anyone else 404. The task's creator is told.
 */
export async function completeTask(ctx: Ctx, id: string, result: string): Promise<TaskView> {
  const [locked] = await ctx.tx.select().from(tasks).where(eq(tasks.id, id)).for("update");
  if (!locked) throw notFound(TASK);
  const mine =
    (locked.assigneeUserId !== null && locked.assigneeUserId === ctx.actor.userId) ||
    (locked.departmentId !== null && locked.departmentId === ctx.actor.departmentId);
  if (!mine) {
    if (can(ctx.actor, "event.read", { areaPath: locked.areaPath ?? "" })) throw notAssignee();
    throw notFound(TASK);
  }
  if (locked.status !== "open") throw taskNotOpen();
  const now = ctx.clock.now();
  const text = result.trim();
  await ctx.tx.update(tasks).set({ status: "done", doneAt: now, result: text }).where(eq(tasks.id, id));
  if (locked.createdBy && locked.createdBy !== ctx.actor.userId)
    await notify(ctx.tx, {
      kind: "task.done",
      title: `【任务完成】${locked.title}`,
      body: `${ctx.actor.displayName}：${text}`,
      subjectType: "task",
      subjectId: id,
      userIds: [locked.createdBy],
      areaPath: locked.areaPath,
      at: now,
    });
  await recordAudit(ctx, {
    action: "task.done",
    subjectType: "task",
    subjectId: id,
    before: { status: locked.status },
    after: { status: "done", result: text },
  });
  return presentTask((await taskById(ctx.tx, id))!);
}
