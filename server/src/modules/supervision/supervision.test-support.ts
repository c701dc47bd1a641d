// Test-only helpers of the supervision module: events inserted straight into the table, with the
// clock fields the event module would set, so timers and KPIs can be tested on their own.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { eventParts, events } from "../../db/schema";
import { scheduleSlaTimers } from "./sla-timers";

export interface TestEvent {
  areaPath: string | null;
  title?: string;
  categoryCode?: string;
  state?: string;
  slaStage?: string | null;
  deadline?: Date | null;
  warnAt?: Date | null;
  dueAt?: Date | null;
  pausedAt?: Date | null;
  closedAt?: Date | null;
  createdAt?: Date;
  satisfaction?: string | null;
  closedOnTime?: boolean | null;
  closedInGrid?: boolean | null;
  dispatchCount?: number;
  mergedIntoId?: string | null;
  assigneeUserId?: string | null;
}

/** Inserts an event row as the event module would leave it; returns the row. */
export async function insertEvent(tx: Executor, e: TestEvent) {
  const [row] = await tx
    .insert(events)
    .values({
      trackingCode: crypto.randomBytes(8).toString("hex"),
      categoryCode: e.categoryCode ?? "city.road",
      title: e.title ?? "路面破损",
      description: "测试事件",
      source: "test",
      areaPath: e.areaPath,
      state: e.state ?? "handling",
      slaStage: e.slaStage === undefined ? "handle" : e.slaStage,
      deadline: e.deadline ?? null,
      warnAt: e.warnAt ?? null,
      dueAt: e.dueAt ?? null,
      pausedAt: e.pausedAt ?? null,
      closedAt: e.closedAt ?? null,
      satisfaction: e.satisfaction ?? null,
      closedOnTime: e.closedOnTime ?? null,
      closedInGrid: e.closedInGrid ?? null,
      dispatchCount: e.dispatchCount ?? 0,
      mergedIntoId: e.mergedIntoId ?? null,
      assigneeUserId: e.assigneeUserId ?? null,
      ...(e.createdAt ? { createdAt: e.createdAt } : {}),
    })
    .returning();
  return row!;
}

/** Inserts an event and schedules its SLA timers in one transaction, as the event module does. */
export async function insertClockedEvent(db: Executor, e: TestEvent & { departmentId?: string }) {
  return db.transaction(async (tx) => {
    const row = await insertEvent(tx, e);
    if (e.departmentId) await tx.insert(eventParts).values({ eventId: row.id, departmentId: e.departmentId });
    await scheduleSlaTimers(tx, row);
    return row;
  });
}

/** Changes an event's clock fields and reschedules its timers, as an event action would. */
export async function changeClock(
  db: Executor,
  id: string,
  set: Partial<Pick<TestEvent, "deadline" | "warnAt" | "slaStage" | "pausedAt" | "closedAt" | "state">>,
  reschedule = true,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(events)
      .set({ ...set, updatedAt: new Date() })
      .where(sql`${events.id} = ${id}`)
      .returning();
    if (reschedule) await scheduleSlaTimers(tx, row!);
    return row!;
  });
}

/** The jobs with a key prefix, oldest first. */
export async function jobsLike(db: Executor, prefix: string) {
  return queryRows<{ kind: string; status: string; dedupe_key: string; run_at: unknown; attempts: number }>(
    db,
    sql`select kind, status, dedupe_key, run_at, attempts from jobs where dedupe_key like ${prefix + "%"} order by id`,
  );
}
