import { api, queryString } from "../../api/client";
import type { AreaView } from "../../api/area-types";
import { AREA_LEVELS, type Area, type AreaList, type Me } from "../../api/types";

const PAGE = 1000; // the server's largest page

/** All children of an area, page by page. */
export async function listChildren(code: string): Promise<Area[]> {
  const all: Area[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await api.get<AreaList>(
      `/api/areas${queryString({ parent: code, limit: PAGE, offset })}`,
    );
    all.push(...items);
    if (items.length < PAGE) return all;
  }
}

/** The roots of a user's area tree: their scopes, or for a user without scopes the highest level that has areas. */
export async function loadRoots(me: Pick<Me, "scopes">): Promise<Area[]> {
  if (me.scopes.length > 0) return me.scopes;
  for (const level of AREA_LEVELS) {
    const { items } = await api.get<AreaList>(`/api/areas${queryString({ level, limit: PAGE })}`);
    if (items.length > 0) return items;
  }
  return [];
}

/** `GET /api/areas/{code}`. */
export function loadArea(code: string): Promise<AreaView> {
  return api.get<AreaView>(`/api/areas/${encodeURIComponent(code)}`);
}

/** The path of an area route, its code encoded. */
export function areaUrl(code: string, rest = ""): string {
  return `/api/areas/${encodeURIComponent(code)}${rest}`;
}

/** A materialised path for reading: `/330212/330212009/` → `330212 › 330212009`. */
export function pathCodesText(path: string): string {
  return path.split("/").filter(Boolean).join(" › ");
}
