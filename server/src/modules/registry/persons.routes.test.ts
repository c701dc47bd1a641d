import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { Role } from "../../core/actor";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { residentIdCheckDigit } from "./codes/id-documents";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dispatcher: Record<string, string>;
let worker11: Record<string, string>;
let worker21: Record<string, string>;

const idOf = (body: string) => body + residentIdCheckDigit(body);
let seq = 100;
/** A fresh valid resident ID born on the given day (sequence odd → male). */
const newId = (birth = "19850315") => idOf(`330212${birth}${seq++}`);
let phoneSeq = 10_000_000;
const newPhone = () => `139${phoneSeq++}`;

const as = async (roles: Role[], scopes: { code: string }[]) =>
  bearer(app, (await buildUser(env, { roles, scopes })).username);
const post = (url: string, payload: object, headers = dispatcher) =>
  app.inject({ method: "POST", url, payload, headers });
const get = (url: string, headers = dispatcher) => app.inject({ method: "GET", url, headers });
const create = (payload: object, headers = dispatcher) => post("/api/persons", payload, headers);

type AuditRow = { action: string; changes: unknown; reason: string | null; actor_name: string };
const auditOf = (action: string, id: string) =>
  queryRows<AuditRow>(
    env.db,
    sql`select action, changes, reason, actor_name from audit_log where action = ${action} and subject_id = ${id} order by id`,
  );
const personCount = async () =>
  Number((await queryRows<{ n: number }>(env.db, sql`select count(*) as n from persons`))[0]!.n);

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  dispatcher = await as(["dispatcher"], [tree.street]);
  worker11 = await as(["grid_worker"], [tree.g11]);
  worker21 = await as(["grid_worker"], [tree.g21]);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("registering a person", () => {
  it("refuses a bad ID checksum with a 400 naming idNumber, and writes nothing", async () => {
    const id = newId();
    const bad = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    const before = await personCount();
    const res = await create({ name: "张三", idNumber: bad, areaCode: tree.g11.code });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "ID_CHECKSUM", field: "idNumber" });
    expect(res.json().message.zh).toContain("校验");
    expect(await personCount()).toBe(before);
  });

  it("refuses an unknown ethnicity code with a 400 naming the field, and lists every problem", async () => {
    const res = await create({ name: "李四", ethnicity: "77", maritalStatus: "99", areaCode: tree.g11.code });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: "ethnicity", code: "CODE_UNKNOWN" });
    expect(res.json().problems.map((p: { field: string }) => p.field)).toEqual([
      "ethnicity",
      "maritalStatus",
    ]);
  });

  it("registers a person with the ID and phone masked, derived birth date and sex, history and audit", async () => {
    const id = newId("19900101");
    const phone = newPhone();
    const res = await create({
      name: "王芳",
      idNumber: id,
      phone,
      ethnicity: "01",
      areaCode: tree.g11.code,
      currentAddress: "明州路 18 号 3 幢 201 室",
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: "王芳",
      idNumber: `330212********${id.slice(-4)}`,
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      birthDate: "1990-01-01",
      sex: "1",
      labels: { sex: "男性", ethnicity: "汉族" },
      area: { code: tree.g11.code },
      status: "active",
      version: 1,
      can: { edit: true, reveal: true, deregister: true },
    });
    const text = res.body;
    expect(text).not.toContain(id);
    expect(text).not.toContain(phone);
    expect(text).not.toMatch(/_enc|Enc|Index/);
    const [audit] = await auditOf("person.created", p.id);
    expect(audit).toMatchObject({ action: "person.created" });
    expect(JSON.stringify(audit)).not.toContain(id);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it("places a person in the creating grid worker's own grid when no area is given", async () => {
    const res = await create({ name: "周敏" }, worker11);
    expect(res.statusCode).toBe(201);
    expect(res.json().area.code).toBe(tree.g11.code);
  });

  it("refuses an area outside the actor's scope with a 422", async () => {
    const res = await create({ name: "吴刚", areaCode: tree.g21.code }, worker11);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "AREA_OUT_OF_SCOPE", field: "areaCode" });
  });

  it("refuses a second live person with the same ID number (409)", async () => {
    const id = newId();
    expect((await create({ name: "郑一", idNumber: id, areaCode: tree.g11.code })).statusCode).toBe(201);
    const again = await create({ name: "郑二", idNumber: ` ${id.toLowerCase()} `, areaCode: tree.g12.code });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "DUPLICATE_ID_NUMBER", field: "idNumber" });
  });
});

describe("privacy and scope", () => {
  let person: { id: string };
  let id: string;
  let phone: string;
  beforeAll(async () => {
    id = newId("19770707");
    phone = newPhone();
    person = (await create({ name: "冯晓", idNumber: id, phone, areaCode: tree.g11.code })).json();
  });

  it("lists and reads show masked values only", async () => {
    for (const url of [
      `/api/persons?pageSize=200`,
      `/api/persons/${person.id}`,
      `/api/persons/${person.id}/history`,
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(id);
      expect(res.body).not.toContain(phone);
      expect(res.body).not.toMatch(/idEnc|phoneEnc|idIndex|phoneIndex/);
    }
    const list = (await get(`/api/persons?q=${id.slice(-4)}`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(person.id);
  });

  it("reveals only with a reason, and audits the reveal with it", async () => {
    const url = `/api/persons/${person.id}/reveal`;
    const none = await post(url, { field: "idNumber" });
    expect(none.statusCode).toBe(400);
    expect(none.json().field).toBe("reason");
    const short = await post(url, { field: "idNumber", reason: "看看" });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: "REASON_REQUIRED", field: "reason" });
    expect(await auditOf("person.revealed", person.id)).toEqual([]);

    const ok = await post(url, { field: "idNumber", reason: "核实身份以办理居住证" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ field: "idNumber", value: id });
    const phoneRes = await post(url, { field: "phone", reason: "联系本人核实住址" });
    expect(phoneRes.json().value).toBe(phone);
    const audits = await auditOf("person.revealed", person.id);
    expect(audits.map((a) => a.reason)).toEqual(["核实身份以办理居住证", "联系本人核实住址"]);
    expect(JSON.stringify(audits)).not.toContain(id);
  });

  it("hides a person from a grid worker of another grid (404, absent from lists), not from their own", async () => {
    expect((await get(`/api/persons/${person.id}`, worker21)).statusCode).toBe(404);
    expect(
      (await post(`/api/persons/${person.id}/reveal`, { field: "phone", reason: "核实联系方式" }, worker21))
        .statusCode,
    ).toBe(404);
    const other = (await get(`/api/persons?pageSize=200`, worker21)).json();
    expect(other.items.map((p: { id: string }) => p.id)).not.toContain(person.id);
    expect((await get(`/api/persons?q=${id}`, worker21)).json().items).toEqual([]);
    expect((await get(`/api/persons/${person.id}`, worker11)).statusCode).toBe(200);
    const own = (await get(`/api/persons?q=${id}`, worker11)).json();
    expect(own.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
  });

  it("shows residents and volunteers nothing", async () => {
    const resident = await as(["resident"], [tree.g11]);
    expect((await get(`/api/persons`, resident)).statusCode).toBe(403);
    expect((await get(`/api/persons/${person.id}`, resident)).statusCode).toBe(403);
    expect((await create({ name: "某人" }, resident)).statusCode).toBe(403);
  });
});

describe("changing a person", () => {
  it("bumps the version, refuses a stale one with 409, and keeps history", async () => {
    const id = newId("19600202");
    const p = (
      await create({ name: "陈立", idNumber: id, areaCode: tree.g11.code, maritalStatus: "10" })
    ).json();
    const url = `/api/persons/${p.id}`;
    const ok = await app.inject({
      method: "PATCH",
      url,
      headers: dispatcher,
      payload: { version: 1, maritalStatus: "20", phone: "13900001111" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      maritalStatus: "20",
      phone: "139****1111",
      idNumber: `330212********${id.slice(-4)}`,
    });
    const stale = await app.inject({
      method: "PATCH",
      url,
      headers: dispatcher,
      payload: { version: 1, occupation: "厨师" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 2 });
    const noop = await app.inject({
      method: "PATCH",
      url,
      headers: dispatcher,
      payload: { version: 2, maritalStatus: "20" },
    });
    expect(noop.json().version).toBe(2);
    const otherSex = p.sex === "1" ? "2" : "1";
    const bad = await app.inject({
      method: "PATCH",
      url,
      headers: dispatcher,
      payload: { version: 2, sex: otherSex },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "SEX_MISMATCH", field: "sex" });

    const history = (await get(`${url}/history`)).json().items;
    expect(history.map((h: { action: string; version: number }) => [h.action, h.version])).toEqual([
      ["created", 1],
      ["updated", 2],
    ]);
    expect(history[1].before).toMatchObject({ maritalStatus: "10", phoneMasked: null });
    expect(history[1].after).toMatchObject({ maritalStatus: "20", phoneMasked: "139****1111" });
    expect(JSON.stringify(history)).not.toContain("13900001111");
    const audits = await auditOf("person.updated", p.id);
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain("13900001111");
  });

  it("deregisters with a purge date from the retention setting, and refuses further edits", async () => {
    const p = (await create({ name: "褚明", areaCode: tree.g11.code })).json();
    const res = await post(`/api/persons/${p.id}/deregister`, {
      reason: "moved_away",
      on: "2024-01-01",
      note: "迁往杭州",
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      status: "deregistered",
      deregistration: { reason: "moved_away", on: "2024-01-01" },
    });
    expect(view.deregistration.purgeAfter > "2027-01-01").toBe(true);
    expect(view.can).toEqual({ edit: false, reveal: true, deregister: false });
    const again = await post(`/api/persons/${p.id}/deregister`, { reason: "died", on: "2024-01-01" });
    expect(again.statusCode).toBe(422);
    const edit = await app.inject({
      method: "PATCH",
      url: `/api/persons/${p.id}`,
      headers: dispatcher,
      payload: { version: view.version, name: "x" },
    });
    expect(edit.statusCode).toBe(422);
    expect((await get(`/api/persons?q=褚明`)).json().items).toEqual([]);
    expect((await get(`/api/persons?q=褚明&status=deregistered`)).json().items).toHaveLength(1);
    const [audit] = await auditOf("person.deregistered", p.id);
    expect(audit!.reason).toBe("迁往杭州");
  });
});

describe("search", () => {
  const people: Record<string, { id: string; idNumber: string; phone: string }> = {};
  beforeAll(async () => {
    for (const [name, address] of [
      ["欧阳修远", "中山路 1 号"],
      ["欧阳娜", "中山路 2 号"],
      ["单雄信", "解放南路 9 号"],
      ["吕布", "明州路 7 号"],
    ] as const) {
      const idNumber = newId("19880808");
      const phone = newPhone();
      const res = await create({ name, idNumber, phone, currentAddress: address, areaCode: tree.g12.code });
      people[name] = { id: res.json().id, idNumber, phone };
    }
  });
  const find = async (q: string, extra = "") => {
    const res = await get(`/api/persons?q=${encodeURIComponent(q)}&areaCode=${tree.g12.code}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { id: string; name: string }[]; total: number; mode: string };
  };
  const names = async (q: string) => (await find(q)).items.map((p) => p.name).sort();

  it("finds by name prefix, pinyin, initials (surname readings included)", async () => {
    expect(await names("欧阳")).toEqual(["欧阳娜", "欧阳修远"].sort());
    expect((await find("欧阳")).mode).toBe("name");
    expect(await names("ouyangxiu")).toEqual(["欧阳修远"]);
    expect(await names("oyxy")).toEqual(["欧阳修远"]);
    expect(await names("shanxiongxin")).toEqual(["单雄信"]);
    expect(await names("SXX")).toEqual(["单雄信"]);
    expect(await names("lvbu")).toEqual(["吕布"]);
  });

  it("finds by ID tail (4–6 characters), phone tail, full ID and full phone", async () => {
    const p = people["单雄信"]!;
    expect((await find(p.idNumber.slice(-4))).items.map((x) => x.id)).toContain(p.id);
    const six = await find(p.idNumber.slice(-6));
    expect(six.items.map((x) => x.id)).toEqual([p.id]);
    expect(six.total).toBe(1);
    const wrongSix =
      String((Number(p.idNumber.slice(-6, -4)) + 1) % 100).padStart(2, "0") + p.idNumber.slice(-4);
    expect((await find(wrongSix)).items.map((x) => x.id)).not.toContain(p.id);
    expect((await find(p.phone.slice(-4))).items.map((x) => x.id)).toEqual([p.id]);
    const full = await find(p.idNumber);
    expect([full.mode, full.items.map((x) => x.id)]).toEqual(["id", [p.id]]);
    const phone = await find(`${p.phone.slice(0, 3)} ${p.phone.slice(3, 7)} ${p.phone.slice(7)}`);
    expect([phone.mode, phone.items.map((x) => x.id)]).toEqual(["phone", [p.id]]);
  });

  it("finds by address prefix, pages, and counts", async () => {
    expect(await names("中山路")).toEqual(["欧阳娜", "欧阳修远"].sort());
    expect((await find("中山路")).mode).toBe("address");
    const page1 = await find("", "&pageSize=3&page=1");
    const page2 = await find("", "&pageSize=3&page=2");
    expect(page1.total).toBe(4);
    expect(page1.items).toHaveLength(3);
    expect(page2.items).toHaveLength(1);
    // ordered by pinyin, 单 read as the surname shan: lv, ouyangna, ouyangxiuyuan, shanxiongxin
    expect([...page1.items, ...page2.items].map((p) => p.name)).toEqual([
      "吕布",
      "欧阳娜",
      "欧阳修远",
      "单雄信",
    ]);
  });

  it("lists full-pinyin matches before initials-only ones, and pages across both", async () => {
    for (const name of ["莫爱", "毛安", "马丽"]) await create({ name, areaCode: tree.g21.code });
    const pageOf = async (page: number) =>
      (await get(`/api/persons?q=ma&areaCode=${tree.g21.code}&pageSize=1&page=${page}`)).json();
    const pages = [await pageOf(1), await pageOf(2), await pageOf(3), await pageOf(4)];
    // mali, maoan by pinyin; then moai, whose initials are "ma"
    expect(pages.map((p) => p.items.map((x: { name: string }) => x.name))).toEqual([
      ["马丽"],
      ["毛安"],
      ["莫爱"],
      [],
    ]);
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3]);
    const all = (await get(`/api/persons?q=ma&areaCode=${tree.g21.code}`)).json();
    expect([all.mode, all.total, all.items.length]).toEqual(["pinyin", 3, 3]);
  });

  it("filters by age", async () => {
    const young = newId("20150101");
    await create({ name: "小明", idNumber: young, areaCode: tree.g12.code });
    const minors = (await get(`/api/persons?areaCode=${tree.g12.code}&ageMax=17`)).json();
    expect(minors.items.map((p: { name: string; minor: boolean }) => [p.name, p.minor])).toEqual([
      ["小明", true],
    ]);
    const adults = (await get(`/api/persons?areaCode=${tree.g12.code}&ageMin=18`)).json();
    expect(adults.items.map((p: { name: string }) => p.name)).not.toContain("小明");
  });
});
