import { can, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { areas } from "../../db/schema";
import * as departmentsRepo from "../departments/departments.repo";
import * as repo from "./police.repo";

export interface DistrictSummary {
  code: string;
  name: string;
  station: { code: string; name: string } | null;
  hasGeometry: boolean;
  grids: { code: string; name: string }[];
  officers: { username: string; displayName: string }[];
  can: { manage: boolean };
}
export type DistrictView = DistrictSummary & { geometry: unknown };

/** Districts as the reader sees them: their station, officers, and only the grids in the reader's scope. */
export async function presentDistricts(ctx: Ctx, rows: repo.DistrictRow[]): Promise<DistrictSummary[]> {
  const ids = rows.map((r) => r.id);
  // one after another: the queries share the caller's transaction (one connection)
  const grids = await repo.gridsOf(ctx.tx, ids, scopeCondition(ctx.actor, areas.path));
  const officers = await repo.officersOf(ctx.tx, ids);
  const stationIds = [...new Set(rows.flatMap((r) => (r.stationId ? [r.stationId] : [])))];
  const stations = await departmentsRepo.findByIds(ctx.tx, stationIds);
  const stationById = new Map(stations.map((s) => [s.id, { code: s.code, name: s.name }]));
  const manage = can(ctx.actor, "police_district.manage");
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    station: (r.stationId && stationById.get(r.stationId)) || null,
    hasGeometry: r.geometry !== null,
    grids: grids.filter((g) => g.districtId === r.id).map((g) => ({ code: g.code, name: g.name })),
    officers: officers
      .filter((o) => o.districtId === r.id)
      .map((o) => ({ username: o.username, displayName: o.displayName })),
    can: { manage },
  }));
}

/** One district with its boundary. */
export async function presentDistrict(ctx: Ctx, row: repo.DistrictRow): Promise<DistrictView> {
  const [summary] = await presentDistricts(ctx, [row]);
  return { ...summary!, geometry: row.geometry ?? null };
}
