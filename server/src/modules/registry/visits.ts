import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize, can, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { households, keyPersons, persons, places, visits } from "../../db/schema";
import { addDays, dateOf, todayOf } from "./dates";
import { labelOf } from "./field-checks";
import { keyPersonAccess, readableCategories, visibleKeyPerson } from "./key-person-grants";
import * as repo from "./key-persons.repo";
import { presentVisit } from "./read-key-person";
import { visiblePlace } from "./read-place";
import { badField, HOUSEHOLD, wrongState } from "./registry.errors";

/** How a visit was made. */
export const VISIT_METHODS = ["in_person", "phone", "video", "joint", "other"] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];

export interface VisitInput {
  doneAt: string;
  method: VisitMethod;
  note?: string;
  findings?: Record<string, unknown>;
}

const VISIT = { zh: "走访", en: "visit" };
/** A visit's note and findings may hold sensitive observations: the audit keeps only that they changed. */
const VISIT_SENSITIVE = ["note", "findings"];

function doneAtOf(ctx: Ctx, input: VisitInput): Date {
  const at = new Date(input.doneAt);
  // a visit cannot be recorded before it happened (a few minutes' clock skew allowed)
  if (at.getTime() > ctx.clock.now().getTime() + 5 * 60_000)
    throw badField(
      "doneAt",
      "DATE_IN_FUTURE",
      "走访时间不能晚于现在",
      "A visit cannot be recorded in the future",
    );
  return at;
}

/**
 * Records a visit to a key person (visit.record in the area, and the file readable): the next visit
 * falls one interval after the latest visit made.
 */
export async function recordKeyPersonVisit(ctx: Ctx, keyPersonId: string, input: VisitInput) {
  const kp = await visibleKeyPerson(ctx, keyPersonId, true);
  authorize(ctx.actor, "visit.record", { areaPath: kp.areaPath ?? "" });
  if (kp.status !== "active")
    throw wrongState("status", "该重点人员已解除管理", "This key-person record has ended");
  const doneAt = doneAtOf(ctx, input);
  const last = await repo.lastVisitAt(ctx.tx, "key_person", keyPersonId);
  const visit = await repo.insertVisit(ctx.tx, {
    subjectType: "key_person",
    subjectId: keyPersonId,
    areaPath: kp.areaPath,
    dueOn: kp.nextVisitOn,
    doneAt,
    doneBy: ctx.actor.userId,
    method: input.method,
    note: input.note?.trim() || null,
    findings: input.findings ?? null,
    createdAt: ctx.clock.now(),
  });
  let nextVisitOn = kp.nextVisitOn;
  if (!last || doneAt >= last) {
    nextVisitOn = addDays(dateOf(ctx, doneAt), kp.visitIntervalDays);
    await repo.updateKeyPerson(ctx.tx, keyPersonId, { nextVisitOn }, ctx.clock.now());
  }
  await recordAudit(ctx, {
    action: "key_person.visited",
    subjectType: "key_person",
    subjectId: keyPersonId,
    after: {
      visitId: visit.id,
      doneAt: doneAt.toISOString(),
      method: input.method,
      note: visit.note,
      findings: visit.findings,
      nextVisitOn,
    },
    sensitive: VISIT_SENSITIVE,
  });
  return { visit: presentVisit(visit, ctx.actor.displayName), nextVisitOn };
}

/** The area of a place or household a visit is about, checked readable (404 otherwise). */
async function subjectArea(ctx: Ctx, subjectType: "place" | "household", id: string): Promise<string> {
  if (subjectType === "place") return (await visiblePlace(ctx, id)).areaPath ?? "";
  const [h] = await ctx.tx
    .select({ areaPath: households.areaPath })
    .from(households)
    .where(and(eq(households.id, id), sql`${households.status} <> 'purged'`));
  if (!h || !can(ctx.actor, "registry.read", { areaPath: h.areaPath ?? "" })) throw notFound(HOUSEHOLD);
  return h.areaPath ?? "";
}

/**
 * Schedules a visit to a place or household (dueOn), or records one made (doneAt); visit.record in
 * the subject's area.
 */
export async function createVisit(
  ctx: Ctx,
  input: { subjectType: "place" | "household"; subjectId: string; dueOn?: string } & Partial<VisitInput>,
) {
  const areaPath = await subjectArea(ctx, input.subjectType, input.subjectId);
  authorize(ctx.actor, "visit.record", { areaPath });
  if (!input.dueOn && !input.doneAt)
    throw badField(
      "dueOn",
      "REQUIRED",
      "请填写计划走访日期或实际走访时间",
      "Give the due date or the time of the visit",
    );
  if (input.doneAt && !input.method)
    throw badField("method", "REQUIRED", "请填写走访方式", "Give how the visit was made");
  const doneAt = input.doneAt ? doneAtOf(ctx, input as VisitInput) : null;
  const visit = await repo.insertVisit(ctx.tx, {
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    areaPath,
    dueOn: input.dueOn ?? null,
    doneAt,
    doneBy: doneAt ? ctx.actor.userId : null,
    method: input.method ?? null,
    note: input.note?.trim() || null,
    findings: input.findings ?? null,
    createdAt: ctx.clock.now(),
  });
  await recordAudit(ctx, {
    action: doneAt ? "visit.recorded" : "visit.scheduled",
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    after: {
      visitId: visit.id,
      dueOn: visit.dueOn,
      doneAt: doneAt?.toISOString() ?? null,
      note: visit.note,
      findings: visit.findings,
    },
    sensitive: VISIT_SENSITIVE,
  });
  return presentVisit(visit, doneAt ? ctx.actor.displayName : null);
}

/** Records a scheduled visit to a place or household as made. */
export async function completeVisit(ctx: Ctx, visitId: string, input: VisitInput) {
  const visit = await repo.findVisit(ctx.tx, visitId, true);
  if (
    !visit ||
    visit.subjectType === "key_person" ||
    !can(ctx.actor, "registry.read", { areaPath: visit.areaPath ?? "" })
  )
    throw notFound(VISIT);
  authorize(ctx.actor, "visit.record", { areaPath: visit.areaPath ?? "" });
  if (visit.doneAt) throw wrongState("doneAt", "该走访已记录", "This visit was already recorded");
  const doneAt = doneAtOf(ctx, input);
  const done = await repo.updateVisit(ctx.tx, visitId, {
    doneAt,
    doneBy: ctx.actor.userId,
    method: input.method,
    note: input.note?.trim() || null,
    findings: input.findings ?? null,
  });
  await recordAudit(ctx, {
    action: "visit.recorded",
    subjectType: visit.subjectType,
    subjectId: visit.subjectId,
    after: { visitId, doneAt: doneAt.toISOString(), note: done.note, findings: done.findings },
    sensitive: VISIT_SENSITIVE,
  });
  return presentVisit(done, ctx.actor.displayName);
}

/**
 * Visits due on or before a date in the actor's scope: key persons whose next visit falls due (those
 * the actor may read) and scheduled visits to places and households; the most overdue first.
 */
export async function visitsDue(ctx: Ctx, before?: string) {
  authorize(ctx.actor, "registry.read");
  const today = todayOf(ctx);
  const by = before ?? today;
  const items: {
    type: "key_person" | "place" | "household";
    id: string;
    subjectId: string;
    title: string;
    category: string | null;
    categoryLabel: { zh: string; en: string } | null;
    dueOn: string;
    overdue: boolean;
  }[] = [];
  const cats = await readableCategories(ctx);
  let keyPersonCount = 0;
  if (cats === "all" || cats.length) {
    const rows = await ctx.tx
      .select({
        id: keyPersons.id,
        category: keyPersons.category,
        dueOn: keyPersons.nextVisitOn,
        name: persons.name,
      })
      .from(keyPersons)
      .innerJoin(persons, eq(persons.id, keyPersons.personId))
      .where(
        and(await keyPersonAccess(ctx), eq(keyPersons.status, "active"), lte(keyPersons.nextVisitOn, by)),
      )
      .orderBy(asc(keyPersons.nextVisitOn))
      .limit(500);
    keyPersonCount = rows.length;
    for (const r of rows)
      items.push({
        type: "key_person",
        id: r.id,
        subjectId: r.id,
        title: r.name,
        category: r.category,
        categoryLabel: labelOf("special-population-type", r.category),
        dueOn: r.dueOn!,
        overdue: r.dueOn! < today,
      });
  }
  const scheduled = await ctx.tx
    .select({
      id: visits.id,
      type: visits.subjectType,
      subjectId: visits.subjectId,
      dueOn: visits.dueOn,
      placeName: places.name,
      address: households.address,
    })
    .from(visits)
    .leftJoin(places, and(eq(visits.subjectType, "place"), eq(places.id, visits.subjectId)))
    .leftJoin(households, and(eq(visits.subjectType, "household"), eq(households.id, visits.subjectId)))
    .where(
      and(
        scopeCondition(ctx.actor, visits.areaPath),
        sql`${visits.subjectType} in ('place','household')`,
        isNull(visits.doneAt),
        lte(visits.dueOn, by),
      ),
    )
    .orderBy(asc(visits.dueOn))
    .limit(500);
  for (const r of scheduled)
    items.push({
      type: r.type as "place" | "household",
      id: r.id,
      subjectId: r.subjectId,
      title: r.placeName ?? r.address ?? "",
      category: null,
      categoryLabel: null,
      dueOn: r.dueOn!,
      overdue: r.dueOn! < today,
    });
  items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.title.localeCompare(b.title)));
  if (keyPersonCount)
    await recordAudit(ctx, {
      action: "key_person.list",
      after: { view: "visits_due", before: by, count: keyPersonCount },
    });
  return { before: by, items };
}
