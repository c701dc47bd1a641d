import { can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { isCode } from "./codes/tables";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import * as repo from "./households.repo";
import { isIsoDate } from "./person-input";
import * as personsRepo from "./persons.repo";
import { householdFor, householdView, type HouseholdView } from "./read-household";
import { badField, PERSON, RegistryError, unknownReference, wrongState } from "./registry.errors";

/** GB/T 4761 codes that make a member the head of the household (01 本人, 02 户主). */
export const HEAD_RELATIONS = ["01", "02"];

export interface AddMemberInput {
  personId: string;
  /** GB/T 4761 relation to the head ("02" head, "10" spouse, "20" son…). */
  relation: string;
  joinedOn?: string;
}

const MEMBER = { zh: "户成员", en: "household member" };

function checkDay(field: string, value: string | undefined, today: string): string {
  if (value === undefined) return today;
  if (!isIsoDate(value))
    throw badField(
      field,
      "DATE_INVALID",
      "日期应为有效日期（YYYY-MM-DD）",
      "The date must be a real date (YYYY-MM-DD)",
    );
  if (value > today)
    throw badField(field, "DATE_IN_FUTURE", "日期不能晚于今天", "The date cannot be in the future");
  return value;
}

/**
 * Adds a person to a household with their relation to the head (GB/T 4761). A household has one
 * head; a person belongs to one household at a time (409 naming the other one when in scope).
 */
export async function addMember(
  ctx: Ctx,
  householdId: string,
  input: AddMemberInput,
): Promise<HouseholdView> {
  const today = todayOf(ctx);
  const household = await householdFor(ctx, householdId, "registry.edit", true);
  if (household.status !== "active")
    throw wrongState(
      "status",
      "该户已注销，不能添加成员",
      "The household is closed; members cannot be added",
    );
  const relation = input.relation.trim();
  if (!isCode("household-relation", relation))
    throw badField(
      "relation",
      "CODE_UNKNOWN",
      `与户主关系代码“${relation}”不在 GB/T 4761 代码表中`,
      `“${relation}” is not a GB/T 4761 relation code`,
    );
  const joinedOn = checkDay("joinedOn", input.joinedOn, today);
  const person = await personsRepo.find(ctx.tx, input.personId, true);
  if (!person || !can(ctx.actor, "registry.read", { areaPath: person.areaPath ?? "" }))
    throw unknownReference("personId", PERSON);
  if (person.status !== "active")
    throw wrongState("personId", "已注销的人员不能加入户", "A deregistered person cannot join a household");
  const current = await repo.currentMembership(ctx.tx, person.id);
  if (current) {
    const here = current.householdId === household.id;
    throw new RegistryError(
      here ? "ALREADY_MEMBER" : "MEMBER_OF_OTHER_HOUSEHOLD",
      409,
      here
        ? { zh: "此人已是该户成员", en: "This person is already a member of the household" }
        : {
            zh: "此人已是另一户的成员，请先从原户移出",
            en: "This person belongs to another household; remove them from it first",
          },
      "personId",
      here ? undefined : { householdId: current.householdId },
    );
  }
  const isHead = HEAD_RELATIONS.includes(relation);
  if (isHead && household.headPersonId)
    throw new RegistryError(
      "HEAD_EXISTS",
      422,
      {
        zh: "该户已有户主；一户只能有一名户主",
        en: "The household already has a head; a household has one head",
      },
      "relation",
    );

  await repo.addMember(ctx.tx, { householdId: household.id, personId: person.id, relation, joinedOn });
  const at = ctx.clock.now();
  const next = await repo.update(ctx.tx, household.id, isHead ? { headPersonId: person.id } : {}, at);
  await recordChange(ctx, {
    subjectType: "household",
    subjectId: household.id,
    version: next.version,
    action: "member_added",
    before: null,
    after: { personId: person.id, relation, joinedOn, ...(isHead ? { headPersonId: person.id } : {}) },
  });
  const moved = await personsRepo.update(ctx.tx, person.id, { householdId: household.id }, at);
  await recordChange(ctx, {
    subjectType: "person",
    subjectId: person.id,
    version: moved.version,
    action: "household_joined",
    before: { householdId: null },
    after: { householdId: household.id, relation, joinedOn },
  });
  return householdView(ctx, (await repo.find(ctx.tx, household.id))!);
}

/**
 * Ends a membership on `on` (the row stays as history), clears the person's household and, when
 * they were the head, the household's head; both records keep a history row.
 */
export async function endMember(
  ctx: Ctx,
  household: repo.HouseholdRow,
  membership: repo.MemberRow,
  on: string,
  reason?: string,
): Promise<void> {
  const leftOn = membership.joinedOn && on < membership.joinedOn ? membership.joinedOn : on;
  await repo.endMembership(ctx.tx, membership.id, leftOn);
  const at = ctx.clock.now();
  const wasHead = household.headPersonId === membership.personId;
  const next = await repo.update(ctx.tx, household.id, wasHead ? { headPersonId: null } : {}, at);
  await recordChange(ctx, {
    subjectType: "household",
    subjectId: household.id,
    version: next.version,
    action: "member_removed",
    before: {
      personId: membership.personId,
      relation: membership.relation,
      ...(wasHead ? { headPersonId: membership.personId } : {}),
    },
    after: { personId: membership.personId, leftOn, ...(wasHead ? { headPersonId: null } : {}) },
    reason,
  });
  const person = await personsRepo.find(ctx.tx, membership.personId, true);
  if (person && person.householdId === household.id) {
    const moved = await personsRepo.update(ctx.tx, person.id, { householdId: null }, at);
    await recordChange(ctx, {
      subjectType: "person",
      subjectId: person.id,
      version: moved.version,
      action: "household_left",
      before: { householdId: household.id },
      after: { householdId: null, leftOn },
      reason,
    });
  }
}

/** Takes a person out of a household on `on` (default today); 404 when they are not a current member. */
export async function removeMember(
  ctx: Ctx,
  householdId: string,
  personId: string,
  on?: string,
): Promise<HouseholdView> {
  const today = todayOf(ctx);
  const household = await householdFor(ctx, householdId, "registry.edit", true);
  const leftOn = checkDay("on", on, today);
  const membership = await repo.currentMembership(ctx.tx, personId);
  if (!membership || membership.householdId !== household.id) throw notFound(MEMBER);
  await endMember(ctx, household, membership, leftOn);
  return householdView(ctx, (await repo.find(ctx.tx, household.id))!);
}
