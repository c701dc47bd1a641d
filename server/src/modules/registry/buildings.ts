import { authorize, can, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { buildings } from "../../db/schema";
import { Problems } from "./field-checks";
import { recordChange } from "./history";
import * as repo from "./houses.repo";
import { areaPathOf, areaRefs, locateRecord, movesLocation, type LocationInput } from "./locate-record";
import { BUILDING } from "./places.errors";
import { fieldProblems, staleVersion } from "./registry.errors";
import { iso } from "./dates";

/** Floors from which a building counts as a high-rise unless told otherwise (GB 50016: above 27 m). */
export const HIGH_RISE_FLOORS = 10;

/** A building as the API gives it. */
export interface BuildingInput extends LocationInput {
  name: string;
  address?: string | null;
  floors?: number | null;
  isHighRise?: boolean;
}

const TRACKED = ["name", "address", "lat", "lng", "floors", "isHighRise", "areaPath"] as const;

/** The fields of a record that its history shows. */
export function snapshot<T extends Record<string, unknown>>(row: T, keys: readonly (keyof T)[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null])) as Record<string, unknown>;
}

function check(input: Partial<BuildingInput>, partial: boolean) {
  const p = new Problems();
  if (!partial || input.name !== undefined) p.text("name", input.name, { required: true, max: 100 });
  p.text("address", input.address, { max: 200 });
  p.number("floors", input.floors, { min: 1, max: 200, integer: true });
  p.point(input.lat, input.lng);
  if (p.list.length) throw fieldProblems(p.list);
}

/** Registers a building in the smallest area holding it (or the chosen area); registry.edit there. */
export async function createBuilding(ctx: Ctx, input: BuildingInput) {
  check(input, false);
  const area = await locateRecord(ctx, input);
  const row = await repo.insertBuilding(ctx.tx, {
    name: input.name.trim(),
    address: input.address?.trim() || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    floors: input.floors ?? null,
    isHighRise: input.isHighRise ?? (input.floors ?? 0) >= HIGH_RISE_FLOORS,
    ...area,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  await recordChange(ctx, {
    subjectType: "building",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: snapshot(row, TRACKED),
  });
  return presentBuilding(ctx, row);
}

/** A building the actor may read; 404 otherwise (also out of scope). */
export async function visibleBuilding(ctx: Ctx, id: string, lock = false): Promise<repo.BuildingRow> {
  const row = await repo.findBuilding(ctx.tx, id, lock);
  if (!row || !can(ctx.actor, "registry.read", { areaPath: row.areaPath ?? "" })) throw notFound(BUILDING);
  return row;
}

/** One building with its house count. */
export async function readBuilding(ctx: Ctx, id: string) {
  return presentBuilding(ctx, await visibleBuilding(ctx, id));
}

/** Changes a building at a given version (409 when stale); a new point or area locates it again. */
export async function updateBuilding(
  ctx: Ctx,
  id: string,
  patch: Partial<BuildingInput> & { version: number },
) {
  const row = await visibleBuilding(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (row.version !== patch.version) throw staleVersion(row.version);
  check(patch, true);
  const area = movesLocation(patch) ? await relocate(ctx, row, patch) : {};
  const values = {
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.address !== undefined && { address: patch.address?.trim() || null }),
    ...(patch.lat !== undefined && { lat: patch.lat }),
    ...(patch.lng !== undefined && { lng: patch.lng }),
    ...(patch.floors !== undefined && { floors: patch.floors }),
    ...(patch.isHighRise !== undefined && { isHighRise: patch.isHighRise }),
    ...area,
  };
  const updated = await repo.updateBuilding(ctx.tx, id, values, ctx.clock.now());
  await recordChange(ctx, {
    subjectType: "building",
    subjectId: id,
    version: updated.version,
    action: "updated",
    before: snapshot(row, TRACKED),
    after: snapshot(updated, TRACKED),
  });
  return presentBuilding(ctx, updated);
}

/** Buildings in the actor's scope, by name. */
export async function listBuildings(
  ctx: Ctx,
  q: { areaCode?: string; isHighRise?: boolean; stars?: number; q?: string; limit: number; offset: number },
) {
  authorize(ctx.actor, "registry.read"); // residents and volunteers see no buildings, even in their grid
  const areaPath = await areaPathOf(ctx, q.areaCode);
  const { items, total } = await repo.listBuildings(ctx.tx, {
    ...q,
    areaPath,
    scope: scopeCondition(ctx.actor, buildings.areaPath),
  });
  return { items: await presentBuildings(ctx, items), total };
}

/**
 * The area of a record after a change of point or area: the chosen area, else the new point, else
 * (point cleared, no area chosen) the area it had.
 */
export async function relocate(
  ctx: Ctx,
  row: { lat: number | null; lng: number | null; areaId: string | null; areaPath: string | null },
  patch: LocationInput,
) {
  const lat = patch.lat !== undefined ? patch.lat : row.lat;
  const lng = patch.lng !== undefined ? patch.lng : row.lng;
  const fallback = row.areaId && row.areaPath ? { areaId: row.areaId, areaPath: row.areaPath } : null;
  return locateRecord(ctx, { lat, lng, areaCode: patch.areaCode }, { fallback });
}

/** Drops keys whose value is undefined (a PATCH leaves them as they are). */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type BuildingView = Awaited<ReturnType<typeof presentBuildings>>[number];

/** Buildings as responses show them, with their area, house count and what the actor may do. */
export async function presentBuildings(ctx: Ctx, rows: repo.BuildingRow[]) {
  const counts = await repo.houseCounts(
    ctx.tx,
    rows.map((r) => r.id),
  );
  const areasById = await areaRefs(
    ctx,
    rows.map((r) => r.areaId),
  );
  return rows.map((r) => {
    const subject = { areaPath: r.areaPath ?? "" };
    return {
      id: r.id,
      name: r.name,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      floors: r.floors,
      isHighRise: r.isHighRise,
      starRating: r.starRating,
      ratedOn: r.ratedOn,
      area: (r.areaId && areasById.get(r.areaId)) || null,
      status: r.status,
      version: r.version,
      houses: counts.get(r.id) ?? 0,
      updatedAt: iso(r.updatedAt),
      can: { edit: can(ctx.actor, "registry.edit", subject), rate: can(ctx.actor, "registry.edit", subject) },
    };
  });
}

export async function presentBuilding(ctx: Ctx, row: repo.BuildingRow) {
  return (await presentBuildings(ctx, [row]))[0]!;
}
