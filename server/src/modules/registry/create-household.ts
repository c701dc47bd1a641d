import { can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { areaForPerson } from "./create-person";
import { recordChange } from "./history";
import { addMember, type AddMemberInput } from "./household-members";
import * as repo from "./households.repo";
import { householdView, type HouseholdView } from "./read-household";
import { badField, RegistryError } from "./registry.errors";

export interface HouseholdInput {
  /** The household register number (户号), unique when given. */
  code?: string;
  houseId?: string;
  areaCode?: string;
  address?: string;
  note?: string;
  /** Members to add at once, in order (the head first is customary). */
  members?: AddMemberInput[];
}

/** 409 when another household already uses the register number. */
export async function assertUniqueCode(ctx: Ctx, code: string | null | undefined, exceptId?: string) {
  if (!code) return;
  const other = await repo.findByCode(ctx.tx, code, exceptId);
  if (!other) return;
  const visible = can(ctx.actor, "registry.read", { areaPath: other.areaPath ?? "" });
  throw new RegistryError(
    "DUPLICATE_HOUSEHOLD_CODE",
    409,
    { zh: `户号 ${code} 已被使用`, en: `The household number ${code} is already in use` },
    "code",
    visible ? { existingId: other.id } : undefined,
  );
}

/** Checks the free-text fields of a household. */
export function checkHouseholdText(input: {
  code?: string | null;
  address?: string | null;
  note?: string | null;
}) {
  if (input.code != null && !/^[0-9A-Za-z-]{1,40}$/.test(input.code.trim()))
    throw badField(
      "code",
      "CODE_INVALID",
      "户号应为 1–40 位字母、数字或连字符",
      "The household number must be 1–40 letters, digits or hyphens",
    );
  if (input.address != null && input.address.length > 200)
    throw badField(
      "address",
      "TEXT_TOO_LONG",
      "地址不能超过 200 个字",
      "The address has more than 200 characters",
    );
  if (input.note != null && input.note.length > 1000)
    throw badField(
      "note",
      "TEXT_TOO_LONG",
      "备注不能超过 1000 个字",
      "The note has more than 1,000 characters",
    );
}

/**
 * Opens a household file (一户一档): placed in its house's area (or the chosen area, or the actor's
 * own), optionally with its members; everything in one transaction, history kept.
 */
export async function createHousehold(ctx: Ctx, input: HouseholdInput): Promise<HouseholdView> {
  checkHouseholdText(input);
  const code = input.code?.trim() || null;
  const located = await areaForPerson(ctx, input);
  await assertUniqueCode(ctx, code);
  const house = located.house;
  const at = ctx.clock.now();
  const row = await repo.insert(ctx.tx, {
    code,
    houseId: house?.id ?? null,
    address:
      input.address?.trim() ||
      (house ? [house.address, house.unit, house.room].filter(Boolean).join(" ") : null),
    note: input.note?.trim() || null,
    areaId: located.areaId,
    areaPath: located.areaPath,
    createdBy: ctx.actor.userId,
    createdAt: at,
    updatedAt: at,
  });
  await recordChange(ctx, {
    subjectType: "household",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: { code: row.code, houseId: row.houseId, address: row.address, note: row.note, areaId: row.areaId },
  });
  let view: HouseholdView | undefined;
  for (const [i, m] of (input.members ?? []).entries()) {
    try {
      view = await addMember(ctx, row.id, m);
    } catch (e) {
      // name the member in the field, so the form can point at the row
      if (e instanceof RegistryError && e.field)
        throw new RegistryError(e.code, e.status, e.messages, `members.${i}.${e.field}`, e.details);
      throw e;
    }
  }
  return view ?? householdView(ctx, (await repo.find(ctx.tx, row.id))!);
}
