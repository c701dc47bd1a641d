import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildArea, buildDepartment, buildTree, buildUser, PASSWORD } from "../../../test/factories";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import type { Role } from "../../core/actor";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let admin: Record<string, string>;
let n = 0;

async function tokenFor(username: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/token",
    payload: { username, password: PASSWORD },
  });
  return { authorization: `Bearer ${res.json().token}` };
}
const as = async (roles: Role[], scopes: { code: string }[] = [tree.street]) =>
  tokenFor((await buildUser(env, { roles, scopes })).username);

const uniqueCode = (p: string) => `${p}${Date.now().toString(36)}${n++}`;
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
const fc = (features: { code: string; name?: string; geometry: unknown; station?: string }[]) => ({
  type: "FeatureCollection",
  features: features.map((f) => ({
    type: "Feature",
    properties: { pid: f.code, pname: f.name ?? `警务区 ${f.code}`, ...(f.station ? { st: f.station } : {}) },
    geometry: f.geometry,
  })),
});

const create = (payload: object, headers = admin) =>
  app.inject({ method: "POST", url: "/api/police-districts", payload, headers });
const putGrids = (code: string, gridCodes: string[], headers = admin) =>
  app.inject({ method: "PUT", url: `/api/police-districts/${code}/grids`, payload: { gridCodes }, headers });
const putOfficers = (code: string, usernames: string[], headers = admin) =>
  app.inject({
    method: "PUT",
    url: `/api/police-districts/${code}/officers`,
    payload: { usernames },
    headers,
  });

async function auditOf(action: string, subjectId?: string) {
  return queryRows<{ changes: Record<string, { before?: unknown; after?: unknown }>; subject_id: string }>(
    env.db,
    subjectId
      ? sql`select changes, subject_id from audit_log where action = ${action} and subject_id = ${subjectId} order by id`
      : sql`select changes, subject_id from audit_log where action = ${action} order by id`,
  );
}
const idOf = async (code: string) =>
  (await queryRows<{ id: string }>(env.db, sql`select id from police_districts where code = ${code}`))[0]!.id;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  admin = await tokenFor((await buildUser(env, { roles: ["admin"] })).username);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("creating a police district", () => {
  it("creates one with its station and boundary, audited with a digest of the boundary", async () => {
    const station = await buildDepartment(env);
    const code = uniqueCode("PD");
    const res = await create({
      code,
      name: "东胜警务区",
      station: station.code,
      geometry: square(121.5, 29.8, 0.1),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code,
      name: "东胜警务区",
      station: { code: station.code, name: station.name },
      hasGeometry: true,
      grids: [],
      officers: [],
      warnings: [],
      can: { manage: true },
    });
    expect(res.json().geometry.type).toBe("Polygon");
    const [audit] = await auditOf("police_district.created", await idOf(code));
    expect(audit!.changes.code).toEqual({ before: null, after: code });
    expect(audit!.changes.station).toEqual({ before: null, after: station.code });
    expect(audit!.changes.geometry!.after).toMatch(/^[0-9a-f]{16}$/);
  });

  it("refuses a taken code (409), an unusable boundary (422 with problems), an unknown station (422), a bad body (400)", async () => {
    const code = uniqueCode("PD");
    expect((await create({ code, name: "A" })).statusCode).toBe(201);
    const dup = await create({ code, name: "B" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("POLICE_DISTRICT_EXISTS");

    const open = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    const bad = await create({ code: uniqueCode("PD"), name: "C", geometry: open });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "POLICE_DISTRICT_GEOMETRY_INVALID", field: "geometry" });
    expect(bad.json().problems.map((p: { kind: string }) => p.kind)).toContain("ring_not_closed");
    const point = await create({
      code: uniqueCode("PD"),
      name: "D",
      geometry: { type: "Point", coordinates: [0, 0] },
    });
    expect(point.json().problems.map((p: { kind: string }) => p.kind)).toEqual(["geometry_type"]);

    const noStation = await create({ code: uniqueCode("PD"), name: "E", station: "NO-SUCH-DEPT" });
    expect(noStation.statusCode).toBe(422);
    expect(noStation.json().code).toBe("UNKNOWN_STATION");
    expect((await create({ code: uniqueCode("PD") })).statusCode).toBe(400);
    const created = await queryRows(
      env.db,
      sql`select 1 from police_districts where name in ('C', 'D', 'E')`,
    );
    expect(created).toHaveLength(0);
  });

  it("is for administrators only", async () => {
    const res = await create({ code: uniqueCode("PD"), name: "X" }, await as(["dispatcher"]));
    expect(res.statusCode).toBe(403);
  });
});

describe("importing police districts", () => {
  it("imports a file, changes nothing on a second import, and records an updated name with before/after", async () => {
    const station = await buildDepartment(env);
    const [a, b] = [uniqueCode("PI"), uniqueCode("PI")];
    const url = "/api/police-districts/import?codeProp=pid&nameProp=pname&stationProp=st";
    const file = fc([
      { code: a, geometry: square(100, 30), station: station.code },
      { code: b, geometry: square(101, 30) },
    ]);
    const first = await app.inject({ method: "POST", url, payload: file, headers: admin });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ features: 2, created: 2, updated: 0, unchanged: 0, warnings: [] });
    const again = await app.inject({ method: "POST", url, payload: file, headers: admin });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const renamed = fc([
      { code: a, name: "新名称", geometry: square(100, 30), station: station.code },
      { code: b, geometry: square(101, 30) },
    ]);
    expect(
      (await app.inject({ method: "POST", url, payload: renamed, headers: admin })).json(),
    ).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    const view = await app.inject({ url: `/api/police-districts/${a}`, headers: admin });
    expect(view.json()).toMatchObject({ name: "新名称", station: { code: station.code } });
    const audits = await auditOf("police_district.imported");
    const last = audits.at(-1)!.changes;
    expect(last.districts!.before).toEqual({ [a]: expect.objectContaining({ name: `警务区 ${a}` }) });
    expect(last.districts!.after).toEqual({
      [a]: expect.objectContaining({ name: "新名称", station: station.code }),
    });
    expect(last.updated).toEqual({ before: null, after: 1 });
  });

  it("refuses the whole file when one polygon is unusable, and overlaps when strict", async () => {
    const [a, b] = [uniqueCode("PX"), uniqueCode("PX")];
    const url = "/api/police-districts/import?codeProp=pid&nameProp=pname";
    const broken = fc([
      { code: a, geometry: square(110, 30) },
      {
        code: b,
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        },
      },
    ]);
    const res = await app.inject({ method: "POST", url, payload: broken, headers: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      expect.objectContaining({ featureIndex: 1, kind: "ring_too_short" }),
    ]);
    expect(await queryRows(env.db, sql`select 1 from police_districts where code = ${a}`)).toHaveLength(0);

    const overlapping = fc([
      { code: a, geometry: square(110, 30, 2) },
      { code: b, geometry: square(111, 31, 2) },
    ]);
    const strict = await app.inject({
      method: "POST",
      url: `${url}&strict=true`,
      payload: overlapping,
      headers: admin,
    });
    expect(strict.statusCode).toBe(422);
    expect(strict.json().code).toBe("POLICE_DISTRICT_GEOMETRY_WARNINGS");
    const unknownStation = await app.inject({
      method: "POST",
      url: `${url}&stationProp=st`,
      payload: fc([{ code: a, geometry: square(110, 30), station: "NOPE" }]),
      headers: admin,
    });
    expect(unknownStation.json()).toMatchObject({ code: "UNKNOWN_STATION", codes: ["NOPE"] });
    const lenient = await app.inject({ method: "POST", url, payload: overlapping, headers: admin });
    expect(lenient.json().warnings.map((w: { kind: string }) => w.kind)).toContain("sibling_overlap");
  });
});

describe("grids and officers of a district", () => {
  it("maps grids, moves a grid from another district with both sides recorded, and refuses non-grids", async () => {
    const [p1, p2] = [uniqueCode("PG"), uniqueCode("PG")];
    await create({ code: p1, name: "一号" });
    await create({ code: p2, name: "二号" });
    const first = await putGrids(p1, [tree.g11.code, tree.g12.code]);
    expect(first.statusCode).toBe(200);
    expect(
      first
        .json()
        .grids.map((g: { code: string }) => g.code)
        .sort(),
    ).toEqual([tree.g11.code, tree.g12.code].sort());
    const [set] = await auditOf("police_district.grids_changed", await idOf(p1));
    expect(set!.changes.grids).toEqual({ before: [], after: [tree.g11.code, tree.g12.code].sort() });

    const moved = await putGrids(p2, [tree.g12.code]);
    expect(moved.json().grids).toEqual([{ code: tree.g12.code, name: tree.g12.name }]);
    const one = await app.inject({ url: `/api/police-districts/${p1}`, headers: admin });
    expect(one.json().grids).toEqual([{ code: tree.g11.code, name: tree.g11.name }]);
    const [toP2] = await auditOf("police_district.grids_changed", await idOf(p2));
    expect(toP2!.changes.movedFrom).toEqual({ before: null, after: { [p1]: [tree.g12.code] } });
    const fromP1 = (await auditOf("police_district.grids_changed", await idOf(p1))).at(-1)!;
    expect(fromP1.changes.grids).toEqual({
      before: [tree.g11.code, tree.g12.code].sort(),
      after: [tree.g11.code],
    });
    expect(fromP1.changes.movedTo).toEqual({ before: null, after: { [p2]: [tree.g12.code] } });

    const community = await putGrids(p1, [tree.c1.code]);
    expect(community.statusCode).toBe(422);
    expect(community.json()).toMatchObject({ code: "NOT_A_GRID", codes: [tree.c1.code] });
    const unknown = await putGrids(p1, ["NO-SUCH-GRID"]);
    expect(unknown.json()).toMatchObject({ code: "UNKNOWN_GRID", codes: ["NO-SUCH-GRID"] });
    expect((await putGrids("NO-SUCH-PD", [tree.g11.code])).statusCode).toBe(404);
    expect((await putGrids(p1, [tree.g11.code], await as(["leader"]))).statusCode).toBe(403);
  });

  it("an administrator of one community neither maps nor unmaps grids outside it", async () => {
    const code = uniqueCode("PS");
    await create({ code, name: "范围" });
    await putGrids(code, [tree.g21.code]);
    const local = await as(["admin"], [tree.c1]);
    const outside = await putGrids(code, [tree.g21.code, tree.g11.code], local);
    expect(outside.json()).toMatchObject({ code: "UNKNOWN_GRID", codes: [tree.g21.code] });
    const res = await putGrids(code, [tree.g11.code], local);
    expect(res.json().grids).toEqual([{ code: tree.g11.code, name: tree.g11.name }]); // g21 is out of its sight
    const all = await app.inject({ url: `/api/police-districts/${code}`, headers: admin });
    expect(
      all
        .json()
        .grids.map((g: { code: string }) => g.code)
        .sort(),
    ).toEqual([tree.g11.code, tree.g21.code].sort());
  });

  it("sets officers who have the police role, and refuses others (422)", async () => {
    const code = uniqueCode("PO");
    await create({ code, name: "民警" });
    const cop = await buildUser(env, { roles: ["police"], scopes: [tree.street] });
    const worker = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const ok = await putOfficers(code, [cop.username]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().officers).toEqual([{ username: cop.username, displayName: `用户 ${cop.username}` }]);
    const [audit] = await auditOf("police_district.officers_changed", await idOf(code));
    expect(audit!.changes.officers).toEqual({ before: [], after: [cop.username] });
    const wrong = await putOfficers(code, [cop.username, worker.username]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: "NOT_POLICE", usernames: [worker.username] });
    expect((await putOfficers(code, ["nobody-here"])).json().code).toBe("UNKNOWN_USER");
    expect((await putOfficers(code, [])).json().officers).toEqual([]);
    expect(await auditOf("police_district.officers_changed", await idOf(code))).toHaveLength(2);
  });
});

describe("reading police districts", () => {
  it("lists every district with only the grids in the reader's scope; residents may not", async () => {
    const station = await buildDepartment(env);
    const code = uniqueCode("PR");
    await create({ code, name: "读取", station: station.code });
    await putGrids(code, [tree.g11.code, tree.g12.code]);
    const cop = await buildUser(env, { roles: ["police"], scopes: [tree.street] });
    await putOfficers(code, [cop.username]);
    const worker = await as(["grid_worker"], [tree.g11]);
    const list = await app.inject({ url: "/api/police-districts", headers: worker });
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((d: { code: string }) => d.code === code);
    expect(mine).toEqual({
      code,
      name: "读取",
      station: { code: station.code, name: station.name },
      hasGeometry: false,
      grids: [{ code: tree.g11.code, name: tree.g11.name }],
      officers: [{ username: cop.username, displayName: `用户 ${cop.username}` }],
      can: { manage: false },
    });
    expect(
      (await app.inject({ url: `/api/police-districts/${code}`, headers: worker })).json().geometry,
    ).toBeNull();
    expect((await app.inject({ url: "/api/police-districts/NOPE", headers: worker })).statusCode).toBe(404);
    expect(
      (await app.inject({ url: "/api/police-districts", headers: await as(["resident"]) })).statusCode,
    ).toBe(403);
  });

  it("finds a grid's district by its mapping, a micro-grid's by its grid's, else by the boundary holding its centre", async () => {
    const street = await buildArea(env, { level: "street" });
    const community = await buildArea(env, { level: "community", parent: street });
    const mapped = await buildArea(env, { level: "grid", parent: community });
    const micro = await buildArea(env, { level: "micro_grid", parent: mapped });
    const inside = await buildArea(env, { level: "grid", parent: community });
    const nowhere = await buildArea(env, { level: "grid", parent: community });
    await env.db.execute(sql`update areas set center_lat = 45.5, center_lng = 130.5 where id = ${inside.id}`);
    await env.db.execute(sql`update areas set center_lat = 10.5, center_lng = 10.5 where id = ${nowhere.id}`);
    const [byMap, byShape] = [uniqueCode("PM"), uniqueCode("PM")];
    await create({ code: byMap, name: "映射" });
    await create({ code: byShape, name: "边界", geometry: square(130, 45) });
    await putGrids(byMap, [mapped.code]);

    const reader = await as(["dispatcher"], [street]);
    const of = (code: string, headers = reader) =>
      app.inject({ url: `/api/areas/${code}/police-district`, headers });
    expect((await of(mapped.code)).json().policeDistrict).toMatchObject({ code: byMap, via: "mapping" });
    expect((await of(micro.code)).json().policeDistrict).toMatchObject({ code: byMap, via: "mapping" });
    expect((await of(inside.code)).json().policeDistrict).toMatchObject({
      code: byShape,
      name: "边界",
      via: "polygon",
    });
    expect((await of(nowhere.code)).json()).toEqual({ policeDistrict: null });
    const elsewhere = await as(["grid_worker"], [tree.g11]);
    expect((await of(mapped.code, elsewhere)).statusCode).toBe(404);
    expect((await of("NO-SUCH-AREA")).statusCode).toBe(404);
  });
});
