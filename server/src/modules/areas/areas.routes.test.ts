import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildTree, buildUser } from "../../../test/factories";
import type { FastifyTypebox } from "../../http/types";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;

const tokenFor = (username: string) => bearer(app, username);

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("areas in scope", () => {
  it("a street dispatcher sees the whole street; a grid worker only their grids", async () => {
    const dispatcher = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11, tree.g21] });
    const all = await app.inject({
      url: "/api/areas?limit=1000",
      headers: await tokenFor(dispatcher.username),
    });
    const codes = all.json().items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        tree.street.code,
        tree.c1.code,
        tree.c2.code,
        tree.g11.code,
        tree.g12.code,
        tree.g21.code,
      ]),
    );
    const mine = await app.inject({ url: "/api/areas?level=grid", headers: await tokenFor(grid.username) });
    expect(
      mine
        .json()
        .items.map((a: { code: string }) => a.code)
        .sort(),
    ).toEqual([tree.g11.code, tree.g21.code].sort());
  });

  it("lists children of a parent, and answers 404 for an area outside the actor's scope", async () => {
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const auth = await tokenFor(grid.username);
    expect((await app.inject({ url: `/api/areas/${tree.g11.code}`, headers: auth })).json()).toMatchObject({
      code: tree.g11.code,
      parent: tree.c1.code,
      level: "grid",
      can: { edit: false, import: false, viewTeam: true, manageTeam: false },
    });
    const hidden = await app.inject({ url: `/api/areas/${tree.g12.code}`, headers: auth });
    expect(hidden.statusCode).toBe(404);
    const missing = await app.inject({ url: `/api/areas/NO-SUCH-AREA`, headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(hidden.json().message).toEqual(missing.json().message);
    const dispatcher = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const children = await app.inject({
      url: `/api/areas?parent=${tree.c1.code}`,
      headers: await tokenFor(dispatcher.username),
    });
    expect(
      children
        .json()
        .items.map((a: { code: string }) => a.code)
        .sort(),
    ).toEqual([tree.g11.code, tree.g12.code].sort());
  });

  it("serves a subtree as GeoJSON, limited by depth and scope", async () => {
    const dispatcher = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const auth = await tokenFor(dispatcher.username);
    const polygon = {
      type: "Polygon",
      coordinates: [
        [
          [121.5, 29.8],
          [121.6, 29.8],
          [121.6, 29.9],
          [121.5, 29.8],
        ],
      ],
    };
    for (const a of [tree.street, tree.c1, tree.g11, tree.g12])
      await env.db.execute(
        sql`update areas set geometry = ${JSON.stringify(polygon)}::jsonb where id = ${a.id}`,
      );
    const one = await app.inject({ url: `/api/areas/${tree.street.code}/geojson?depth=1`, headers: auth });
    expect(one.statusCode).toBe(200);
    expect(one.json().type).toBe("FeatureCollection");
    expect(
      one.json().features.map((f: { id: string; geometry: unknown }) => [f.id, f.geometry !== null]),
    ).toEqual([
      [tree.street.code, true],
      [tree.c1.code, true],
      [tree.c2.code, false],
    ]);
    const all = await app.inject({ url: `/api/areas/${tree.c1.code}/geojson`, headers: auth });
    expect(
      all
        .json()
        .features.map((f: { properties: { code: string } }) => f.properties.code)
        .sort(),
    ).toEqual([tree.c1.code, tree.g11.code, tree.g12.code].sort());
    expect(all.json().features[1].properties).toMatchObject({ parent: tree.c1.code, level: "grid" });
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    expect(
      (
        await app.inject({
          url: `/api/areas/${tree.c1.code}/geojson`,
          headers: await tokenFor(grid.username),
        })
      ).statusCode,
    ).toBe(404);
  });

  it("tells the console which basemap to use: none unless configured", async () => {
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    expect(
      (await app.inject({ url: "/api/map/config", headers: await tokenFor(grid.username) })).json(),
    ).toEqual({ basemap: null });
  });

  it("residents do not browse areas", async () => {
    const resident = await buildUser(env, { roles: ["resident"], scopes: [tree.g11] });
    expect(
      (await app.inject({ url: "/api/areas", headers: await tokenFor(resident.username) })).statusCode,
    ).toBe(403);
  });
});
