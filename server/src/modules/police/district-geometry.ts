import crypto from "node:crypto";
import { stableStringify } from "../../core/audit";
import { geometryToWgs84, type Crs } from "../areas/geo/crs";
import type { AreaGeometry } from "../areas/geo/geojson";
import { validateFeatureCollection, type Problem } from "../areas/geo/validate";
import { geometryInvalid } from "./police.errors";

/**
 * Checks one boundary as the area import does (it is wrapped in a one-feature FeatureCollection):
 * unusable ones throw a 422 listing each problem; what real files often have comes back as warnings.
 */
export function checkDistrictGeometry(
  district: { code: string; name: string },
  geometry: unknown,
  crs: Crs,
): { geometry: AreaGeometry; warnings: Problem[] } {
  const report = validateFeatureCollection(
    {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { code: district.code, name: district.name }, geometry }],
    },
    { codeProp: "code", nameProp: "name" },
  );
  if (report.errors.length > 0 || !report.features[0]) throw geometryInvalid(report.errors);
  return { geometry: geometryToWgs84(report.features[0].geometry, crs), warnings: report.warnings };
}

/** What the audit trail keeps of a boundary: a digest, not the (possibly megabytes of) coordinates. */
export function geometryDigest(geometry: unknown): string | null {
  if (geometry === null || geometry === undefined) return null;
  return crypto.createHash("sha256").update(stableStringify(geometry)).digest("hex").slice(0, 16);
}
