import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildArea, buildTree, buildUser } from "../../../test/factories";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import * as repo from "./areas.repo";

let env: TestEnv;
let app: FastifyTypebox;
let admin: Record<string, string>;

const square = (x: number, y: number, s = 1) => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

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

const locate = async (lng: number, lat: number) =>
  (await app.inject({ url: `/api/areas/locate?lat=${lat}&lng=${lng}`, headers: admin })).json().area?.code ??
  null;

describe("area editing", () => {
  it("renames and redraws with history; locate follows the new boundary", async () => {
    const tree = await buildTree(env);
    const renamed = await app.inject({
      method: "PATCH",
      url: `/api/areas/${tree.g11.code}`,
      payload: { name: "新名字网格" },
      headers: admin,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe("新名字网格");
    expect(await locate(30.5, 30.5)).toBeNull();
    const redrawn = await app.inject({
      method: "PATCH",
      url: `/api/areas/${tree.g11.code}`,
      payload: { geometry: square(30, 30) },
      headers: admin,
    });
    expect(redrawn.statusCode).toBe(200);
    expect(await locate(30.5, 30.5)).toBe(tree.g11.code);
    const history = (await app.inject({ url: `/api/areas/${tree.g11.code}/history`, headers: admin })).json()
      .items;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(["redrawn", "renamed"]);
    const bad = await app.inject({
      method: "PATCH",
      url: `/api/areas/${tree.g11.code}`,
      payload: {
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
            ],
          ],
        },
      },
      headers: admin,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().problems[0].kind).toBe("ring_too_short");
    const audit = await queryRows(
      env.db,
      sql`select 1 from audit_log where action = 'area.edited' and subject_id = ${tree.g11.code}`,
    );
    expect(audit).toHaveLength(2); // the refused redraw wrote nothing
  });

  it("moves a subtree: every path below follows, and scopes follow their areas", async () => {
    const tree = await buildTree(env);
    const grid = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const res = await app.inject({
      method: "POST",
      url: `/api/areas/${tree.g11.code}/move`,
      payload: { parent: tree.c2.code },
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().path).toBe(`${tree.c2.path}${tree.g11.code}/`);
    const token = (await bearer(app, grid.username)).authorization.slice(7);
    const me = (await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } })).json();
    expect(me.scope.path).toBe(`${tree.c2.path}${tree.g11.code}/`);
    const cycle = await app.inject({
      method: "POST",
      url: `/api/areas/${tree.c1.code}/move`,
      payload: { parent: tree.g12.code },
      headers: admin,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe("AREA_MOVE_CYCLE");
    const order = await app.inject({
      method: "POST",
      url: `/api/areas/${tree.c1.code}/move`,
      payload: { parent: tree.c2.code },
      headers: admin,
    });
    expect(order.json().code).toBe("AREA_LEVEL_ORDER");
  });

  it("is for administrators; others get 403, unknown areas 404", async () => {
    const tree = await buildTree(env);
    const d = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const token = (await bearer(app, d.username)).authorization.slice(7);
    expect(
      (
        await app.inject({
          method: "PATCH",
          url: `/api/areas/${tree.g11.code}`,
          payload: { name: "x" },
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: "PATCH", url: `/api/areas/NOPE`, payload: { name: "x" }, headers: admin }))
        .statusCode,
    ).toBe(404);
  });
});

describe("split and merge", () => {
  it("splits a grid: children follow their part, scopes go to the part holding the old centre, the old grid retires", async () => {
    const tree = await buildTree(env);
    await app.inject({
      method: "PATCH",
      url: `/api/areas/${tree.g11.code}`,
      payload: { geometry: square(50, 50, 2) },
      headers: admin,
    });
    const kid = await buildArea(env, { level: "micro_grid", parent: (await findArea(tree.g11.code))! });
    await env.db.execute(sql`update areas set center_lat = 51.5, center_lng = 51.5 where id = ${kid.id}`);
    const worker = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const res = await app.inject({
      method: "POST",
      url: `/api/areas/${tree.g11.code}/split`,
      payload: {
        parts: [
          {
            code: `${tree.g11.code}-W`,
            name: "西半",
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [50, 50],
                  [51, 50],
                  [51, 52],
                  [50, 52],
                  [50, 50],
                ],
              ],
            },
          },
          {
            code: `${tree.g11.code}-E`,
            name: "东半",
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [51, 50],
                  [52, 50],
                  [52, 52],
                  [51, 52],
                  [51, 50],
                ],
              ],
            },
          },
        ],
      },
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().retired).toBe(tree.g11.code);
    expect((await findArea(kid.code))!.path).toBe(`${tree.c1.path}${tree.g11.code}-E/${kid.code}/`);
    expect(await locate(50.5, 51)).toBe(`${tree.g11.code}-W`);
    const children = (await app.inject({ url: `/api/areas?parent=${tree.c1.code}`, headers: admin }))
      .json()
      .items.map((a: { code: string }) => a.code);
    expect(children).not.toContain(tree.g11.code);
    expect(children).toEqual(expect.arrayContaining([`${tree.g11.code}-W`, `${tree.g11.code}-E`]));
    const token = (await bearer(app, worker.username)).authorization.slice(7);
    expect(
      (await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } })).json().scope.code,
    ).toBe(`${tree.g11.code}-W`);
    expect((await findArea(tree.g11.code))!.validTo).not.toBeNull();
  });

  it("merges siblings into one: a MultiPolygon, children moved, the others retired", async () => {
    const tree = await buildTree(env);
    await app.inject({
      method: "PATCH",
      url: `/api/areas/${tree.g11.code}`,
      payload: { geometry: square(60, 60) },
      headers: admin,
    });
    await app.inject({
      method: "PATCH",
      url: `/api/areas/${tree.g12.code}`,
      payload: { geometry: square(61, 60) },
      headers: admin,
    });
    const kid = await buildArea(env, { level: "micro_grid", parent: (await findArea(tree.g12.code))! });
    const res = await app.inject({
      method: "POST",
      url: "/api/areas/merge",
      payload: { codes: [tree.g11.code, tree.g12.code], into: tree.g11.code },
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      area: { code: tree.g11.code, name: expect.any(String) },
      retired: [tree.g12.code],
    });
    expect(await locate(61.5, 60.5)).toBe(tree.g11.code);
    expect((await findArea(kid.code))!.path).toBe(`${tree.c1.path}${tree.g11.code}/${kid.code}/`);
    const notSiblings = await app.inject({
      method: "POST",
      url: "/api/areas/merge",
      payload: { codes: [tree.g11.code, tree.g21.code], into: tree.g11.code },
      headers: admin,
    });
    expect(notSiblings.json().code).toBe("MERGE_NOT_SIBLINGS");
  });
});

const findArea = (code: string) => repo.findByCode(env.db, code);
