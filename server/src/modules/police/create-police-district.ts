import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import type { Crs } from "../areas/geo/crs";
import type { Problem } from "../areas/geo/validate";
import * as usersRepo from "../users/users.repo";
import { checkDistrictGeometry, geometryDigest } from "./district-geometry";
import { districtExists, unknownStation } from "./police.errors";
import * as repo from "./police.repo";
import { presentDistrict, type DistrictView } from "./present-districts";

export interface CreateDistrictInput {
  code: string;
  name: string;
  /** department code of the police station */
  station?: string;
  geometry?: unknown;
  crs?: Crs;
}

/** Creates one police district, with its boundary when given (checked like an area's; 422 when unusable). */
export async function createPoliceDistrict(
  ctx: Ctx,
  input: CreateDistrictInput,
): Promise<DistrictView & { warnings: Problem[] }> {
  authorize(ctx.actor, "police_district.manage");
  const checked =
    input.geometry !== undefined && input.geometry !== null
      ? checkDistrictGeometry(input, input.geometry, input.crs ?? "wgs84")
      : undefined;
  let stationId: string | null = null;
  if (input.station) {
    const station = await usersRepo.findDepartmentByCode(ctx.tx, input.station);
    if (!station) throw unknownStation([input.station]);
    stationId = station.id;
  }
  if (await repo.findByCode(ctx.tx, input.code)) throw districtExists(input.code);
  const [row] = await repo.insert(ctx.tx, [
    {
      code: input.code,
      name: input.name,
      stationId,
      geometry: checked?.geometry ?? null,
      createdAt: ctx.clock.now(),
    },
  ]);
  await recordAudit(ctx, {
    action: "police_district.created",
    subjectType: "police_district",
    subjectId: row!.id,
    before: null,
    after: {
      code: row!.code,
      name: row!.name,
      station: input.station ?? null,
      geometry: geometryDigest(row!.geometry),
    },
  });
  return { ...(await presentDistrict(ctx, row!)), warnings: checked?.warnings ?? [] };
}
