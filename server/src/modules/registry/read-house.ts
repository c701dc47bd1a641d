import { recordAudit } from "../../core/audit";
import { authorize, can, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { houses } from "../../db/schema";
import { iso, todayOf } from "./dates";
import { labelOf } from "./field-checks";
import { fileSections } from "./file-sections";
import * as repo from "./houses.repo";
import { areaPathOf, areaRefs } from "./locate-record";
import { personRefs, presentPersonRef } from "./person-refs";
import { HOUSE, reasonRequired, wrongState } from "./registry.errors";

/** The fields of a house its history shows. */
export const HOUSE_TRACKED = [
  "address",
  "buildingId",
  "unit",
  "room",
  "lat",
  "lng",
  "ownerPersonId",
  "landlordPersonId",
  "use",
  "floorArea",
  "isRented",
  "isGroupRental",
  "areaPath",
] as const;

/** A house the actor may read; 404 otherwise (also out of scope). */
export async function visibleHouse(ctx: Ctx, id: string, lock = false): Promise<repo.HouseRow> {
  const row = await repo.findHouse(ctx.tx, id, lock);
  if (!row || !can(ctx.actor, "registry.read", { areaPath: row.areaPath ?? "" })) throw notFound(HOUSE);
  return row;
}

/** Houses as responses show them: owner and landlord by name with masked ID and phone. */
export async function presentHouses(ctx: Ctx, rows: repo.HouseRow[]) {
  const people = await personRefs(
    ctx.tx,
    rows.flatMap((r) => [r.ownerPersonId, r.landlordPersonId]),
  );
  const areasById = await areaRefs(
    ctx,
    rows.map((r) => r.areaId),
  );
  const buildingIds = [...new Set(rows.flatMap((r) => (r.buildingId ? [r.buildingId] : [])))];
  const names = await repo.buildingNames(ctx.tx, buildingIds);
  return rows.map((r) => {
    const subject = { areaPath: r.areaPath ?? "" };
    return {
      id: r.id,
      address: r.address,
      unit: r.unit,
      room: r.room,
      lat: r.lat,
      lng: r.lng,
      building: r.buildingId ? { id: r.buildingId, name: names.get(r.buildingId) ?? "" } : null,
      owner: presentPersonRef(r.ownerPersonId ? people.get(r.ownerPersonId) : undefined),
      landlord: presentPersonRef(r.landlordPersonId ? people.get(r.landlordPersonId) : undefined),
      use: r.use,
      useLabel: labelOf("house-use", r.use),
      floorArea: r.floorArea,
      isRented: r.isRented,
      isGroupRental: r.isGroupRental,
      area: (r.areaId && areasById.get(r.areaId)) || null,
      status: r.status,
      version: r.version,
      updatedAt: iso(r.updatedAt),
      can: {
        edit: can(ctx.actor, "registry.edit", subject),
        revealOwnerPhone: r.ownerPersonId !== null && can(ctx.actor, "person.reveal", subject),
      },
    };
  });
}

export async function presentHouse(ctx: Ctx, row: repo.HouseRow) {
  return (await presentHouses(ctx, [row]))[0]!;
}

/** One house. */
export async function readHouse(ctx: Ctx, id: string) {
  return presentHouse(ctx, await visibleHouse(ctx, id));
}

/** Houses in the actor's scope, by address. */
export async function listHouses(
  ctx: Ctx,
  q: {
    areaCode?: string;
    buildingId?: string;
    isRented?: boolean;
    isGroupRental?: boolean;
    use?: string;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  authorize(ctx.actor, "registry.read");
  const areaPath = await areaPathOf(ctx, q.areaCode);
  const { items, total } = await repo.listHouses(ctx.tx, {
    ...q,
    areaPath,
    scope: scopeCondition(ctx.actor, houses.areaPath),
  });
  return { items: await presentHouses(ctx, items), total };
}

/** The house file (一房一档): the house, who lives there, its tenancies, and what other modules link to it. */
export async function houseFile(ctx: Ctx, id: string) {
  const row = await visibleHouse(ctx, id);
  const today = todayOf(ctx);
  const residents = await repo.residentsOf(ctx.tx, id);
  const stays = await repo.tenanciesOf(ctx.tx, id);
  const people = await personRefs(
    ctx.tx,
    stays.map((t) => t.personId),
  );
  return {
    house: await presentHouse(ctx, row),
    residents: residents.map((p) => ({
      ...presentPersonRef({ ...p, areaPath: null, status: "active" })!,
      residentType: p.residentType,
    })),
    tenancies: stays.map((t) => ({
      id: t.id,
      person: presentPersonRef(people.get(t.personId)),
      startOn: t.startOn,
      endOn: t.endOn,
      current: t.startOn <= today && (t.endOn === null || t.endOn >= today),
    })),
    sections: await fileSections(ctx, { type: "house", id }),
  };
}

/**
 * The phone of a house's owner (or landlord) in clear, reachable from the house record when the
 * owner must be called (Story 1); needs person.reveal on the house's area and a reason, audited.
 */
export async function revealOwnerPhone(
  ctx: Ctx,
  id: string,
  input: { reason: string; whom?: "owner" | "landlord" },
): Promise<{ personId: string; name: string; phone: string | null }> {
  const row = await visibleHouse(ctx, id);
  authorize(ctx.actor, "person.reveal", { areaPath: row.areaPath ?? "" });
  const why = input.reason.trim();
  if (why.length < 5 || why.length > 200) throw reasonRequired();
  const whom = input.whom ?? "owner";
  const personId = whom === "owner" ? row.ownerPersonId : row.landlordPersonId;
  const field = whom === "owner" ? "ownerPersonId" : "landlordPersonId";
  if (!personId) throw wrongState(field, "该房屋未登记此人员", `The house has no ${whom} on record`);
  const person = (await personRefs(ctx.tx, [personId])).get(personId);
  if (!person || person.status === "purged")
    throw wrongState(field, "该人员信息已清除", `The ${whom}'s personal data has been purged`);
  await recordAudit(ctx, {
    action: "person.phone_revealed",
    subjectType: "person",
    subjectId: personId,
    after: { via: "house", houseId: id, whom, hadPhone: person.phoneEnc !== null },
    reason: why,
  });
  return {
    personId,
    name: person.name,
    phone: person.phoneEnc ? ctx.keyring.decrypt(person.phoneEnc) : null,
  };
}
