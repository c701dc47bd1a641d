import type { Executor } from "../../db/database";
import { tasks } from "../../db/schema";

export interface NewTask {
  title: string;
  areaPath?: string | null;
  eventId?: string | null;
  consultationId?: string | null;
  assigneeUserId?: string | null;
  departmentId?: string | null;
  dueAt?: Date | null;
  createdBy?: string | null;
  /** the caller's clock (ctx.clock.now()); the database's time when left out */
  createdAt?: Date;
}

/** Adds a follow-up task (a reminder, a consultation decision, a permit about to expire) in the caller's transaction. */
export async function createTask(tx: Executor, t: NewTask): Promise<string> {
  const [row] = await tx
    .insert(tasks)
    .values({
      title: t.title,
      areaPath: t.areaPath ?? null,
      eventId: t.eventId ?? null,
      consultationId: t.consultationId ?? null,
      assigneeUserId: t.assigneeUserId ?? null,
      departmentId: t.departmentId ?? null,
      dueAt: t.dueAt ?? null,
      createdBy: t.createdBy ?? null,
      ...(t.createdAt ? { createdAt: t.createdAt } : {}),
    })
    .returning({ id: tasks.id });
  return row!.id;
}
