import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { ratings } from "../../db/schema";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import * as repo from "./places.repo";
import { ratingHistory } from "./rate-building";
import { presentPlace, visiblePlace } from "./read-place";
import { badField } from "./registry.errors";

export type Colour = "red" | "yellow" | "green";

/**
 * Rates a place red, yellow or green with a reason (黄牌升绿牌: a yellow place that fixed its
 * problems goes green); the rating joins the place's history and the colour counts from today.
 */
export async function ratePlace(
  ctx: Ctx,
  id: string,
  input: { colour: Colour; reason: string; criteria?: Record<string, unknown> },
) {
  const row = await visiblePlace(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  const reason = input.reason.trim();
  if (reason.length < 2)
    throw badField("reason", "REASON_REQUIRED", "评定须写明理由", "A rating needs its reason");
  const today = todayOf(ctx);
  await ctx.tx.insert(ratings).values({
    subjectType: "place",
    subjectId: id,
    kind: "colour",
    value: input.colour,
    criteria: input.criteria ?? null,
    reason,
    ratedBy: ctx.actor.userId,
    ratedAt: ctx.clock.now(),
  });
  const changed = row.colour !== input.colour;
  const updated = await repo.updatePlace(
    ctx.tx,
    id,
    { colour: input.colour, colourSince: changed ? today : (row.colourSince ?? today) },
    ctx.clock.now(),
  );
  await recordChange(ctx, {
    subjectType: "place",
    subjectId: id,
    version: updated.version,
    action: "rated",
    before: { colour: row.colour, colourSince: row.colourSince },
    after: { colour: updated.colour, colourSince: updated.colourSince },
    reason,
  });
  return presentPlace(ctx, updated);
}

/** A place's colour-rating history, newest first. */
export async function placeRatings(ctx: Ctx, id: string) {
  await visiblePlace(ctx, id);
  return { items: await ratingHistory(ctx.tx, "place", id) };
}
