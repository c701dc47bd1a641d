import { recordAudit } from "../../core/audit";
import { authorize, can, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { places } from "../../db/schema";
import { iso } from "./dates";
import { labelOf } from "./field-checks";
import { fileSections } from "./file-sections";
import { buildingNames } from "./houses.repo";
import { areaPathOf, areaRefs } from "./locate-record";
import * as repo from "./places.repo";
import { PLACE, reasonRequired, wrongState } from "./registry.errors";

/** The fields of a place its history shows (phones only as "changed": REGISTRY_SENSITIVE). */
export const PLACE_TRACKED = [
  "name",
  "kind",
  "creditCode",
  "address",
  "lat",
  "lng",
  "buildingId",
  "responsibleName",
  "responsiblePhoneEnc",
  "safetyManagerPersonId",
  "safetyManagerName",
  "safetyManagerPhoneEnc",
  "colour",
  "employees",
  "areaPath",
] as const;

/** A place the actor may read; 404 otherwise (also out of scope). */
export async function visiblePlace(ctx: Ctx, id: string, lock = false): Promise<repo.PlaceRow> {
  const row = await repo.findPlace(ctx.tx, id, lock);
  if (!row || !can(ctx.actor, "registry.read", { areaPath: row.areaPath ?? "" })) throw notFound(PLACE);
  return row;
}

/** Places as responses show them: phones masked, the safety manager (平安经理) with their person link. */
export async function presentPlaces(ctx: Ctx, rows: repo.PlaceRow[]) {
  const areasById = await areaRefs(
    ctx,
    rows.map((r) => r.areaId),
  );
  const names = await buildingNames(ctx.tx, [
    ...new Set(rows.flatMap((r) => (r.buildingId ? [r.buildingId] : []))),
  ]);
  return rows.map((r) => {
    const subject = { areaPath: r.areaPath ?? "" };
    const edit = can(ctx.actor, "registry.edit", subject);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      kindLabel: labelOf("place-type", r.kind),
      creditCode: r.creditCode,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      building: r.buildingId ? { id: r.buildingId, name: names.get(r.buildingId) ?? "" } : null,
      responsible: { name: r.responsibleName, phone: r.responsiblePhoneMasked },
      safetyManager:
        r.safetyManagerName || r.safetyManagerPersonId
          ? {
              personId: r.safetyManagerPersonId,
              name: r.safetyManagerName,
              phone: r.safetyManagerPhoneMasked,
            }
          : null,
      colour: r.colour,
      colourSince: r.colourSince,
      employees: r.employees,
      area: (r.areaId && areasById.get(r.areaId)) || null,
      status: r.status,
      version: r.version,
      updatedAt: iso(r.updatedAt),
      can: { edit, rate: edit, revealPhone: can(ctx.actor, "person.reveal", subject) },
    };
  });
}

export async function presentPlace(ctx: Ctx, row: repo.PlaceRow) {
  return (await presentPlaces(ctx, [row]))[0]!;
}

/** One place. */
export async function readPlace(ctx: Ctx, id: string) {
  return presentPlace(ctx, await visiblePlace(ctx, id));
}

/** Places in the actor's scope, by name (filters: kind, colour, area, name prefix, safety manager). */
export async function listPlaces(
  ctx: Ctx,
  q: {
    kind?: string;
    colour?: string;
    areaCode?: string;
    q?: string;
    hasSafetyManager?: boolean;
    buildingId?: string;
    limit: number;
    offset: number;
  },
) {
  authorize(ctx.actor, "registry.read");
  const areaPath = await areaPathOf(ctx, q.areaCode);
  const { items, total } = await repo.listPlaces(ctx.tx, {
    ...q,
    areaPath,
    scope: scopeCondition(ctx.actor, places.areaPath),
  });
  return { items: await presentPlaces(ctx, items), total };
}

/** The place file (一企一档): the place and what is linked to it (things, ratings, events…). */
export async function placeFile(ctx: Ctx, id: string) {
  const row = await visiblePlace(ctx, id);
  return { place: await presentPlace(ctx, row), sections: await fileSections(ctx, { type: "place", id }) };
}

/** The responsible person's or safety manager's phone in clear: person.reveal and a reason, audited. */
export async function revealPlacePhone(
  ctx: Ctx,
  id: string,
  input: { reason: string; whom: "responsible" | "safety_manager" },
): Promise<{ name: string | null; phone: string | null }> {
  const row = await visiblePlace(ctx, id);
  authorize(ctx.actor, "person.reveal", { areaPath: row.areaPath ?? "" });
  const why = input.reason.trim();
  if (why.length < 5 || why.length > 200) throw reasonRequired();
  const [name, enc] =
    input.whom === "responsible"
      ? [row.responsibleName, row.responsiblePhoneEnc]
      : [row.safetyManagerName, row.safetyManagerPhoneEnc];
  if (!enc) throw wrongState("whom", "该场所未登记此电话", "The place has no such phone on record");
  await recordAudit(ctx, {
    action: "place.phone_revealed",
    subjectType: "place",
    subjectId: id,
    after: { whom: input.whom },
    reason: why,
  });
  return { name, phone: ctx.keyring.decrypt(enc) };
}
