import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import * as areasRepo from "../areas/areas.repo";
import { bboxOf, type AreaGeometry } from "../areas/geo/geojson";
import { pointInPolygon } from "../areas/geo/point-in-polygon";
import { POLICE_DISTRICT } from "./police.errors";
import * as repo from "./police.repo";
import {
  presentDistrict,
  presentDistricts,
  type DistrictSummary,
  type DistrictView,
} from "./present-districts";

const AREA = { zh: "区域", en: "area" };

/** Every police district, each with the grids of it that lie in the reader's scope. */
export async function listPoliceDistricts(ctx: Ctx): Promise<DistrictSummary[]> {
  authorize(ctx.actor, "police_district.read");
  return presentDistricts(ctx, await repo.listAll(ctx.tx));
}

export async function getPoliceDistrict(ctx: Ctx, code: string): Promise<DistrictView> {
  authorize(ctx.actor, "police_district.read");
  const row = await repo.findByCode(ctx.tx, code);
  if (!row) throw notFound(POLICE_DISTRICT);
  return presentDistrict(ctx, row);
}

/** "/a/b/c/" → ["/a/", "/a/b/", "/a/b/c/"]: an area's path and its ancestors'. */
const selfAndAncestors = (path: string) => {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}/`);
};

export interface DistrictOfArea {
  district: repo.DistrictRow;
  via: "mapping" | "polygon";
}

/**
 * The police district responsible for an area, without checking who asks (for routing police
 * matters, 警网融合): the mapping of the area or its nearest mapped ancestor (a micro-grid follows its
 * grid); when there is none, the district whose boundary holds the area's centre (on a shared edge
 * the lower code); else undefined.
 */
export async function findPoliceDistrictForArea(
  ctx: Ctx,
  area: Pick<areasRepo.AreaRow, "path" | "centerLat" | "centerLng">,
): Promise<DistrictOfArea | undefined> {
  const mapped = await repo.mappedDistrictOf(ctx.tx, selfAndAncestors(area.path));
  if (mapped) return { district: mapped, via: "mapping" };
  if (area.centerLat === null || area.centerLng === null) return undefined;
  const [lng, lat] = [area.centerLng, area.centerLat];
  // police districts are few (tens per street), so their boundaries are read per call, not indexed
  for (const d of await repo.withGeometry(ctx.tx)) {
    const geometry = d.geometry as AreaGeometry;
    const [w, s, e, n] = bboxOf(geometry);
    if (lng < w || lng > e || lat < s || lat > n) continue;
    if (pointInPolygon(geometry, lng, lat)) return { district: d, via: "polygon" };
  }
  return undefined;
}

/** The police district of an area the reader may see (404 outside their scope), or null. */
export async function policeDistrictOfArea(ctx: Ctx, areaCode: string) {
  const area = await areasRepo.findByCode(ctx.tx, areaCode);
  if (!area) throw notFound(AREA);
  authorize(ctx.actor, "area.read", { areaPath: area.path }, AREA);
  const found = await findPoliceDistrictForArea(ctx, area);
  if (!found) return { policeDistrict: null };
  const [view] = await presentDistricts(ctx, [found.district]);
  const { code, name, station, officers } = view!;
  return { policeDistrict: { code, name, station, officers, via: found.via } };
}
