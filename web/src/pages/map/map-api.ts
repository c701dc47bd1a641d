import { api, ApiError, queryString } from "../../api/client";
import {
  AREA_LEVELS,
  type Area,
  type AreaDetail,
  type AreaFeatureCollection,
  type AreaList,
  type MapConfig,
} from "../../api/types";
import { featureFromDetail } from "./geo";

const notFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/** `GET /api/map/config`; a server without the route (404) has no basemap. */
export async function loadMapConfig(): Promise<MapConfig> {
  try {
    const config = await api.get<MapConfig>("/api/map/config");
    return { basemap: config?.basemap ?? null };
  } catch (e) {
    if (notFound(e)) return { basemap: null };
    throw e;
  }
}

/**
 * The area `code` and its children as a feature collection: `GET /api/areas/{code}/geojson?depth=1`,
 * or, on a server without that route, the area and each child read one by one. The area itself
 * is always included, with `geometry: null` when it has none.
 */
export async function loadSubtree(code: string): Promise<AreaFeatureCollection> {
  const base = `/api/areas/${encodeURIComponent(code)}`;
  try {
    const fc = await api.get<AreaFeatureCollection>(`${base}/geojson?depth=1`);
    if (fc.features.some((f) => f.properties.code === code)) return fc;
    // the route leaves out areas without geometry (a district often has none); the page needs the area itself
    const self = featureFromDetail(await api.get<AreaDetail>(base));
    return { type: "FeatureCollection", features: [self, ...fc.features] };
  } catch (e) {
    if (!notFound(e)) throw e;
  }
  // a 404 here means the area itself is missing or out of scope, and is the error to show
  const self = await api.get<AreaDetail>(base);
  const list = await api.get<AreaList>(`/api/areas${queryString({ parent: code, limit: 1000 })}`);
  const children = await Promise.all(
    list.items.map((c) => api.get<AreaDetail>(`/api/areas/${encodeURIComponent(c.code)}`)),
  );
  return { type: "FeatureCollection", features: [self, ...children].map(featureFromDetail) };
}

/** The name of one area (for breadcrumb steps not yet seen). */
export async function loadAreaName(code: string): Promise<string> {
  return (await api.get<AreaDetail>(`/api/areas/${encodeURIComponent(code)}`)).name;
}

/** For a user who sees every area: the first area of the highest level that has any. */
export async function findTopArea(): Promise<Area | null> {
  for (const level of AREA_LEVELS) {
    const { items } = await api.get<AreaList>(`/api/areas${queryString({ level, limit: 1 })}`);
    if (items.length > 0) return items[0];
  }
  return null;
}
