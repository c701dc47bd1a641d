import { recordAudit, stableStringify } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { geometryToWgs84, type Crs } from "../areas/geo/crs";
import { validateFeatureCollection, type Problem } from "../areas/geo/validate";
import * as departmentsRepo from "../departments/departments.repo";
import * as usersRepo from "../users/users.repo";
import { geometryDigest } from "./district-geometry";
import { geometryInvalid, geometryWarningsStrict, unknownStation } from "./police.errors";
import * as repo from "./police.repo";

export interface ImportDistrictsInput {
  codeProp: string;
  nameProp: string;
  stationProp?: string;
  strict: boolean;
  crs: Crs;
  body: unknown;
}

export interface DistrictImportReport {
  features: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: Problem[];
}

type Snapshot = { name: string; station: string | null; geometry: string | null };

/**
 * Imports police districts from a GeoJSON FeatureCollection, all or nothing: unusable polygons (or an
 * unknown station) refuse the whole file with a 422 listing each problem; warnings (self-intersections,
 * overlapping districts) refuse it only when strict. A district whose code exists is updated; importing
 * the same file again changes nothing.
 */
export async function importPoliceDistricts(
  ctx: Ctx,
  input: ImportDistrictsInput,
): Promise<DistrictImportReport> {
  authorize(ctx.actor, "police_district.manage");
  const report = validateFeatureCollection(input.body, {
    codeProp: input.codeProp,
    nameProp: input.nameProp,
  });
  if (report.errors.length > 0) throw geometryInvalid(report.errors, "body");
  if (input.strict && report.warnings.length > 0) throw geometryWarningsStrict(report.warnings);

  const stationCodeOf = (props: Record<string, unknown>): string | null => {
    const v = input.stationProp ? props[input.stationProp] : undefined;
    return typeof v === "string" || typeof v === "number" ? String(v).trim() || null : null;
  };
  const stationIds = new Map<string, string>();
  const missing: string[] = [];
  for (const code of new Set(report.features.map((f) => stationCodeOf(f.props)).filter((c) => c !== null))) {
    const station = await usersRepo.findDepartmentByCode(ctx.tx, code);
    if (station) stationIds.set(code, station.id);
    else missing.push(code);
  }
  if (missing.length > 0) throw unknownStation(missing);

  const existing = new Map(
    (
      await repo.findByCodes(
        ctx.tx,
        report.features.map((f) => f.code),
      )
    ).map((d) => [d.code, d]),
  );
  const stationCodes = new Map<string, string>([...stationIds].map(([code, id]) => [id, code]));
  const oldStations = [...existing.values()].flatMap((d) => (d.stationId ? [d.stationId] : []));
  for (const d of await departmentsRepo.findByIds(ctx.tx, oldStations)) stationCodes.set(d.id, d.code);
  const snapshot = (name: string, stationId: string | null, geometry: unknown): Snapshot => ({
    name,
    station: stationId ? (stationCodes.get(stationId) ?? stationId) : null,
    geometry: geometryDigest(geometry),
  });
  const now = ctx.clock.now();
  const before: Record<string, Snapshot> = {};
  const after: Record<string, Snapshot> = {};
  const toCreate: repo.NewDistrict[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const f of report.features) {
    const geometry = geometryToWgs84(f.geometry, input.crs);
    const stationCode = stationCodeOf(f.props);
    const old = existing.get(f.code);
    if (!old) {
      const stationId = stationCode ? stationIds.get(stationCode)! : null;
      toCreate.push({ code: f.code, name: f.name, geometry, stationId, createdAt: now });
      after[f.code] = snapshot(f.name, stationId, geometry);
      continue;
    }
    // a file without a station property leaves the station as it was
    const stationId = stationCode ? stationIds.get(stationCode)! : input.stationProp ? null : old.stationId;
    const same =
      old.name === f.name &&
      old.stationId === stationId &&
      stableStringify(old.geometry) === stableStringify(geometry);
    if (same) {
      unchanged++;
      continue;
    }
    updated++;
    await repo.update(ctx.tx, old.id, { name: f.name, geometry, stationId });
    before[f.code] = snapshot(old.name, old.stationId, old.geometry);
    after[f.code] = snapshot(f.name, stationId, geometry);
  }
  await repo.insert(ctx.tx, toCreate);
  const result = {
    features: report.features.length,
    created: toCreate.length,
    updated,
    unchanged,
    warnings: report.warnings,
  };
  await recordAudit(ctx, {
    action: "police_district.imported",
    subjectType: "police_district_import",
    subjectId: null,
    before: { districts: before },
    after: { districts: after, ...result, warnings: result.warnings.length },
  });
  return result;
}
