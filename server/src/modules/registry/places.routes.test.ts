import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { Role } from "../../core/actor";
import { queryRows } from "../../db/database";
import { persons } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";
import { bumpAreasVersion, locatorFor } from "../areas/locator";
import { creditCodeCheckChar, orgCodeCheckChar } from "./codes/credit-code";
import { sealPhone } from "./sensitive";
import { findThingByDevice } from "./things";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let admin: Record<string, string>;
let worker11: Record<string, string>;
let worker21: Record<string, string>;

/** A square around (121.5–121.6, 29.8–29.9): grid g11's boundary. */
const INSIDE = { lat: 29.85, lng: 121.55 };
const OUTSIDE = { lat: 31.2, lng: 121.47 };

const as = async (roles: Role[], scopes: { code: string }[]) =>
  bearer(app, (await buildUser(env, { roles, scopes })).username);
const post = (url: string, payload: object, headers = admin) =>
  app.inject({ method: "POST", url, payload, headers });
const patch = (url: string, payload: object, headers = admin) =>
  app.inject({ method: "PATCH", url, payload, headers });
const get = (url: string, headers = admin) => app.inject({ url, headers });

const auditOf = (action: string, id: string) =>
  queryRows<{ changes: Record<string, Record<string, unknown>>; reason: string | null }>(
    env.db,
    sql`select changes, reason from audit_log where action = ${action} and subject_id = ${id} order by id`,
  );
const changesOf = (type: string, id: string) =>
  queryRows<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }>(
    env.db,
    sql`select action, before, after from registry_changes where subject_type = ${type} and subject_id = ${id} order by id`,
  );

/** A valid unified social credit code for an 8-character organisation body. */
function creditCode(org: string): string {
  const body = `91330212${org}${orgCodeCheckChar(org)}`;
  return body + creditCodeCheckChar(body);
}

async function person(name: string, area: { id: string; path: string }, phone = "13812345678") {
  const p = sealPhone(env.keyring, phone);
  const [row] = await env.db
    .insert(persons)
    .values({
      name,
      idMasked: "330212********1234",
      idTail: "1234",
      phoneEnc: p.enc,
      phoneIndex: p.index,
      phoneMasked: p.masked,
      phoneTail: p.tail,
      areaId: area.id,
      areaPath: area.path,
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  const square = {
    type: "Polygon",
    coordinates: [
      [
        [121.5, 29.8],
        [121.6, 29.8],
        [121.6, 29.9],
        [121.5, 29.9],
        [121.5, 29.8],
      ],
    ],
  };
  await env.db.execute(
    sql`update areas set geometry = ${JSON.stringify(square)}::jsonb where id = ${tree.g11.id}`,
  );
  await bumpAreasVersion(env.db);
  locatorFor(env).invalidate();
  admin = await as(["admin"], []);
  worker11 = await as(["grid_worker"], [tree.g11]);
  worker21 = await as(["grid_worker"], [tree.g21]);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("houses and buildings", () => {
  it("locates a house by its point to the smallest area, and refuses one outside every area (422)", async () => {
    const res = await post("/api/houses", { address: "龙发花园 3 幢 201", ...INSIDE }, worker11);
    expect(res.statusCode).toBe(201);
    expect(res.json().area).toEqual({ code: tree.g11.code, name: tree.g11.name });
    const [audit] = await auditOf("house.created", res.json().id);
    expect(audit!.changes.address).toEqual({ before: null, after: "龙发花园 3 幢 201" });

    const outside = await post("/api/houses", { address: "外滩 1 号", ...OUTSIDE }, worker11);
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: "OUTSIDE_AREAS", field: "lat" });
    const nowhere = await post("/api/houses", { address: "无坐标的地址" }, worker11);
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json()).toMatchObject({ code: "OUTSIDE_AREAS", field: "address" });
    const notMine = await post("/api/houses", { address: "别人的网格", areaCode: tree.g21.code }, worker11);
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json()).toMatchObject({ code: "AREA_OUT_OF_SCOPE", field: "areaCode" });
  });

  it("shows the owner masked, reveals the phone only with a reason, and audits the reveal", async () => {
    const owner = await person("王业主", tree.g11, "13912345678");
    const house = (
      await post("/api/houses", {
        address: "龙发花园 5 幢 302",
        areaCode: tree.g11.code,
        ownerPersonId: owner.id,
      })
    ).json();
    expect(house.owner).toEqual({
      id: owner.id,
      name: "王业主",
      idMasked: "330212********1234",
      phoneMasked: "139****5678",
    });
    expect(house.can.revealOwnerPhone).toBe(true);
    const short = await post(`/api/houses/${house.id}/reveal-owner-phone`, { reason: "急" }, worker11);
    expect(short.statusCode).toBe(400);
    const res = await post(
      `/api/houses/${house.id}/reveal-owner-phone`,
      { reason: "3 幢冒烟，联系业主开门" },
      worker11,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ personId: owner.id, name: "王业主", phone: "13912345678" });
    const [audit] = await auditOf("person.phone_revealed", owner.id);
    expect(audit!.reason).toBe("3 幢冒烟，联系业主开门");
    expect(JSON.stringify(audit)).not.toContain("13912345678");
    // another grid's worker sees neither the house nor its owner
    expect((await get(`/api/houses/${house.id}`, worker21)).statusCode).toBe(404);
    const other = await post(
      `/api/houses/${house.id}/reveal-owner-phone`,
      { reason: "想看看电话号码" },
      worker21,
    );
    expect(other.statusCode).toBe(404);
    const list = await get(`/api/houses?q=${encodeURIComponent("龙发花园 5")}`, worker21);
    expect(list.json().total).toBe(0);
  });

  it("keeps clearing the group-rental flag as its own change with the reason; a stale version is 409", async () => {
    const house = (
      await post("/api/houses", { address: "筒子楼 12 号", areaCode: tree.g11.code, isGroupRental: true })
    ).json();
    const cleared = await patch(`/api/houses/${house.id}`, {
      version: house.version,
      isGroupRental: false,
      reason: "隔断已拆除，复查合格",
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ isGroupRental: false, version: house.version + 1 });
    const history = await changesOf("house", house.id);
    expect(history.map((h) => h.action)).toEqual(["created", "group_rental_cleared"]);
    expect(history[1]!.before.isGroupRental).toBe(true);
    expect(history[1]!.after.isGroupRental).toBe(false);
    const [audit] = await auditOf("house.group_rental_cleared", house.id);
    expect(audit!.reason).toBe("隔断已拆除，复查合格");
    const stale = await patch(`/api/houses/${house.id}`, { version: house.version, use: "commercial" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("VERSION_CONFLICT");
  });

  it("records tenancies: the house becomes rented, overlaps are refused, a stay ends once", async () => {
    const tenant = await person("李租客", tree.g11);
    const house = (await post("/api/houses", { address: "出租屋 8 号", areaCode: tree.g11.code })).json();
    const t = await post(`/api/houses/${house.id}/tenancies`, { personId: tenant.id, startOn: "2024-03-01" });
    expect(t.statusCode).toBe(201);
    expect(t.json()).toMatchObject({
      person: { name: "李租客" },
      startOn: "2024-03-01",
      endOn: null,
      current: true,
    });
    expect((await get(`/api/houses/${house.id}`)).json().isRented).toBe(true);
    const again = await post(`/api/houses/${house.id}/tenancies`, {
      personId: tenant.id,
      startOn: "2024-06-01",
    });
    expect(again.statusCode).toBe(409);
    const ended = await post(`/api/houses/${house.id}/tenancies/${t.json().id}/end`, { on: "2024-02-01" });
    expect(ended.statusCode).toBe(400);
    const ok = await post(`/api/houses/${house.id}/tenancies/${t.json().id}/end`, { on: "2024-09-30" });
    expect(ok.json()).toMatchObject({ endOn: "2024-09-30", current: false });
    expect(
      (await post(`/api/houses/${house.id}/tenancies/${t.json().id}/end`, { on: "2024-10-01" })).statusCode,
    ).toBe(422);
    expect((await changesOf("house", house.id)).map((h) => h.action)).toEqual([
      "created",
      "tenant_added",
      "tenant_left",
    ]);

    const resident = await person("赵住户", tree.g11);
    await env.db.execute(sql`update persons set house_id = ${house.id} where id = ${resident.id}`);
    await post("/api/things", { kind: "extinguisher", houseId: house.id, label: "厨房灭火器" });
    const file = await get(`/api/houses/${house.id}/file`, worker11);
    expect(file.statusCode).toBe(200);
    expect(file.json().residents.map((r: { name: string }) => r.name)).toEqual(["赵住户"]);
    expect(file.json().tenancies).toHaveLength(1);
    const things = file.json().sections.find((s: { key: string }) => s.key === "things");
    expect(things).toMatchObject({ total: 1, items: [{ title: "灭火器 · 厨房灭火器" }] });
  });

  it("rates a high-rise in stars from the checklist, capped when an essential item fails", async () => {
    const b = (
      await post("/api/buildings", { name: "龙发花园 1 幢", floors: 18, areaCode: tree.g11.code })
    ).json();
    expect(b.isHighRise).toBe(true);
    const criteria = (await get("/api/buildings/rating-criteria")).json().items as { code: string }[];
    const all = Object.fromEntries(criteria.map((c) => [c.code, true]));
    const five = await post(`/api/buildings/${b.id}/rating`, { criteria: all, note: "年度评定" });
    expect(five.statusCode).toBe(200);
    expect(five.json()).toMatchObject({ starRating: 5, rating: { stars: 5, essentialMissed: [] } });
    const noPassage = await post(`/api/buildings/${b.id}/rating`, {
      criteria: { ...all, fire_passages_clear: false },
    });
    expect(noPassage.json()).toMatchObject({
      starRating: 2,
      rating: { essentialMissed: ["fire_passages_clear"] },
    });
    const fewer = { ...all, fire_doors_closed: false, smoke_sensors: false, safety_publicity: false };
    expect((await post(`/api/buildings/${b.id}/rating`, { criteria: fewer })).json().starRating).toBe(3);
    const history = (await get(`/api/buildings/${b.id}/ratings`)).json().items;
    expect(history.map((r: { value: string }) => r.value)).toEqual(["3", "2", "5"]);

    const unknown = await post(`/api/buildings/${b.id}/rating`, { criteria: { ...all, has_pool: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe("criteria.has_pool");
    const { fire_passages_clear: _, ...missing } = all;
    expect((await post(`/api/buildings/${b.id}/rating`, { criteria: missing })).json().field).toBe(
      "criteria.fire_passages_clear",
    );
    const low = (await post("/api/buildings", { name: "平房", floors: 2, areaCode: tree.g11.code })).json();
    expect((await post(`/api/buildings/${low.id}/rating`, { criteria: all })).statusCode).toBe(422);
    expect((await changesOf("building", b.id)).filter((c) => c.action === "rated")).toHaveLength(3);
  });
});

describe("places", () => {
  it("names creditCode when the checksum is wrong and refuses a second active place with the same code", async () => {
    const good = creditCode("MA2H3J4K");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const res = await post("/api/places", {
      name: "平安酒吧",
      kind: "bar",
      creditCode: bad,
      areaCode: tree.g11.code,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: "creditCode", code: "CC_CHECKSUM" });
    const kind = await post("/api/places", { name: "平安酒吧", kind: "casino", areaCode: tree.g11.code });
    expect(kind.json()).toMatchObject({ field: "kind", code: "UNKNOWN_CODE" });

    const first = await post("/api/places", {
      name: "平安酒吧",
      kind: "bar",
      creditCode: good.toLowerCase(),
      areaCode: tree.g11.code,
      responsibleName: "钱老板",
      responsiblePhone: "13700001111",
      safetyManagerName: "孙经理",
      safetyManagerPhone: "0574-87651234",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      creditCode: good,
      responsible: { name: "钱老板", phone: "137****1111" },
      safetyManager: { name: "孙经理", phone: "0574-****1234" },
    });
    expect(JSON.stringify(first.json())).not.toContain("13700001111");
    const [audit] = await auditOf("place.created", first.json().id);
    expect(audit!.changes.responsiblePhoneEnc).toMatchObject({ changed: true });
    const dup = await post("/api/places", {
      name: "另一家",
      kind: "shop",
      creditCode: good,
      areaCode: tree.g11.code,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "DUPLICATE_CREDIT_CODE", field: "creditCode" });

    const reveal = await post(
      `/api/places/${first.json().id}/reveal-phone`,
      { reason: "夜间巡查联系平安经理", whom: "safety_manager" },
      worker11,
    );
    expect(reveal.json()).toEqual({ name: "孙经理", phone: "0574-87651234" });
    expect((await auditOf("place.phone_revealed", first.json().id))[0]!.reason).toBe("夜间巡查联系平安经理");

    // a closed place frees its credit code, leaves the lists and keeps its file
    const bogus = await post(`/api/places/${first.json().id}/deregister`, { reason: "vanished" });
    expect(bogus.json()).toMatchObject({ field: "reason", code: "UNKNOWN_CODE" });
    const closed = await post(`/api/places/${first.json().id}/deregister`, {
      reason: "closed",
      note: "已停业",
    });
    expect(closed.json()).toMatchObject({ status: "deregistered" });
    expect((await get(`/api/places?q=${encodeURIComponent("平安酒吧")}`)).json().total).toBe(0);
    expect((await get(`/api/places/${first.json().id}`)).json().status).toBe("deregistered");
    const reopened = await post("/api/places", {
      name: "新平安酒吧",
      kind: "bar",
      creditCode: good,
      areaCode: tree.g11.code,
    });
    expect(reopened.statusCode).toBe(201);
    expect((await auditOf("place.deregistered", first.json().id))[0]!.reason).toBe("已停业");
  });

  it("keeps the colour history (黄牌升绿牌) and filters places by colour and safety manager", async () => {
    const place = (
      await post("/api/places", {
        name: "东胜小吃",
        kind: "restaurant",
        areaCode: tree.g11.code,
        colour: "red",
      })
    ).json();
    expect(place.colour).toBe("red");
    const yellow = await post(
      `/api/places/${place.id}/rating`,
      { colour: "yellow", reason: "整改过半" },
      worker11,
    );
    expect(yellow.statusCode).toBe(200);
    const green = await post(
      `/api/places/${place.id}/rating`,
      { colour: "green", reason: "复查合格，黄牌升绿牌", criteria: { fireExits: true } },
      worker11,
    );
    expect(green.json()).toMatchObject({ colour: "green", version: place.version + 2 });
    const history = (await get(`/api/places/${place.id}/ratings`)).json().items;
    expect(history.map((r: { value: string; reason: string }) => [r.value, r.reason])).toEqual([
      ["green", "复查合格，黄牌升绿牌"],
      ["yellow", "整改过半"],
      ["red", "登记时评定"],
    ]);
    expect(history[0].criteria).toEqual({ fireExits: true });
    const rated = (await changesOf("place", place.id)).filter((c) => c.action === "rated");
    expect(rated.map((c) => [c.before.colour, c.after.colour])).toEqual([
      ["red", "yellow"],
      ["yellow", "green"],
    ]);
    expect(
      (await post(`/api/places/${place.id}/rating`, { colour: "red", reason: "越权评定" }, worker21))
        .statusCode,
    ).toBe(404);

    const greens = (await get(`/api/places?colour=green&areaCode=${tree.g11.code}`)).json();
    expect(greens.items.map((p: { id: string }) => p.id)).toEqual([place.id]);
    const manager = await person("周平安", tree.g11, "13655556666");
    const cafe = await post("/api/places", {
      name: "网吧夜班",
      kind: "internet_cafe",
      areaCode: tree.g11.code,
      safetyManagerPersonId: manager.id,
    });
    expect(cafe.json().safetyManager).toEqual({ personId: manager.id, name: "周平安", phone: "136****6666" });
    const withManager = (await get("/api/places?hasSafetyManager=true"))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(withManager).toContain("网吧夜班");
    expect(withManager).not.toContain("东胜小吃");

    const file = (await get(`/api/places/${place.id}/file`)).json();
    expect(file.sections.find((s: { key: string }) => s.key === "ratings").total).toBe(3);
  });
});

describe("things", () => {
  it("takes its area from its place, keeps device ids unique, and moves inspection dates", async () => {
    const place = (
      await post("/api/places", { name: "网吧", kind: "internet_cafe", areaCode: tree.g11.code })
    ).json();
    const res = await post(
      "/api/things",
      { kind: "smoke_sensor", placeId: place.id, deviceId: "SMK-0001", nextInspectionOn: "2024-01-10" },
      worker11,
    );
    expect(res.statusCode).toBe(201);
    const thing = res.json();
    expect(thing.area.code).toBe(tree.g11.code);
    expect(
      (await post("/api/things", { kind: "smoke_sensor", placeId: place.id, deviceId: "SMK-0001" })).json(),
    ).toMatchObject({ code: "DUPLICATE_DEVICE_ID", field: "deviceId" });
    const found = await findThingByDevice(env.db, "SMK-0001");
    expect(found).toMatchObject({
      id: thing.id,
      place: { id: place.id, name: "网吧" },
      areaPath: tree.g11.path,
    });
    expect(await findThingByDevice(env.db, "NOPE")).toBeUndefined();

    const due = (await get("/api/things?dueBefore=2024-02-01&kind=smoke_sensor", worker11)).json();
    expect(due.items.map((t: { id: string }) => t.id)).toContain(thing.id);
    expect((await get("/api/things?dueBefore=2024-02-01&kind=smoke_sensor", worker21)).json().total).toBe(0);

    const inspected = await post(`/api/things/${thing.id}/inspections`, { on: "2024-01-08", result: "pass" });
    expect(inspected.json()).toMatchObject({ lastInspectedOn: "2024-01-08", nextInspectionOn: "2024-04-07" });
    const detail = (await get(`/api/things/${thing.id}`)).json();
    expect(detail.inspections).toEqual([
      expect.objectContaining({ on: "2024-01-08", result: "pass", nextOn: "2024-04-07" }),
    ]);
    expect(
      (await get("/api/things?dueBefore=2024-02-01&kind=smoke_sensor"))
        .json()
        .items.map((t: { id: string }) => t.id),
    ).not.toContain(thing.id);
    const file = (await get(`/api/places/${place.id}/file`)).json();
    expect(file.sections.find((s: { key: string }) => s.key === "things").total).toBe(1);
  });
});
