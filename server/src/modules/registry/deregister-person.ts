import type { Ctx } from "../../core/context";
import { addDays, todayOf } from "./dates";
import { recordChange } from "./history";
import { endMember } from "./household-members";
import * as householdsRepo from "./households.repo";
import { isIsoDate } from "./person-input";
import * as repo from "./persons.repo";
import { presentPerson, type PersonView } from "./present-person";
import { readRetention } from "./purge-persons";
import { personFor } from "./read-person";
import { badField, wrongState } from "./registry.errors";

export type DeregistrationReason = "moved_away" | "died" | "other";
export const DEREGISTRATION_REASONS: readonly DeregistrationReason[] = ["moved_away", "died", "other"];

export interface DeregisterInput {
  reason: DeregistrationReason;
  /** The day the person moved away or died (YYYY-MM-DD, not in the future). */
  on: string;
  note?: string;
}

/**
 * Deregisters a person (moved away, died, other): status `deregistered`, their household membership
 * ended on that day, and a purge date from the retention setting counted from today (the day the
 * record was closed), after which the `registry.purge` job empties their personal data.
 */
export async function deregisterPerson(ctx: Ctx, id: string, input: DeregisterInput): Promise<PersonView> {
  const today = todayOf(ctx);
  const row = await personFor(ctx, id, "registry.edit", true);
  if (row.status !== "active")
    throw wrongState("status", "该人员已注销", "This person is already deregistered");
  if (!DEREGISTRATION_REASONS.includes(input.reason))
    throw badField(
      "reason",
      "CODE_UNKNOWN",
      "注销原因应为迁出、死亡或其他",
      "The reason must be moved_away, died or other",
    );
  if (!isIsoDate(input.on))
    throw badField(
      "on",
      "DATE_INVALID",
      "注销日期应为有效日期（YYYY-MM-DD）",
      "The date must be a real date (YYYY-MM-DD)",
    );
  if (input.on > today)
    throw badField("on", "DATE_IN_FUTURE", "注销日期不能晚于今天", "The date cannot be in the future");
  if (row.birthDate && input.on < row.birthDate)
    throw badField(
      "on",
      "DATE_BEFORE_BIRTH",
      "注销日期不能早于出生日期",
      "The date cannot be before the date of birth",
    );
  const note = input.note?.trim() || undefined;
  if (note && note.length > 500)
    throw badField("note", "TEXT_TOO_LONG", "说明不能超过 500 个字", "The note has more than 500 characters");

  const membership = await householdsRepo.currentMembership(ctx.tx, row.id);
  if (membership) {
    const household = await householdsRepo.find(ctx.tx, membership.householdId, true);
    if (household) await endMember(ctx, household, membership, input.on, `deregistered: ${input.reason}`);
  }
  const { deregisteredDays } = await readRetention(ctx.tx);
  const purgeAfter = addDays(today, deregisteredDays);
  const values = {
    status: "deregistered",
    deregisteredReason: input.reason,
    deregisteredOn: input.on,
    purgeAfter,
    householdId: null,
  };
  const next = await repo.update(ctx.tx, row.id, values, ctx.clock.now());
  await recordChange(ctx, {
    subjectType: "person",
    subjectId: row.id,
    version: next.version,
    action: "deregistered",
    before: { status: row.status },
    after: { status: "deregistered", deregisteredReason: input.reason, deregisteredOn: input.on, purgeAfter },
    reason: note,
  });
  const [withArea] = await repo.findMany(ctx.tx, [row.id]);
  return presentPerson(withArea!, ctx.actor, today);
}
