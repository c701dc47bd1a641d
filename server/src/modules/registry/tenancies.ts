import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import * as repo from "./houses.repo";
import { personRefs, presentPersonRef, requirePerson } from "./person-refs";
import { endBeforeStart, overlappingTenancy, TENANCY } from "./places.errors";
import { visibleHouse } from "./read-house";
import { wrongState } from "./registry.errors";

async function present(ctx: Ctx, t: repo.TenancyRow) {
  const today = todayOf(ctx);
  const people = await personRefs(ctx.tx, [t.personId]);
  return {
    id: t.id,
    houseId: t.houseId,
    person: presentPersonRef(people.get(t.personId)),
    startOn: t.startOn,
    endOn: t.endOn,
    current: t.startOn <= today && (t.endOn === null || t.endOn >= today),
  };
}

/**
 * Records a tenant's stay in a house (a registry person, dates that do not overlap another stay of
 * theirs in the same house); a house that gets a current or coming tenant is marked rented.
 */
export async function addTenancy(
  ctx: Ctx,
  houseId: string,
  input: { personId: string; startOn: string; endOn?: string | null },
) {
  const house = await visibleHouse(ctx, houseId, true);
  authorize(ctx.actor, "registry.edit", { areaPath: house.areaPath ?? "" });
  await requirePerson(ctx.tx, input.personId, "personId");
  const endOn = input.endOn ?? null;
  if (endOn && endOn < input.startOn) throw endBeforeStart("endOn");
  if (await repo.overlapsTenancy(ctx.tx, houseId, input.personId, input.startOn, endOn))
    throw overlappingTenancy();
  const t = await repo.insertTenancy(ctx.tx, {
    houseId,
    personId: input.personId,
    startOn: input.startOn,
    endOn,
    createdAt: ctx.clock.now(),
  });
  let version = house.version;
  const runsOn = endOn === null || endOn >= todayOf(ctx);
  if (runsOn && !house.isRented)
    version = (await repo.updateHouse(ctx.tx, houseId, { isRented: true }, ctx.clock.now())).version;
  await recordChange(ctx, {
    subjectType: "house",
    subjectId: houseId,
    version,
    action: "tenant_added",
    before: { isRented: house.isRented },
    after: {
      tenancyId: t.id,
      personId: t.personId,
      startOn: t.startOn,
      endOn: t.endOn,
      isRented: house.isRented || runsOn,
    },
  });
  return present(ctx, t);
}

/** Ends a stay on a date (not before it began); a stay ends once. The rented flag is left to the worker. */
export async function endTenancy(ctx: Ctx, houseId: string, tenancyId: string, input: { on: string }) {
  const house = await visibleHouse(ctx, houseId);
  authorize(ctx.actor, "registry.edit", { areaPath: house.areaPath ?? "" });
  const t = await repo.findTenancy(ctx.tx, houseId, tenancyId);
  if (!t) throw notFound(TENANCY);
  if (t.endOn !== null)
    throw wrongState("on", `该租住已于 ${t.endOn} 结束`, `This tenancy already ended on ${t.endOn}`);
  if (input.on < t.startOn) throw endBeforeStart("on");
  const ended = await repo.endTenancy(ctx.tx, tenancyId, input.on);
  await recordChange(ctx, {
    subjectType: "house",
    subjectId: houseId,
    version: house.version,
    action: "tenant_left",
    before: { tenancyId, personId: t.personId, endOn: null },
    after: { tenancyId, personId: t.personId, endOn: input.on },
  });
  return present(ctx, ended);
}
