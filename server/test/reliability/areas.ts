import { ok, type Auth, type Http } from "./http";

/** An area as the tests refer to it. */
export interface AreaRef {
  code: string;
  name: string;
  path: string;
}

/** A street with two communities; grid A (in c1) and grid B (in c2), plus a second grid in c1. */
export interface Tree {
  street: AreaRef;
  c1: AreaRef;
  c2: AreaRef;
  gridA: AreaRef;
  gridA2: AreaRef;
  gridB: AreaRef;
  /** A point inside each grid. */
  points: { a: { lat: number; lng: number }; b: { lat: number; lng: number } };
}

const box = (w: number, s: number, e: number, n: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const feature = (code: string, name: string, geometry: object) => ({
  type: "Feature",
  properties: { code, name },
  geometry,
});

async function importLevel(
  http: Http,
  admin: Auth,
  level: string,
  parent: string | undefined,
  features: object[],
): Promise<void> {
  const q = new URLSearchParams({ level, codeProp: "code", nameProp: "name" });
  if (parent) q.set("parent", parent);
  await ok(http, {
    method: "POST",
    url: `/api/areas/import?${q}`,
    headers: admin,
    json: { type: "FeatureCollection", features },
  });
}

/**
 * Imports the tree through the API (GeoJSON, as an administrator does), so it works against a
 * real server as well as in process. Each call makes a new street with its own codes.
 */
export async function importTree(http: Http, admin: Auth, prefix: string): Promise<Tree> {
  const p = prefix.toUpperCase();
  const code = { s: `${p}S`, c1: `${p}C1`, c2: `${p}C2`, a: `${p}GA`, a2: `${p}GA2`, b: `${p}GB` };
  await importLevel(http, admin, "street", undefined, [
    feature(code.s, `${p}街道`, box(121.5, 29.8, 121.6, 29.9)),
  ]);
  await importLevel(http, admin, "community", code.s, [
    feature(code.c1, `${p}东社区`, box(121.5, 29.8, 121.55, 29.9)),
    feature(code.c2, `${p}西社区`, box(121.55, 29.8, 121.6, 29.9)),
  ]);
  await importLevel(http, admin, "grid", code.c1, [
    feature(code.a, `${p}东一网格`, box(121.5, 29.8, 121.55, 29.85)),
    feature(code.a2, `${p}东二网格`, box(121.5, 29.85, 121.55, 29.9)),
  ]);
  await importLevel(http, admin, "grid", code.c2, [
    feature(code.b, `${p}西一网格`, box(121.55, 29.8, 121.6, 29.9)),
  ]);
  const get = async (c: string): Promise<AreaRef> => {
    const a = await ok(http, { url: `/api/areas/${encodeURIComponent(c)}`, headers: admin });
    return { code: a.code, name: a.name, path: a.path };
  };
  return {
    street: await get(code.s),
    c1: await get(code.c1),
    c2: await get(code.c2),
    gridA: await get(code.a),
    gridA2: await get(code.a2),
    gridB: await get(code.b),
    points: { a: { lat: 29.82, lng: 121.52 }, b: { lat: 29.85, lng: 121.58 } },
  };
}
