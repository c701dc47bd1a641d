import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { relocate, snapshot } from "./buildings";
import { buildingFor } from "./create-house";
import { withSafetyManager } from "./create-place";
import { recordChange } from "./history";
import { movesLocation } from "./locate-record";
import { checkPlaceInput, normalCreditCode, sealedPhone, type PlaceInput } from "./place-input";
import { duplicateCreditCode } from "./places.errors";
import * as repo from "./places.repo";
import { PLACE_TRACKED, presentPlace, visiblePlace } from "./read-place";
import { fieldProblems, staleVersion } from "./registry.errors";

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** What a PATCH of a place may change; the colour changes only by a rating (POST …/rating). */
export type PlacePatch = Nullable<Omit<PlaceInput, "colour" | "name" | "kind">> & {
  name?: string;
  kind?: string;
  version: number;
};

const opt = <T>(v: T | null | undefined) => (v === null ? undefined : v);

/** Changes a place at a given version (409 when stale); null clears a field. */
export async function updatePlace(ctx: Ctx, id: string, patch: PlacePatch) {
  const row = await visiblePlace(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (row.version !== patch.version) throw staleVersion(row.version);
  const problems = checkPlaceInput(
    {
      name: patch.name,
      kind: patch.kind,
      creditCode: opt(patch.creditCode),
      address: opt(patch.address),
      lat: opt(patch.lat),
      lng: opt(patch.lng),
      responsibleName: opt(patch.responsibleName),
      responsiblePhone: opt(patch.responsiblePhone),
      safetyManagerName: opt(patch.safetyManagerName),
      safetyManagerPhone: opt(patch.safetyManagerPhone),
      employees: opt(patch.employees),
    },
    { partial: true },
  );
  if (problems.length) throw fieldProblems(problems);
  const code = patch.creditCode === undefined ? undefined : normalCreditCode(patch.creditCode);
  if (code) {
    const other = await repo.activeByCreditCode(ctx.tx, code, id);
    if (other) throw duplicateCreditCode(other.id);
  }
  if (patch.buildingId) await buildingFor(ctx, patch.buildingId);
  const manager = await withSafetyManager(ctx, {
    safetyManagerPersonId: opt(patch.safetyManagerPersonId),
    safetyManagerName: opt(patch.safetyManagerName),
    safetyManagerPhone: opt(patch.safetyManagerPhone),
  });
  const area = movesLocation(patch) ? await relocate(ctx, row, patch) : {};
  const phone = (raw: string | null | undefined, field: string, prefix: "responsible" | "safetyManager") => {
    if (raw === undefined) return {};
    const s = sealedPhone(ctx.keyring, raw, field);
    return { [`${prefix}PhoneEnc`]: s.enc, [`${prefix}PhoneMasked`]: s.masked };
  };
  const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const values = Object.fromEntries(
    Object.entries({
      name: patch.name?.trim(),
      kind: patch.kind,
      creditCode: code,
      address: text(patch.address),
      lat: patch.lat,
      lng: patch.lng,
      buildingId: patch.buildingId,
      responsibleName: text(patch.responsibleName),
      safetyManagerPersonId: patch.safetyManagerPersonId,
      safetyManagerName: text(patch.safetyManagerName),
      employees: patch.employees,
    }).filter(([, v]) => v !== undefined),
  );
  const updated = await repo.updatePlace(
    ctx.tx,
    id,
    {
      ...values,
      ...phone(patch.responsiblePhone, "responsiblePhone", "responsible"),
      ...phone(patch.safetyManagerPhone, "safetyManagerPhone", "safetyManager"),
      ...manager,
      ...area,
    },
    ctx.clock.now(),
  );
  await recordChange(ctx, {
    subjectType: "place",
    subjectId: id,
    version: updated.version,
    action: "updated",
    before: snapshot(row, PLACE_TRACKED),
    after: snapshot(updated, PLACE_TRACKED),
  });
  return presentPlace(ctx, updated);
}
