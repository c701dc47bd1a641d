import type { Ctx } from "../../core/context";
import { ratings } from "../../db/schema";
import { snapshot } from "./buildings";
import { buildingFor } from "./create-house";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import { locateRecord, type LocatedIn } from "./locate-record";
import { requirePerson } from "./person-refs";
import { checkPlaceInput, normalCreditCode, placeRow, type PlaceInput } from "./place-input";
import { duplicateCreditCode } from "./places.errors";
import * as repo from "./places.repo";
import { PLACE_TRACKED, presentPlace } from "./read-place";
import { fieldProblems } from "./registry.errors";

/** Fills the safety manager's name and phone from their registry record when only the link was given. */
export async function withSafetyManager(ctx: Ctx, input: Partial<PlaceInput>) {
  if (!input.safetyManagerPersonId) return {};
  const p = await requirePerson(ctx.tx, input.safetyManagerPersonId, "safetyManagerPersonId");
  return {
    ...(!input.safetyManagerName && { safetyManagerName: p.name }),
    ...(!input.safetyManagerPhone &&
      p.phoneEnc && { safetyManagerPhoneEnc: p.phoneEnc, safetyManagerPhoneMasked: p.phoneMasked }),
  };
}

/**
 * Registers a place or enterprise: checked whole (400 naming the first bad field; a bad credit code
 * names `creditCode`), a credit code held by another active place → 409, phones sealed, located.
 * A colour given at registration opens its rating history.
 */
export async function createPlace(ctx: Ctx, input: PlaceInput) {
  const problems = checkPlaceInput(input);
  if (problems.length) throw fieldProblems(problems);
  const code = normalCreditCode(input.creditCode);
  if (code) {
    const other = await repo.activeByCreditCode(ctx.tx, code);
    if (other) throw duplicateCreditCode(other.id);
  }
  let fallback: LocatedIn | null = null;
  if (input.buildingId) {
    const b = await buildingFor(ctx, input.buildingId);
    if (b.areaId && b.areaPath) fallback = { areaId: b.areaId, areaPath: b.areaPath };
  }
  const manager = await withSafetyManager(ctx, input);
  const area = await locateRecord(ctx, input, { fallback, field: "buildingId" });
  const today = todayOf(ctx);
  const row = await repo.insertPlace(ctx.tx, {
    ...placeRow(ctx.keyring, input),
    ...manager,
    colourSince: input.colour ? today : null,
    ...area,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  if (input.colour)
    await ctx.tx.insert(ratings).values({
      subjectType: "place",
      subjectId: row.id,
      kind: "colour",
      value: input.colour,
      reason: "登记时评定",
      ratedBy: ctx.actor.userId,
      ratedAt: ctx.clock.now(),
    });
  await recordChange(ctx, {
    subjectType: "place",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: snapshot(row, PLACE_TRACKED),
  });
  return presentPlace(ctx, row);
}
