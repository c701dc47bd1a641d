import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { visibleBuilding } from "./buildings";
import { Problems } from "./field-checks";
import { recordChange } from "./history";
import * as housesRepo from "./houses.repo";
import * as placesRepo from "./places.repo";
import { visibleHouse } from "./read-house";
import { visiblePlace } from "./read-place";
import { fieldProblems, wrongState } from "./registry.errors";
import { visibleThing } from "./things";

export type Deregisterable = "building" | "house" | "place" | "thing";

const ops = {
  building: { read: visibleBuilding, write: housesRepo.updateBuilding },
  house: { read: visibleHouse, write: housesRepo.updateHouse },
  place: { read: visiblePlace, write: placesRepo.updatePlace },
  thing: { read: visibleThing, write: placesRepo.updateThing },
} as const;

/**
 * Takes a building, house, place or thing off the active registry (demolished, closed…) with a
 * deregistration-reason code; it leaves the lists, stays readable with its history, and a closed
 * place's credit code becomes free for a new registration.
 */
export async function deregisterRecord(
  ctx: Ctx,
  type: Deregisterable,
  id: string,
  input: { reason: string; note?: string },
) {
  const op = ops[type];
  const row = await op.read(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (row.status !== "active") throw wrongState("status", "该记录已注销", "This record is no longer active");
  const p = new Problems();
  p.code("reason", "deregistration-reason", input.reason);
  if (p.list.length) throw fieldProblems(p.list);
  const next = await op.write(ctx.tx, id, { status: "deregistered" }, ctx.clock.now());
  await recordChange(ctx, {
    subjectType: type,
    subjectId: id,
    version: next.version,
    action: "deregistered",
    before: { status: row.status },
    after: { status: next.status, deregistrationReason: input.reason },
    reason: input.note?.trim() || undefined,
  });
  return { id, status: next.status, version: next.version };
}
