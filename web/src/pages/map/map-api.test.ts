import { afterEach, describe, expect, it, vi } from "vitest";
import type { AreaDetail } from "../../api/types";
import { loadMapConfig, loadSubtree } from "./map-api";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const detail = (
  code: string,
  parent: string | null,
  geometry: AreaDetail["geometry"] = square,
): AreaDetail => ({
  code,
  name: `区域${code}`,
  level: "community",
  path: `/${code}/`,
  parent,
  center: null,
  geometry,
});

/** A fetch answering from a table of paths; anything else is a 404 in the server's error shape. */
function serve(routes: Record<string, unknown>) {
  const seen: string[] = [];
  vi.stubGlobal("fetch", async (path: string) => {
    seen.push(path);
    if (path in routes) return new Response(JSON.stringify(routes[path]), { status: 200 });
    const body = { code: "NOT_FOUND", message: { zh: "不存在", en: "Not found" }, requestId: "r" };
    return new Response(JSON.stringify(body), { status: 404 });
  });
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

describe("loadSubtree", () => {
  it("reads the area and each child when the server has no geojson route", async () => {
    serve({
      "/api/areas/S": detail("S", null),
      "/api/areas?parent=S&limit=1000": { items: [detail("C1", "S"), detail("C2", "S")] },
      "/api/areas/C1": detail("C1", "S"),
      "/api/areas/C2": detail("C2", "S", null),
    });
    const fc = await loadSubtree("S");
    expect(fc.features.map((f) => [f.properties.code, f.properties.parent, f.geometry !== null])).toEqual([
      ["S", null, true],
      ["C1", "S", true],
      ["C2", "S", false],
    ]);
  });

  it("adds the area itself when the geojson leaves it out for lack of geometry", async () => {
    const child = {
      type: "Feature",
      geometry: square,
      properties: { ...detail("C1", "D"), centerLat: null, centerLng: null },
    };
    serve({
      "/api/areas/D/geojson?depth=1": { type: "FeatureCollection", features: [child] },
      "/api/areas/D": detail("D", null, null),
    });
    const fc = await loadSubtree("D");
    expect(fc.features.map((f) => f.properties.code)).toEqual(["D", "C1"]);
    expect(fc.features[0].geometry).toBeNull();
  });

  it("passes on the 404 of an area that does not exist", async () => {
    serve({});
    await expect(loadSubtree("NOPE")).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});

describe("loadMapConfig", () => {
  it("treats a missing route as no basemap", async () => {
    serve({});
    expect(await loadMapConfig()).toEqual({ basemap: null });
  });

  it("passes the configured basemap on", async () => {
    const basemap = { tiles: ["https://t/{z}/{x}/{y}.png"], crs: "gcj02", attribution: "A", maxZoom: 18 };
    serve({ "/api/map/config": { basemap } });
    expect(await loadMapConfig()).toEqual({ basemap });
  });
});
