import type { Ctx } from "../../core/context";
import { assertUniqueCode, checkHouseholdText } from "./create-household";
import { areaForPerson } from "./create-person";
import { recordChange } from "./history";
import * as repo from "./households.repo";
import { changedFields } from "./present-person";
import { householdFor, householdView, type HouseholdView } from "./read-household";
import { staleVersion, wrongState } from "./registry.errors";

export interface HouseholdPatch {
  version: number;
  code?: string | null;
  houseId?: string | null;
  areaCode?: string;
  address?: string | null;
  note?: string | null;
}

/** Changes a household under optimistic locking (stale version → 409); a new house or area moves it (in scope). */
export async function updateHousehold(ctx: Ctx, id: string, patch: HouseholdPatch): Promise<HouseholdView> {
  const row = await householdFor(ctx, id, "registry.edit", true);
  if (row.status !== "active")
    throw wrongState("status", "该户已注销，不能修改", "The household is closed and cannot be changed");
  if (patch.version !== row.version) throw staleVersion(row.version);
  checkHouseholdText(patch);
  const values: Partial<repo.NewHousehold> = {};
  if (patch.code !== undefined) values.code = patch.code?.trim() || null;
  if (patch.address !== undefined) values.address = patch.address?.trim() || null;
  if (patch.note !== undefined) values.note = patch.note?.trim() || null;
  if (patch.houseId === null) values.houseId = null;
  if (patch.houseId || patch.areaCode) {
    const located = await areaForPerson(ctx, {
      houseId: patch.houseId,
      areaCode: patch.houseId ? null : patch.areaCode,
    });
    values.areaId = located.areaId;
    values.areaPath = located.areaPath;
    if (located.house) {
      values.houseId = located.house.id;
      if (patch.address === undefined)
        values.address = [located.house.address, located.house.unit, located.house.room]
          .filter(Boolean)
          .join(" ");
    }
  }
  if (values.code) await assertUniqueCode(ctx, values.code, row.id);
  const pick = (r: Partial<repo.HouseholdRow>) => ({
    code: r.code,
    houseId: r.houseId,
    address: r.address,
    note: r.note,
    areaId: r.areaId,
  });
  const diff = changedFields(pick(row), pick({ ...row, ...values }));
  if (!diff) return householdView(ctx, row);
  const next = await repo.update(ctx.tx, row.id, values, ctx.clock.now());
  await recordChange(ctx, {
    subjectType: "household",
    subjectId: row.id,
    version: next.version,
    action: "updated",
    before: diff.before,
    after: diff.after,
  });
  return householdView(ctx, (await repo.find(ctx.tx, row.id))!);
}
