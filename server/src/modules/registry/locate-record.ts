import { inArray } from "drizzle-orm";
import { authorize, can, inScope, type Action } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { localDate } from "../../core/time";
import { areas } from "../../db/schema";
import * as areasRepo from "../areas/areas.repo";
import { locatorFor } from "../areas/locator";
import { outsideAreas } from "./places.errors";
import { areaOutOfScope, badField } from "./registry.errors";

/** Where a record says it is: a point, a chosen area, or (for houses, places, things) a parent record. */
export interface LocationInput {
  lat?: number | null;
  lng?: number | null;
  areaCode?: string | null;
}

/** The area a record belongs to: its id and materialised path (for scope). */
export interface LocatedIn {
  areaId: string;
  areaPath: string;
}

/** 400 unless latitude and longitude come together. */
export function checkPointPair(input: LocationInput): void {
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLng = input.lng !== undefined && input.lng !== null;
  if (hasLat && !hasLng)
    throw badField("lng", "POINT_INCOMPLETE", "给出纬度时须同时给出经度", "A latitude needs its longitude");
  if (hasLng && !hasLat)
    throw badField("lat", "POINT_INCOMPLETE", "给出经度时须同时给出纬度", "A longitude needs its latitude");
}

/**
 * The area of a record: the chosen area (areaCode) wins, else the smallest area holding the point,
 * else the fallback (the parent record's area). Nothing to go by, or a point outside every area →
 * 422 OUTSIDE_AREAS naming the field; an area outside the actor's scope for `action` → 422.
 */
export async function locateRecord(
  ctx: Ctx,
  input: LocationInput,
  o: { action?: Action; fallback?: LocatedIn | null; field?: string } = {},
): Promise<LocatedIn> {
  checkPointPair(input);
  const action = o.action ?? "registry.edit";
  let found: LocatedIn | undefined;
  let field = "areaCode";
  if (input.areaCode) {
    const area = await areasRepo.findByCode(ctx.tx, input.areaCode);
    const today = localDate(ctx.clock.now(), ctx.services.config.timeZone);
    if (!area || (area.validTo && area.validTo <= today)) throw areaOutOfScope("areaCode");
    found = { areaId: area.id, areaPath: area.path };
  } else if (input.lat != null && input.lng != null) {
    field = "lat";
    const hit = await locatorFor(ctx.services).locate(input.lng, input.lat, ctx.tx);
    if (!hit) throw outsideAreas("lat");
    const area = await areasRepo.findByCode(ctx.tx, hit.code);
    if (!area) throw outsideAreas("lat");
    found = { areaId: area.id, areaPath: area.path };
  } else if (o.fallback) {
    field = o.field ?? "areaCode";
    found = o.fallback;
  }
  if (!found) throw outsideAreas("address");
  const subject = { areaPath: found.areaPath };
  if (!can(ctx.actor, action, subject)) {
    if (!inScope(ctx.actor, found.areaPath)) throw areaOutOfScope(field);
    authorize(ctx.actor, action, subject);
  }
  return found;
}

/** Whether an update touches the location (so the record must be located again). */
export function movesLocation(patch: LocationInput): boolean {
  return patch.lat !== undefined || patch.lng !== undefined || patch.areaCode !== undefined;
}

/** Code and name of the areas with these ids, for responses. */
export async function areaRefs(
  ctx: Ctx,
  ids: (string | null | undefined)[],
): Promise<Map<string, { code: string; name: string }>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: areas.id, code: areas.code, name: areas.name })
    .from(areas)
    .where(inArray(areas.id, wanted));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** The path of an area given by code, for list filters; unknown → 422 naming the field. */
export async function areaPathOf(ctx: Ctx, code: string | undefined, field = "areaCode") {
  if (!code) return undefined;
  const area = await areasRepo.findByCode(ctx.tx, code);
  if (!area) throw areaOutOfScope(field);
  return area.path;
}
