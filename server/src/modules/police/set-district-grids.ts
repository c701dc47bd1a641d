import { recordAudit } from "../../core/audit";
import { authorize, can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import * as areasRepo from "../areas/areas.repo";
import { notGrids, POLICE_DISTRICT, unknownGrids } from "./police.errors";
import * as repo from "./police.repo";
import { presentDistrict, type DistrictView } from "./present-districts";

/**
 * Makes these grids the district's (警网融合). A grid belongs to one district: a grid of another
 * district moves here, and that district's audit record says so. Grids outside the administrator's
 * scope are neither accepted nor removed.
 */
export async function setDistrictGrids(ctx: Ctx, code: string, gridCodes: string[]): Promise<DistrictView> {
  authorize(ctx.actor, "police_district.manage");
  const district = await repo.findByCode(ctx.tx, code, true);
  if (!district) throw notFound(POLICE_DISTRICT);
  const codes = [...new Set(gridCodes)];
  const found = new Map((await areasRepo.findByCodes(ctx.tx, codes)).map((a) => [a.code, a]));
  const unknown = codes.filter((c) => {
    const a = found.get(c);
    return !a || !can(ctx.actor, "police_district.manage", { areaPath: a.path });
  });
  if (unknown.length > 0) throw unknownGrids(unknown);
  const wrongLevel = codes.filter((c) => found.get(c)!.level !== "grid");
  if (wrongLevel.length > 0) throw notGrids(wrongLevel);
  const wanted = codes.map((c) => found.get(c)!);

  const current = await repo.gridsOf(ctx.tx, [district.id]);
  const wantedIds = new Set(wanted.map((a) => a.id));
  const removed = current.filter(
    (g) => !wantedIds.has(g.areaId) && can(ctx.actor, "police_district.manage", { areaPath: g.path }),
  );
  const mappings = await repo.mappingsOf(ctx.tx, [...wantedIds]);
  const movedFrom = new Map<string, string[]>(); // other district id → grid codes taken from it
  for (const a of wanted) {
    const from = mappings.get(a.id);
    if (from && from !== district.id) movedFrom.set(from, [...(movedFrom.get(from) ?? []), a.code]);
  }
  const others = await repo.findByIds(ctx.tx, [...movedFrom.keys()]);
  const othersBefore = await repo.gridsOf(ctx.tx, [...movedFrom.keys()]);

  await repo.unmapGrids(
    ctx.tx,
    district.id,
    removed.map((g) => g.areaId),
  );
  await repo.mapGrids(ctx.tx, district.id, [...wantedIds]);

  const sorted = (xs: string[]) => [...xs].sort();
  const beforeCodes = sorted(current.map((g) => g.code));
  const afterCodes = sorted([
    ...current.filter((g) => !wantedIds.has(g.areaId) && !removed.includes(g)).map((g) => g.code),
    ...wanted.map((a) => a.code),
  ]);
  const movedIn = Object.fromEntries(
    others.map((o) => [o.code, sorted(movedFrom.get(o.id)!)] as const).sort(([a], [b]) => a.localeCompare(b)),
  );
  await recordAudit(ctx, {
    action: "police_district.grids_changed",
    subjectType: "police_district",
    subjectId: district.id,
    before: { grids: beforeCodes, movedFrom: null },
    after: { grids: afterCodes, movedFrom: Object.keys(movedIn).length > 0 ? movedIn : null },
  });
  for (const other of others) {
    const taken = new Set(movedFrom.get(other.id));
    const had = othersBefore.filter((g) => g.districtId === other.id).map((g) => g.code);
    await recordAudit(ctx, {
      action: "police_district.grids_changed",
      subjectType: "police_district",
      subjectId: other.id,
      before: { grids: sorted(had), movedTo: null },
      after: {
        grids: sorted(had.filter((c) => !taken.has(c))),
        movedTo: { [district.code]: sorted([...taken]) },
      },
    });
  }
  return presentDistrict(ctx, district);
}
