import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { consultationParticipants, consultations, departments, events, tasks, users } from "../../db/schema";

export type ConsultationRow = typeof consultations.$inferSelect;
export type ParticipantRow = typeof consultationParticipants.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

export async function findConsultation(
  tx: Executor,
  id: string,
  lock = false,
): Promise<ConsultationRow | undefined> {
  const q = tx.select().from(consultations).where(eq(consultations.id, id));
  const rows = lock ? await q.for("update") : await q;
  return rows[0];
}

export async function insertConsultation(tx: Executor, row: typeof consultations.$inferInsert) {
  const [created] = await tx.insert(consultations).values(row).returning();
  return created!;
}

export async function updateConsultation(
  tx: Executor,
  id: string,
  set: Partial<Pick<ConsultationRow, "minutes" | "decisions" | "status" | "closedAt">>,
) {
  await tx.update(consultations).set(set).where(eq(consultations.id, id));
}

export async function insertParticipants(
  tx: Executor,
  rows: (typeof consultationParticipants.$inferInsert)[],
) {
  if (rows.length === 0) return;
  await tx.insert(consultationParticipants).values(rows);
}

export interface ParticipantWithName extends ParticipantRow {
  userName: string | null;
  departmentName: string | null;
}

export async function participantsOf(tx: Executor, consultationId: string): Promise<ParticipantWithName[]> {
  return tx
    .select({
      id: consultationParticipants.id,
      consultationId: consultationParticipants.consultationId,
      userId: consultationParticipants.userId,
      departmentId: consultationParticipants.departmentId,
      notifiedAt: consultationParticipants.notifiedAt,
      joinedAt: consultationParticipants.joinedAt,
      userName: users.displayName,
      departmentName: departments.name,
    })
    .from(consultationParticipants)
    .leftJoin(users, eq(users.id, consultationParticipants.userId))
    .leftJoin(departments, eq(departments.id, consultationParticipants.departmentId))
    .where(eq(consultationParticipants.consultationId, consultationId))
    .orderBy(asc(consultationParticipants.id));
}

/** Marks the participant rows of this user (directly or through their department) joined, once. */
export async function markJoined(tx: Executor, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await tx
    .update(consultationParticipants)
    .set({ joinedAt: at })
    .where(and(inArray(consultationParticipants.id, ids), isNull(consultationParticipants.joinedAt)));
}

export interface TaskWithNames extends TaskRow {
  userName: string | null;
  departmentName: string | null;
}

const taskColumns = {
  id: tasks.id,
  eventId: tasks.eventId,
  consultationId: tasks.consultationId,
  title: tasks.title,
  areaPath: tasks.areaPath,
  assigneeUserId: tasks.assigneeUserId,
  departmentId: tasks.departmentId,
  dueAt: tasks.dueAt,
  status: tasks.status,
  doneAt: tasks.doneAt,
  result: tasks.result,
  createdBy: tasks.createdBy,
  createdAt: tasks.createdAt,
  userName: users.displayName,
  departmentName: departments.name,
};

export async function tasksOfConsultation(tx: Executor, consultationId: string): Promise<TaskWithNames[]> {
  return tx
    .select(taskColumns)
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeUserId))
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .where(eq(tasks.consultationId, consultationId))
    .orderBy(asc(tasks.createdAt), asc(tasks.id));
}

export async function taskById(tx: Executor, id: string): Promise<TaskWithNames | undefined> {
  const rows = await tx
    .select(taskColumns)
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeUserId))
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .where(eq(tasks.id, id));
  return rows[0];
}

export { taskColumns };

export async function departmentsExisting(tx: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function eventHeadline(tx: Executor, id: string | null) {
  if (!id) return null;
  const [row] = await tx
    .select({ id: events.id, seq: events.seq, createdAt: events.createdAt, title: events.title })
    .from(events)
    .where(eq(events.id, id));
  return row ?? null;
}

export async function userName(tx: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}
