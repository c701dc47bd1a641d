import { can, inScope } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import { locateRecord, type LocatedIn } from "./locate-record";
import { checkPersonInput, personRow, type PersonInput } from "./person-input";
import * as repo from "./persons.repo";
import { historyView, presentPerson, type PersonView } from "./present-person";
import { duplicateId, fieldProblems, HOUSE, RegistryError, unknownReference } from "./registry.errors";

/** 422 when nothing says where a person belongs and the actor has no area of their own. */
const areaRequired = () =>
  new RegistryError(
    "AREA_REQUIRED",
    422,
    {
      zh: "请选择所住房屋（houseId）或所属区域（areaCode）",
      en: "Choose the person's house (houseId) or area (areaCode)",
    },
    "areaCode",
  );

/**
 * Where a person belongs: their house's area when a house is given, else the chosen area, else the
 * acting user's primary area; the area must be in the actor's scope for editing (else 422).
 */
export async function areaForPerson(
  ctx: Ctx,
  where: { houseId?: string | null; areaCode?: string | null },
): Promise<LocatedIn & { house?: repo.HouseSummary }> {
  if (where.houseId) {
    const house = await repo.findHouse(ctx.tx, where.houseId);
    if (
      !house ||
      !house.areaId ||
      !house.areaPath ||
      house.status === "purged" ||
      !inScope(ctx.actor, house.areaPath)
    )
      throw unknownReference("houseId", HOUSE);
    const located = await locateRecord(
      ctx,
      {},
      { fallback: { areaId: house.areaId, areaPath: house.areaPath }, field: "houseId" },
    );
    return { ...located, house };
  }
  if (where.areaCode) return locateRecord(ctx, { areaCode: where.areaCode });
  const primary = ctx.actor.scopes[0];
  if (!primary) throw areaRequired();
  return locateRecord(ctx, {}, { fallback: { areaId: primary.id, areaPath: primary.path } });
}

/** 409 when a live person already holds the ID (the existing id is named only when in the actor's scope). */
export async function assertUniqueId(ctx: Ctx, idIndex: string | null | undefined, exceptId?: string) {
  if (!idIndex) return;
  const existing = await repo.findByIdIndex(ctx.tx, idIndex, exceptId);
  if (!existing) return;
  const visible = can(ctx.actor, "registry.read", { areaPath: existing.areaPath ?? "" });
  throw duplicateId(visible ? existing.id : undefined);
}

/** Registers a person: validated, ID and phone sealed, placed in an area in scope, history kept. */
export async function createPerson(ctx: Ctx, input: PersonInput): Promise<PersonView> {
  const today = todayOf(ctx);
  const problems = checkPersonInput(input, today);
  if (problems.length) throw fieldProblems(problems);
  const located = await areaForPerson(ctx, input);
  const values = personRow(ctx.keyring, input, today);
  await assertUniqueId(ctx, values.idIndex);
  if (!values.currentAddress && located.house)
    values.currentAddress = [located.house.address, located.house.unit, located.house.room]
      .filter(Boolean)
      .join(" ");
  const row = await repo.insert(ctx.tx, {
    ...values,
    areaId: located.areaId,
    areaPath: located.areaPath,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  await recordChange(ctx, {
    subjectType: "person",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: historyView(row),
  });
  const [withArea] = await repo.findMany(ctx.tx, [row.id]);
  return presentPerson(withArea!, ctx.actor, today);
}
