import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { relocate, snapshot } from "./buildings";
import { buildingFor } from "./create-house";
import { recordChange } from "./history";
import { checkHouseInput, type HouseInput } from "./house-input";
import * as repo from "./houses.repo";
import { movesLocation } from "./locate-record";
import { requirePerson } from "./person-refs";
import { HOUSE_TRACKED, presentHouse, visibleHouse } from "./read-house";
import { fieldProblems, staleVersion } from "./registry.errors";

export type HousePatch = Partial<HouseInput> & { version: number; reason?: string };

/**
 * Changes a house at a given version (409 when stale). Setting or clearing the group-rental flag is
 * its own kind of change in the history (group_rental_flagged / group_rental_cleared) with the reason.
 */
export async function updateHouse(ctx: Ctx, id: string, patch: HousePatch) {
  const row = await visibleHouse(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (row.version !== patch.version) throw staleVersion(row.version);
  const problems = checkHouseInput(patch, { partial: true });
  if (problems.length) throw fieldProblems(problems);
  if (patch.ownerPersonId) await requirePerson(ctx.tx, patch.ownerPersonId, "ownerPersonId");
  if (patch.landlordPersonId) await requirePerson(ctx.tx, patch.landlordPersonId, "landlordPersonId");
  let area = {};
  if (patch.buildingId) {
    const b = await buildingFor(ctx, patch.buildingId);
    // a house without a point of its own follows its new building
    if (!movesLocation(patch) && row.lat === null && b.areaId && b.areaPath)
      area = await relocate(ctx, { lat: null, lng: null, areaId: b.areaId, areaPath: b.areaPath }, {});
  }
  if (movesLocation(patch)) area = await relocate(ctx, row, patch);
  const values = {
    ...(patch.address !== undefined && { address: patch.address.trim() }),
    ...(patch.buildingId !== undefined && { buildingId: patch.buildingId }),
    ...(patch.unit !== undefined && { unit: patch.unit?.trim() || null }),
    ...(patch.room !== undefined && { room: patch.room?.trim() || null }),
    ...(patch.lat !== undefined && { lat: patch.lat }),
    ...(patch.lng !== undefined && { lng: patch.lng }),
    ...(patch.ownerPersonId !== undefined && { ownerPersonId: patch.ownerPersonId }),
    ...(patch.landlordPersonId !== undefined && { landlordPersonId: patch.landlordPersonId }),
    ...(patch.use !== undefined && { use: patch.use }),
    ...(patch.floorArea !== undefined && { floorArea: patch.floorArea }),
    ...(patch.isRented !== undefined && { isRented: patch.isRented }),
    ...(patch.isGroupRental !== undefined && { isGroupRental: patch.isGroupRental }),
    ...area,
  };
  const updated = await repo.updateHouse(ctx.tx, id, values, ctx.clock.now());
  const action =
    row.isGroupRental && !updated.isGroupRental
      ? "group_rental_cleared"
      : !row.isGroupRental && updated.isGroupRental
        ? "group_rental_flagged"
        : "updated";
  await recordChange(ctx, {
    subjectType: "house",
    subjectId: id,
    version: updated.version,
    action,
    before: snapshot(row, HOUSE_TRACKED),
    after: snapshot(updated, HOUSE_TRACKED),
    reason: patch.reason?.trim() || undefined,
  });
  return presentHouse(ctx, updated);
}
