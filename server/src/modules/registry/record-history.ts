import type { Ctx } from "../../core/context";
import { visibleBuilding } from "./buildings";
import { listChanges } from "./history";
import { visibleHouse } from "./read-house";
import { presentChanges, type ChangeView } from "./read-person";
import { visiblePlace } from "./read-place";
import { visibleThing } from "./things";

const VISIBLE = {
  house: visibleHouse,
  place: visiblePlace,
  building: visibleBuilding,
  thing: visibleThing,
} as const;

/** The change history of a house, place, building or thing the actor may read (404 otherwise). */
export async function recordHistory(
  ctx: Ctx,
  type: keyof typeof VISIBLE,
  id: string,
): Promise<{ items: ChangeView[] }> {
  await VISIBLE[type](ctx, id);
  return { items: presentChanges(await listChanges(ctx, type, id)) };
}
