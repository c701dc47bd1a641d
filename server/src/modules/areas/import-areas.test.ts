import fs from "node:fs";
import { sql } from "drizzle-orm";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildUser } from "../../../test/factories";
import { readGzipCsv, sharedFile } from "../../../test/shared-data";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { fromWgs84 } from "./geo/crs";

let env: TestEnv;
let app: FastifyTypebox;
let admin: Record<string, string>;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  const a = await buildUser(env, { roles: ["admin"] });
  admin = await bearer(app, a.username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const square = (x: number, y: number, s = 1) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];
const fc = (features: { code?: string; name?: string; coordinates: unknown; type?: string }[]) => ({
  type: "FeatureCollection",
  features: features.map((f) => ({
    type: "Feature",
    properties: { c: f.code, n: f.name ?? `区 ${f.code}` },
    geometry: { type: f.type ?? "Polygon", coordinates: f.coordinates },
  })),
});
const importUrl = (q: string) => `/api/areas/import?codeProp=c&nameProp=n&${q}`;
const post = (q: string, body: unknown, headers = admin) =>
  app.inject({ method: "POST", url: importUrl(q), payload: body as object, headers });
const locate = async (lng: number, lat: number, crs = "wgs84") =>
  (await app.inject({ url: `/api/areas/locate?lat=${lat}&lng=${lng}&crs=${crs}`, headers: admin })).json()
    .area?.code ?? null;

describe("area import", () => {
  it("refuses unusable polygons with a 422 listing each problem, and imports nothing", async () => {
    const before = await queryRows<{ n: number }>(env.db, sql`select count(*)::int as n from areas`);
    const res = await post(
      "level=street",
      fc([
        {
          code: "S1",
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        },
        {
          code: "S2",
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        },
        { coordinates: square(5, 5) },
        {
          code: "S4",
          coordinates: [
            [
              [0, 0],
              ["x", 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        {
          code: "S5",
          coordinates: [
            [
              [0, 0],
              [200, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        { code: "S6", coordinates: square(2, 2) },
      ]),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe("AREA_IMPORT_INVALID");
    expect(body.message.zh).toBeTruthy();
    const kinds = body.problems.map(
      (p: { kind: string; featureIndex: number }) => `${p.featureIndex}:${p.kind}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        "0:ring_not_closed",
        "1:ring_too_short",
        "2:code_missing",
        "3:coordinate_not_numeric",
        "4:coordinate_out_of_range",
      ]),
    );
    const after = await queryRows<{ n: number }>(env.db, sql`select count(*)::int as n from areas`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await post("level=street", { type: "Feature" })).json().code).toBe("AREA_IMPORT_INVALID");
  });

  it("imports, locates, and re-imports idempotently; a redrawn polygon is updated with history", async () => {
    const file = fc([{ code: "T1", coordinates: square(10, 10, 2) }]);
    expect((await post("level=street", file)).json()).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const kids = fc([
      { code: "T1-A", coordinates: square(10, 10) },
      { code: "T1-B", coordinates: square(11, 10) },
    ]);
    const first = (await post("level=community&parent=T1", kids)).json();
    expect(first.created).toBe(2);
    // the two communities cover only the street's lower half: a gap, kept as a warning
    expect(first.warnings.map((w: { kind: string }) => w.kind)).toEqual(["gap"]);
    expect(await locate(10.5, 10.5)).toBe("T1-A");
    expect(await locate(11.5, 10.5)).toBe("T1-B");
    expect(await locate(11, 10.5)).toBe("T1-A"); // on the shared edge: the lower code
    expect(await locate(10.5, 11.5)).toBe("T1"); // in the street but no community there
    expect(await locate(50, 50)).toBeNull();
    expect((await post("level=community&parent=T1", kids)).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const redrawn = fc([
      { code: "T1-A", coordinates: square(10, 11) },
      { code: "T1-B", coordinates: square(11, 10) },
    ]);
    expect((await post("level=community&parent=T1", redrawn)).json()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const history = await queryRows<{ kind: string }>(
      env.db,
      sql`select kind from area_changes c join areas a on a.id = c.area_id where a.code = 'T1-A' order by c.id`,
    );
    expect(history.map((h) => h.kind)).toEqual(["imported", "redrawn"]);
    expect(await locate(10.5, 11.5)).toBe("T1-A");
    const audit = await queryRows(env.db, sql`select 1 from audit_log where action = 'area.imported'`);
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });

  it("warns of overlaps with siblings already imported, which a file alone cannot show", async () => {
    await post("level=street", fc([{ code: "OV", coordinates: square(70, 70, 2) }]));
    expect(
      (await post("level=community&parent=OV", fc([{ code: "OV-1", coordinates: square(70, 70) }])))
        .statusCode,
    ).toBe(200);
    const later = await post(
      "level=community&parent=OV",
      fc([{ code: "OV-2", coordinates: square(70.5, 70.5, 1) }]),
    );
    const overlap = later.json().warnings.find((w: { kind: string }) => w.kind === "sibling_overlap");
    expect(overlap.message.en).toContain("existing area OV-1");
    const tiled = await post(
      "level=community&parent=OV&strict=true",
      fc([
        { code: "OV-3", coordinates: square(71, 71) },
        { code: "OV-4", coordinates: square(70, 71) },
        { code: "OV-5", coordinates: square(71, 70) },
      ]),
    );
    expect(tiled.statusCode).toBe(422); // OV-2 overlaps OV-5 now: strict refuses
  });

  it("keeps warnings with the areas, and refuses them when strict", async () => {
    await post("level=street", fc([{ code: "W", coordinates: square(20, 20, 3) }]));
    const overlapping = fc([
      { code: "W-1", coordinates: square(20, 20, 2) },
      { code: "W-2", coordinates: square(21, 21, 2) },
    ]);
    const strict = await post("level=community&parent=W&strict=true", overlapping);
    expect(strict.statusCode).toBe(422);
    expect(strict.json().code).toBe("AREA_IMPORT_WARNINGS");
    expect(strict.json().problems.map((p: { kind: string }) => p.kind)).toContain("sibling_overlap");
    const lenient = await post("level=community&parent=W", overlapping);
    expect(lenient.statusCode).toBe(200);
    expect(lenient.json().warnings.length).toBeGreaterThan(0);
    const kept = await queryRows<{ warnings: unknown }>(
      env.db,
      sql`select warnings from areas where code = 'W-1'`,
    );
    expect(kept[0]!.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "sibling_overlap" })]),
    );
  });

  it("converts GCJ-02 input to WGS84, refuses codes used under another parent (409), a wrong level order (422) and non-admins (403)", async () => {
    const [gx, gy] = fromWgs84(121.58, 29.87, "gcj02");
    const sq = square(121.575, 29.865, 0.01);
    const gcj = sq.map((ring) => ring.map(([x, y]) => fromWgs84(x!, y!, "gcj02")));
    expect((await post("level=street&crs=gcj02", fc([{ code: "G1", coordinates: gcj }]))).statusCode).toBe(
      200,
    );
    expect(await locate(121.58, 29.87)).toBe("G1");
    expect(await locate(gx, gy, "gcj02")).toBe("G1");
    const conflict = await post(
      "level=community&parent=G1",
      fc([{ code: "T1-A", coordinates: square(121.576, 29.866, 0.001) }]),
    );
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: "AREA_CODE_CONFLICT", codes: ["T1-A"] });
    expect(
      (await post("level=district&parent=G1", fc([{ code: "X", coordinates: square(0, 0) }]))).json().code,
    ).toBe("AREA_LEVEL_ORDER");
    const narrow = await testApp({
      ...env,
      config: { ...env.config, areaLevels: ["street", "community", "grid"] },
    });
    try {
      const unused = await narrow.inject({
        method: "POST",
        url: importUrl("level=micro_grid"),
        payload: fc([{ code: "M", coordinates: square(0, 0) }]),
        headers: admin,
      });
      expect(unused.json().code).toBe("AREA_LEVEL_UNUSED");
    } finally {
      await narrow.close();
    }
    const u = await buildUser(env, { roles: ["resident"] });
    const token = (await bearer(app, u.username)).authorization.slice(7);
    expect(
      (
        await post("level=street", fc([{ code: "R", coordinates: square(0, 0) }]), {
          authorization: `Bearer ${token}`,
        })
      ).statusCode,
    ).toBe(403);
  });
});

const LA_POLYGONS = sharedFile("la-311/neighborhood-councils-2019.geojson");
const LA_POINTS = sharedFile("la-311/requests-2018-sample.csv.gz");

describe.skipIf(!LA_POLYGONS || !LA_POINTS)("real data: Los Angeles neighbourhood councils", () => {
  it("imports the 99 polygons through the API and locates points as an independent point-in-polygon does", async () => {
    const geojson = JSON.parse(fs.readFileSync(LA_POLYGONS!, "utf8"));
    const name = Object.keys(geojson.features[0].properties).find((k) => /name/i.test(k)) ?? "nc_id";
    const res = await app.inject({
      method: "POST",
      url: `/api/areas/import?level=community&codeProp=nc_id&nameProp=${name}`,
      payload: geojson,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(99);
    const points = readGzipCsv(LA_POINTS!)
      .map((r) => ({ lat: Number(r.Latitude), lng: Number(r.Longitude), nc: r.NC }))
      .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng) && p.lat !== 0)
      .slice(0, 1500);
    let agreeTurf = 0;
    let agreeLabel = 0;
    let labelled = 0;
    for (const p of points) {
      const code = await locate(p.lng, p.lat);
      const containing = geojson.features.filter((f: any) => booleanPointInPolygon([p.lng, p.lat], f));
      const expected = containing.map((f: any) => String(f.properties.nc_id));
      if (code === null ? expected.length === 0 : expected.includes(code)) agreeTurf++;
      if (p.nc) {
        labelled++;
        if (code === String(Number(p.nc))) agreeLabel++;
      }
    }
    expect(agreeTurf).toBe(points.length);
    console.log(
      `LA via API: ${points.length} points, turf agreement ${agreeTurf}/${points.length}, city label agreement ${agreeLabel}/${labelled}`,
    );
    expect(agreeLabel / labelled).toBeGreaterThan(0.95);
  });
});
