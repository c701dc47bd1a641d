import type { Ctx } from "../../core/context";
import { visibleBuilding } from "./buildings";
import { recordChange } from "./history";
import { checkHouseInput, houseRow, type HouseInput } from "./house-input";
import * as repo from "./houses.repo";
import { locateRecord, type LocatedIn } from "./locate-record";
import { requirePerson } from "./person-refs";
import { BUILDING } from "./places.errors";
import { presentHouse, HOUSE_TRACKED } from "./read-house";
import { fieldProblems, unknownReference } from "./registry.errors";
import { snapshot } from "./buildings";
import type { AppError } from "../../core/errors";

export type { HouseInput } from "./house-input";
export { checkHouseInput, houseRow } from "./house-input";

/** The building a house points at, visible to the actor; else 422 naming `buildingId`. */
export async function buildingFor(ctx: Ctx, buildingId: string) {
  try {
    return await visibleBuilding(ctx, buildingId);
  } catch (err) {
    if ((err as AppError).status === 404) throw unknownReference("buildingId", BUILDING);
    throw err;
  }
}

/**
 * Registers a house or room: checked whole (400 naming the first bad field, all in `details`), its
 * owner and landlord registry persons, located by point, chosen area or its building's area.
 */
export async function createHouse(ctx: Ctx, input: HouseInput) {
  const problems = checkHouseInput(input);
  if (problems.length) throw fieldProblems(problems);
  let fallback: LocatedIn | null = null;
  if (input.buildingId) {
    const b = await buildingFor(ctx, input.buildingId);
    if (b.areaId && b.areaPath) fallback = { areaId: b.areaId, areaPath: b.areaPath };
  }
  if (input.ownerPersonId) await requirePerson(ctx.tx, input.ownerPersonId, "ownerPersonId");
  if (input.landlordPersonId) await requirePerson(ctx.tx, input.landlordPersonId, "landlordPersonId");
  const area = await locateRecord(ctx, input, { fallback, field: "buildingId" });
  const row = await repo.insertHouse(ctx.tx, {
    ...houseRow(input),
    ...area,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  await recordChange(ctx, {
    subjectType: "house",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: snapshot(row, HOUSE_TRACKED),
  });
  return presentHouse(ctx, row);
}
