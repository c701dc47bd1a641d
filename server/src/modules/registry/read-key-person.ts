import { eq } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { persons } from "../../db/schema";
import { iso, todayOf } from "./dates";
import { labelOf } from "./field-checks";
import { presentDetails } from "./key-person-details";
import { canReadKeyPerson, visibleKeyPerson } from "./key-person-grants";
import * as repo from "./key-persons.repo";
import { areaRefs } from "./locate-record";

/** The person block a key-person file shows: name, masked ID and phone, sex, birth date, address. */
async function personBlock(ctx: Ctx, personId: string) {
  const [p] = await ctx.tx
    .select({
      id: persons.id,
      name: persons.name,
      idMasked: persons.idMasked,
      phoneMasked: persons.phoneMasked,
      sex: persons.sex,
      birthDate: persons.birthDate,
      currentAddress: persons.currentAddress,
      status: persons.status,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!p) return null;
  return { ...p, sexLabel: labelOf("sex", p.sex) };
}

/** What the actor may do with a key-person record. */
export async function keyPersonCan(ctx: Ctx, row: repo.KeyPersonRow) {
  const subject = { areaPath: row.areaPath ?? "" };
  const active = row.status === "active";
  const edit = active && can(ctx.actor, "key_person.edit", subject);
  const helper = ctx.actor.userId ? await repo.isCurrentHelper(ctx.tx, row.id, ctx.actor.userId) : false;
  const read = await canReadKeyPerson(ctx, row);
  return {
    edit,
    end: edit,
    recordVisit: active && read && can(ctx.actor, "visit.record", subject),
    addPlan: edit,
    addAction: active && (edit || (helper && read)),
  };
}

/** A plan with its actions, as the file shows it. */
export function presentPlan(p: repo.PlanRow, actions: repo.ActionRow[]) {
  return {
    id: p.id,
    keyPersonId: p.keyPersonId,
    kind: p.kind,
    goal: p.goal,
    status: p.status,
    startOn: p.startOn,
    dueOn: p.dueOn,
    outcome: p.outcome,
    outcomeNote: p.outcomeNote,
    closedAt: iso(p.closedAt),
    version: p.version,
    actions: actions
      .filter((a) => a.planId === p.id)
      .map((a) => ({
        id: a.id,
        description: a.description,
        dueOn: a.dueOn,
        doneAt: iso(a.doneAt),
        result: a.result,
      })),
  };
}

/** A visit as responses show it. */
export function presentVisit(v: repo.VisitRow, by: string | null) {
  return {
    id: v.id,
    subjectType: v.subjectType,
    subjectId: v.subjectId,
    dueOn: v.dueOn,
    doneAt: iso(v.doneAt),
    doneBy: by,
    method: v.method,
    note: v.note,
    findings: (v.findings as Record<string, unknown> | null) ?? null,
  };
}

/** The full key-person file: person, category details, helpers, care plans with actions, recent visits. */
export async function presentKeyPerson(ctx: Ctx, row: repo.KeyPersonRow) {
  const helpers = await repo.helpersOf(ctx.tx, row.id);
  const plans = await repo.plansOf(ctx.tx, row.id);
  const actions = await repo.actionsOf(
    ctx.tx,
    plans.map((p) => p.id),
  );
  const recent = await repo.visitsOf(ctx.tx, "key_person", [row.id]);
  const areasById = await areaRefs(ctx, [row.areaId]);
  const today = todayOf(ctx);
  return {
    id: row.id,
    person: await personBlock(ctx, row.personId),
    category: row.category,
    categoryLabel: labelOf("special-population-type", row.category),
    attentionLevel: row.attentionLevel,
    attentionLabel: labelOf("attention-level", row.attentionLevel),
    details: presentDetails(row.category, row.details),
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    termination: row.termination,
    visitIntervalDays: row.visitIntervalDays,
    nextVisitOn: row.nextVisitOn,
    visitOverdue: row.status === "active" && row.nextVisitOn !== null && row.nextVisitOn < today,
    employed: row.employed,
    area: (row.areaId && areasById.get(row.areaId)) || null,
    status: row.status,
    version: row.version,
    helpers: helpers.map(({ h, username }) => ({
      id: h.id,
      userId: h.userId,
      username,
      name: h.name,
      role: h.role,
      fromOn: h.fromOn,
      toOn: h.toOn,
    })),
    carePlans: plans.map((p) => presentPlan(p, actions)),
    visits: { total: recent.total, items: recent.items.map(({ v, by }) => presentVisit(v, by)) },
    can: await keyPersonCan(ctx, row),
  };
}

/**
 * Reads one key-person file. Every read is audited (`key_person.read`, with the reader's stated
 * reason when given), in the same transaction as the read.
 */
export async function readKeyPerson(ctx: Ctx, id: string, reason?: string) {
  const row = await visibleKeyPerson(ctx, id);
  await recordAudit(ctx, {
    action: "key_person.read",
    subjectType: "key_person",
    subjectId: id,
    after: { personId: row.personId, category: row.category },
    reason: reason?.trim() || null,
  });
  return presentKeyPerson(ctx, row);
}
