import { authorize, can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { forbidden, notFound } from "../../core/errors";
import { recordChange } from "./history";
import { visibleKeyPerson } from "./key-person-grants";
import * as repo from "./key-persons.repo";
import { endBeforeStart } from "./places.errors";
import { presentPlan } from "./read-key-person";
import { badField, wrongState } from "./registry.errors";
import { editableKeyPerson } from "./update-key-person";

/** The kinds of care plan (帮扶), as data: support first, not only control. */
export const CARE_PLAN_KINDS = ["employment", "treatment", "family_support", "education", "other"] as const;
export type CarePlanKind = (typeof CARE_PLAN_KINDS)[number];
/** How a plan ended; the seeds' outcome measure counts `achieved` ÷ closed. */
export const CARE_PLAN_OUTCOMES = ["achieved", "partly", "not_achieved"] as const;
export type CarePlanOutcome = (typeof CARE_PLAN_OUTCOMES)[number];

const PLAN = { zh: "帮扶计划", en: "care plan" };

async function planView(ctx: Ctx, plan: repo.PlanRow) {
  return presentPlan(plan, await repo.actionsOf(ctx.tx, [plan.id]));
}

/** Opens a care plan for an active key person (key_person.edit), with its first actions when given. */
export async function createCarePlan(
  ctx: Ctx,
  keyPersonId: string,
  input: {
    kind: CarePlanKind;
    goal: string;
    startOn: string;
    dueOn?: string;
    actions?: { description: string; dueOn?: string }[];
  },
) {
  const kp = await editableKeyPerson(ctx, keyPersonId);
  if (input.dueOn && input.dueOn < input.startOn) throw endBeforeStart("dueOn");
  const goal = input.goal.trim();
  if (!goal) throw badField("goal", "REQUIRED", "请填写帮扶目标", "The plan needs a goal");
  const plan = await repo.insertPlan(ctx.tx, {
    keyPersonId,
    kind: input.kind,
    goal,
    startOn: input.startOn,
    dueOn: input.dueOn ?? null,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
  });
  for (const a of input.actions ?? [])
    await repo.insertAction(ctx.tx, {
      planId: plan.id,
      description: a.description.trim(),
      dueOn: a.dueOn ?? null,
      byUserId: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
  await recordChange(ctx, {
    subjectType: "care_plan",
    subjectId: plan.id,
    version: plan.version,
    action: "created",
    before: null,
    after: { keyPersonId: kp.id, kind: plan.kind, goal, startOn: plan.startOn, dueOn: plan.dueOn },
  });
  return planView(ctx, plan);
}

/**
 * An open plan whose key person the actor may work on: those who may edit the record, or a current
 * helper (帮扶人) who may read it. Not readable → 404.
 */
async function workablePlan(ctx: Ctx, planId: string) {
  const plan = await repo.findPlan(ctx.tx, planId, true);
  if (!plan) throw notFound(PLAN);
  const kp = await visibleKeyPerson(ctx, plan.keyPersonId).catch(() => {
    throw notFound(PLAN);
  });
  const editor = can(ctx.actor, "key_person.edit", { areaPath: kp.areaPath ?? "" });
  const helper = ctx.actor.userId ? await repo.isCurrentHelper(ctx.tx, kp.id, ctx.actor.userId) : false;
  if (!editor && !helper) throw forbidden();
  if (plan.status !== "active") throw wrongState("status", "该帮扶计划已结束", "This care plan is closed");
  return { plan, kp };
}

/** Adds an action to an open plan (done already when doneAt is given). */
export async function addPlanAction(
  ctx: Ctx,
  planId: string,
  input: { description: string; dueOn?: string; doneAt?: string; result?: string },
) {
  const { plan } = await workablePlan(ctx, planId);
  const description = input.description.trim();
  if (!description) throw badField("description", "REQUIRED", "请填写措施内容", "Describe the action");
  const action = await repo.insertAction(ctx.tx, {
    planId,
    description,
    dueOn: input.dueOn ?? null,
    doneAt: input.doneAt ? new Date(input.doneAt) : null,
    result: input.result?.trim() || null,
    byUserId: ctx.actor.userId,
    createdAt: ctx.clock.now(),
  });
  await recordChange(ctx, {
    subjectType: "care_plan",
    subjectId: planId,
    version: plan.version,
    action: "action_added",
    before: null,
    after: { actionId: action.id, description, dueOn: action.dueOn, done: action.doneAt !== null },
  });
  return planView(ctx, plan);
}

/** Marks an action of an open plan done, with its result. */
export async function completePlanAction(
  ctx: Ctx,
  planId: string,
  actionId: string,
  input: { doneAt: string; result?: string },
) {
  const { plan } = await workablePlan(ctx, planId);
  const action = await repo.findAction(ctx.tx, planId, actionId);
  if (!action) throw notFound({ zh: "帮扶措施", en: "care plan action" });
  if (action.doneAt) throw wrongState("actionId", "该措施已完成", "This action is already done");
  await repo.updateAction(ctx.tx, actionId, {
    doneAt: new Date(input.doneAt),
    result: input.result?.trim() || null,
  });
  await recordChange(ctx, {
    subjectType: "care_plan",
    subjectId: planId,
    version: plan.version,
    action: "action_done",
    before: { actionId, done: false },
    after: { actionId, done: true, doneAt: input.doneAt },
  });
  return planView(ctx, plan);
}

/** Closes a plan with its outcome (achieved, partly, not_achieved) and a note; key_person.edit. */
export async function closeCarePlan(
  ctx: Ctx,
  planId: string,
  input: { outcome: CarePlanOutcome; note?: string },
) {
  const { plan, kp } = await workablePlan(ctx, planId);
  authorize(ctx.actor, "key_person.edit", { areaPath: kp.areaPath ?? "" });
  const closed = await repo.updatePlan(ctx.tx, planId, {
    status: "closed",
    outcome: input.outcome,
    outcomeNote: input.note?.trim() || null,
    closedAt: ctx.clock.now(),
  });
  await recordChange(ctx, {
    subjectType: "care_plan",
    subjectId: planId,
    version: closed.version,
    action: "closed",
    before: { status: plan.status, outcome: null },
    after: { status: "closed", outcome: input.outcome, note: closed.outcomeNote },
  });
  return planView(ctx, closed);
}
