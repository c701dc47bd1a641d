import { and, eq } from "drizzle-orm";
import { authorize, can, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import type { AppError } from "../../core/errors";
import { notFound } from "../../core/errors";
import type { Executor } from "../../db/database";
import { places, things } from "../../db/schema";
import { relocate, snapshot, visibleBuilding } from "./buildings";
import { addDays, iso } from "./dates";
import { labelOf, Problems } from "./field-checks";
import { listChanges, recordChange } from "./history";
import { buildingNames } from "./houses.repo";
import {
  areaPathOf,
  areaRefs,
  locateRecord,
  movesLocation,
  type LocatedIn,
  type LocationInput,
} from "./locate-record";
import { BUILDING, duplicateDevice, endBeforeStart } from "./places.errors";
import * as repo from "./places.repo";
import { visibleHouse } from "./read-house";
import { visiblePlace } from "./read-place";
import { fieldProblems, HOUSE, PLACE, staleVersion, THING, unknownReference } from "./registry.errors";

/** Days between routine inspections of each kind of thing, when the inspector gives no next date. */
export const INSPECTION_INTERVAL_DAYS: Readonly<Record<string, number>> = {
  extinguisher: 30,
  gas_cylinder: 30,
  micro_fire_station: 30,
  smoke_sensor: 90,
  fire_hydrant: 90,
  camera: 90,
};

/** A thing (物) as the API gives it: located by point, chosen area, or the place/house/building it is in. */
export interface ThingInput extends LocationInput {
  kind: string;
  label?: string | null;
  serial?: string | null;
  address?: string | null;
  placeId?: string | null;
  houseId?: string | null;
  buildingId?: string | null;
  installedOn?: string | null;
  lastInspectedOn?: string | null;
  nextInspectionOn?: string | null;
  /** IoT devices (smoke sensors…): the id their alarms carry; unique */
  deviceId?: string | null;
  attrs?: Record<string, unknown> | null;
}

const TRACKED = [
  "kind",
  "label",
  "serial",
  "lat",
  "lng",
  "address",
  "placeId",
  "houseId",
  "buildingId",
  "installedOn",
  "lastInspectedOn",
  "nextInspectionOn",
  "deviceId",
  "attrs",
  "areaPath",
] as const;

function check(input: Partial<ThingInput>, partial: boolean) {
  const p = new Problems();
  if (!partial || input.kind !== undefined) {
    p.text("kind", input.kind, { required: true, max: 40 });
    if (input.kind) p.code("kind", "thing-type", input.kind);
  }
  p.text("label", input.label, { max: 100 });
  p.text("serial", input.serial, { max: 100 });
  p.text("address", input.address, { max: 200 });
  p.text("deviceId", input.deviceId, { max: 100 });
  p.point(input.lat, input.lng);
  if (input.attrs && JSON.stringify(input.attrs).length > 4000)
    p.add(
      "attrs",
      "TOO_LONG",
      "附加属性过大（最多 4000 字符）",
      "attrs is too large (at most 4000 characters)",
    );
  if (p.list.length) throw fieldProblems(p.list);
}

async function referenced<T>(field: string, what: { zh: string; en: string }, read: () => Promise<T>) {
  try {
    return await read();
  } catch (err) {
    if ((err as AppError).status === 404) throw unknownReference(field, what);
    throw err;
  }
}

/** The area of the place, house or building a thing is in (the first given), checking each is visible. */
async function parentArea(ctx: Ctx, input: Partial<ThingInput>): Promise<LocatedIn | null> {
  let found: { areaId: string | null; areaPath: string | null } | null = null;
  if (input.buildingId)
    found = await referenced("buildingId", BUILDING, () => visibleBuilding(ctx, input.buildingId!));
  if (input.houseId) found = await referenced("houseId", HOUSE, () => visibleHouse(ctx, input.houseId!));
  if (input.placeId) found = await referenced("placeId", PLACE, () => visiblePlace(ctx, input.placeId!));
  return found?.areaId && found.areaPath ? { areaId: found.areaId, areaPath: found.areaPath } : null;
}

/** Registers a thing (gas cylinder, extinguisher, smoke sensor, camera, micro fire station…). */
export async function createThing(ctx: Ctx, input: ThingInput) {
  check(input, false);
  const deviceId = input.deviceId?.trim() || null;
  if (deviceId) {
    const other = await repo.thingByDevice(ctx.tx, deviceId);
    if (other) throw duplicateDevice(other.id);
  }
  const fallback = await parentArea(ctx, input);
  const area = await locateRecord(ctx, input, { fallback, field: "placeId" });
  const row = await repo.insertThing(ctx.tx, {
    kind: input.kind,
    label: input.label?.trim() || null,
    serial: input.serial?.trim() || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    address: input.address?.trim() || null,
    placeId: input.placeId ?? null,
    houseId: input.houseId ?? null,
    buildingId: input.buildingId ?? null,
    installedOn: input.installedOn ?? null,
    lastInspectedOn: input.lastInspectedOn ?? null,
    nextInspectionOn: input.nextInspectionOn ?? null,
    deviceId,
    attrs: input.attrs ?? null,
    ...area,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  await recordChange(ctx, {
    subjectType: "thing",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: snapshot(row, TRACKED),
  });
  return presentThing(ctx, row);
}

/** A thing the actor may read; 404 otherwise (also out of scope). */
export async function visibleThing(ctx: Ctx, id: string, lock = false) {
  const row = await repo.findThing(ctx.tx, id, lock);
  if (!row || !can(ctx.actor, "registry.read", { areaPath: row.areaPath ?? "" })) throw notFound(THING);
  return row;
}

/** One thing with its recent inspections. */
export async function readThing(ctx: Ctx, id: string) {
  const row = await visibleThing(ctx, id);
  const changes = await listChanges(ctx, "thing", id);
  const inspections = changes
    .filter((c) => c.action === "inspected")
    .reverse()
    .slice(0, 20)
    .map((c) => {
      const a = (c.after ?? {}) as {
        on?: string;
        result?: string;
        nextOn?: string | null;
        note?: string | null;
      };
      return {
        on: a.on ?? "",
        result: a.result ?? "",
        nextOn: a.nextOn ?? null,
        note: a.note ?? null,
        by: c.actorName,
        at: iso(c.at),
      };
    });
  return { ...(await presentThing(ctx, row)), inspections };
}

/** Changes a thing at a given version (409 when stale); null clears a field. */
export async function updateThing(ctx: Ctx, id: string, patch: Partial<ThingInput> & { version: number }) {
  const row = await visibleThing(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (row.version !== patch.version) throw staleVersion(row.version);
  check(patch, true);
  const deviceId = patch.deviceId === undefined ? undefined : patch.deviceId?.trim() || null;
  if (deviceId) {
    const other = await repo.thingByDevice(ctx.tx, deviceId, id);
    if (other) throw duplicateDevice(other.id);
  }
  const parent = await parentArea(ctx, patch);
  let area = {};
  if (movesLocation(patch)) area = await relocate(ctx, row, patch);
  else if (parent && row.lat === null) area = await locateRecord(ctx, {}, { fallback: parent });
  const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const values = Object.fromEntries(
    Object.entries({
      kind: patch.kind,
      label: text(patch.label),
      serial: text(patch.serial),
      lat: patch.lat,
      lng: patch.lng,
      address: text(patch.address),
      placeId: patch.placeId,
      houseId: patch.houseId,
      buildingId: patch.buildingId,
      installedOn: patch.installedOn,
      lastInspectedOn: patch.lastInspectedOn,
      nextInspectionOn: patch.nextInspectionOn,
      deviceId,
      attrs: patch.attrs,
    }).filter(([, v]) => v !== undefined),
  );
  const updated = await repo.updateThing(ctx.tx, id, { ...values, ...area }, ctx.clock.now());
  await recordChange(ctx, {
    subjectType: "thing",
    subjectId: id,
    version: updated.version,
    action: "updated",
    before: snapshot(row, TRACKED),
    after: snapshot(updated, TRACKED),
  });
  return presentThing(ctx, updated);
}

/**
 * Records an inspection: the last-inspected date moves to it (never backwards) and the next falls on
 * the date given, else after the kind's routine interval. Kept in the thing's history.
 */
export async function recordInspection(
  ctx: Ctx,
  id: string,
  input: { on: string; result: "pass" | "fail" | "fixed"; nextOn?: string; note?: string },
) {
  const row = await visibleThing(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (input.nextOn && input.nextOn <= input.on) throw endBeforeStart("nextOn");
  const interval = INSPECTION_INTERVAL_DAYS[row.kind];
  const nextOn = input.nextOn ?? (interval ? addDays(input.on, interval) : null);
  const newest = !row.lastInspectedOn || input.on >= row.lastInspectedOn;
  const updated = await repo.updateThing(
    ctx.tx,
    id,
    newest ? { lastInspectedOn: input.on, nextInspectionOn: nextOn } : {},
    ctx.clock.now(),
  );
  await recordChange(ctx, {
    subjectType: "thing",
    subjectId: id,
    version: updated.version,
    action: "inspected",
    before: { lastInspectedOn: row.lastInspectedOn, nextInspectionOn: row.nextInspectionOn },
    after: { on: input.on, result: input.result, nextOn, note: input.note?.trim() || null },
  });
  return presentThing(ctx, updated);
}

/** Things in the actor's scope; `dueBefore` keeps those whose next inspection falls on or before it. */
export async function listThings(
  ctx: Ctx,
  q: {
    kind?: string;
    areaCode?: string;
    placeId?: string;
    houseId?: string;
    buildingId?: string;
    dueBefore?: string;
    limit: number;
    offset: number;
  },
) {
  authorize(ctx.actor, "registry.read");
  const areaPath = await areaPathOf(ctx, q.areaCode);
  const { items, total } = await repo.listThings(ctx.tx, {
    ...q,
    areaPath,
    scope: scopeCondition(ctx.actor, things.areaPath),
  });
  return { items: await presentThings(ctx, items), total };
}

/**
 * The active thing carrying an IoT device id, with its place, for the event module's IoT webhook
 * (no actor: the caller authenticates the device source). Undefined when no thing carries it.
 */
export async function findThingByDevice(tx: Executor, deviceId: string) {
  const rows = await tx
    .select({ thing: things, placeName: places.name })
    .from(things)
    .leftJoin(places, eq(places.id, things.placeId))
    .where(and(eq(things.deviceId, deviceId.trim()), eq(things.status, "active")))
    .limit(1);
  const r = rows[0];
  if (!r) return undefined;
  const t = r.thing;
  return {
    id: t.id,
    kind: t.kind,
    label: t.label,
    lat: t.lat,
    lng: t.lng,
    address: t.address,
    areaId: t.areaId,
    areaPath: t.areaPath,
    place: t.placeId ? { id: t.placeId, name: r.placeName ?? "" } : null,
    houseId: t.houseId,
    buildingId: t.buildingId,
  };
}

/** Things as responses show them. */
export async function presentThings(ctx: Ctx, rows: repo.ThingRow[]) {
  const areasById = await areaRefs(
    ctx,
    rows.map((r) => r.areaId),
  );
  const names = await buildingNames(ctx.tx, [
    ...new Set(rows.flatMap((r) => (r.buildingId ? [r.buildingId] : []))),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: labelOf("thing-type", r.kind),
    label: r.label,
    serial: r.serial,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    placeId: r.placeId,
    houseId: r.houseId,
    building: r.buildingId ? { id: r.buildingId, name: names.get(r.buildingId) ?? "" } : null,
    installedOn: r.installedOn,
    lastInspectedOn: r.lastInspectedOn,
    nextInspectionOn: r.nextInspectionOn,
    deviceId: r.deviceId,
    attrs: (r.attrs as Record<string, unknown> | null) ?? null,
    area: (r.areaId && areasById.get(r.areaId)) || null,
    status: r.status,
    version: r.version,
    updatedAt: iso(r.updatedAt),
    can: { edit: can(ctx.actor, "registry.edit", { areaPath: r.areaPath ?? "" }) },
  }));
}

export async function presentThing(ctx: Ctx, row: repo.ThingRow) {
  return (await presentThings(ctx, [row]))[0]!;
}
