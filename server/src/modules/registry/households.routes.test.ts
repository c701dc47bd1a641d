import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import type { Role } from "../../core/actor";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { registerFileSection } from "./file-sections";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dispatcher: Record<string, string>;
let worker21: Record<string, string>;

const as = async (roles: Role[], scopes: { code: string }[]) =>
  bearer(app, (await buildUser(env, { roles, scopes })).username);
const post = (url: string, payload: object, headers = dispatcher) =>
  app.inject({ method: "POST", url, payload, headers });
const get = (url: string, headers = dispatcher) => app.inject({ method: "GET", url, headers });
const person = async (name: string, areaCode = tree.g11.code) =>
  (await post("/api/persons", { name, areaCode })).json() as { id: string; version: number };
const auditCount = async (action: string, id: string) =>
  Number(
    (
      await queryRows<{ n: number }>(
        env.db,
        sql`select count(*) as n from audit_log where action = ${action} and subject_id = ${id}`,
      )
    )[0]!.n,
  );

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  dispatcher = await as(["dispatcher"], [tree.street]);
  worker21 = await as(["grid_worker"], [tree.g21]);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("households (一户一档)", () => {
  it("opens a household with its members, one head, and keeps history", async () => {
    const head = await person("林海");
    const wife = await person("苏梅");
    const res = await post("/api/households", {
      code: "H-0001",
      areaCode: tree.g11.code,
      address: "明州路 18 号 3 幢 201 室",
      members: [
        { personId: head.id, relation: "02", joinedOn: "2005-01-01" },
        { personId: wife.id, relation: "12", joinedOn: "2010-05-01" },
      ],
    });
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({
      code: "H-0001",
      head: { id: head.id, name: "林海" },
      memberCount: 2,
      flags: { floating: false, livesAlone: false, minors: false, elderly: false },
      area: { code: tree.g11.code },
      can: { edit: true },
    });
    // current members in joining order
    expect(
      h.members.map((m: { relation: string; relationLabel: string }) => [m.relation, m.relationLabel]),
    ).toEqual([
      ["02", "户主"],
      ["12", "妻"],
    ]);
    expect((await get(`/api/persons/${wife.id}`)).json().householdId).toBe(h.id);
    expect(await auditCount("household.created", h.id)).toBe(1);
    expect(await auditCount("household.member_added", h.id)).toBe(2);

    const another = await person("林小海");
    const twoHeads = await post(`/api/households/${h.id}/members`, { personId: another.id, relation: "02" });
    expect(twoHeads.statusCode).toBe(422);
    expect(twoHeads.json()).toMatchObject({ code: "HEAD_EXISTS", field: "relation" });
    const badRelation = await post(`/api/households/${h.id}/members`, {
      personId: another.id,
      relation: "08",
    });
    expect(badRelation.statusCode).toBe(400);
    expect(badRelation.json().field).toBe("relation");
    const son = await post(`/api/households/${h.id}/members`, { personId: another.id, relation: "20" });
    expect(son.statusCode).toBe(200);
    expect(son.json().memberCount).toBe(3);

    const elsewhere = await post("/api/households", {
      areaCode: tree.g11.code,
      members: [{ personId: wife.id, relation: "02" }],
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({
      code: "MEMBER_OF_OTHER_HOUSEHOLD",
      field: "members.0.personId",
    });
    const dup = await post("/api/households", { code: "H-0001", areaCode: tree.g11.code });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe("code");

    // the head leaves: the membership stays as history, the household has no head
    const left = await app.inject({
      method: "DELETE",
      url: `/api/households/${h.id}/members/${head.id}?on=2024-06-30`,
      headers: dispatcher,
    });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ head: null, memberCount: 2 });
    expect(left.json().formerMembers).toMatchObject([
      { personId: head.id, relation: "02", leftOn: "2024-06-30" },
    ]);
    expect((await get(`/api/persons/${head.id}`)).json().householdId).toBeNull();
    const gone = await app.inject({
      method: "DELETE",
      url: `/api/households/${h.id}/members/${head.id}`,
      headers: dispatcher,
    });
    expect(gone.statusCode).toBe(404);

    const history = (await get(`/api/households/${h.id}/history`)).json().items;
    expect(history.map((c: { action: string }) => c.action)).toEqual([
      "created",
      "member_added",
      "member_added",
      "member_added",
      "member_removed",
    ]);
    const personHistory = (await get(`/api/persons/${head.id}/history`)).json().items;
    expect(personHistory.map((c: { action: string }) => c.action)).toEqual([
      "created",
      "household_joined",
      "household_left",
    ]);
  });

  it("flags households with floating residents, someone living alone, minors or elderly members", async () => {
    const grandma = (
      await post("/api/persons", {
        name: "孔奶奶",
        birthDate: "1950-03-01",
        livesAlone: true,
        areaCode: tree.g12.code,
      })
    ).json();
    const child = (
      await post("/api/persons", { name: "孔小宝", birthDate: "2018-06-01", areaCode: tree.g12.code })
    ).json();
    const h = (
      await post("/api/households", {
        areaCode: tree.g12.code,
        members: [
          { personId: grandma.id, relation: "02" },
          { personId: child.id, relation: "41" },
        ],
      })
    ).json();
    expect(h.flags).toEqual({ floating: false, livesAlone: true, minors: true, elderly: true });
    const listed = (await get(`/api/households?areaCode=${tree.g12.code}`))
      .json()
      .items.find((x: { id: string }) => x.id === h.id);
    expect(listed.flags).toEqual(h.flags);
  });

  it("changes a household under optimistic locking", async () => {
    const h = (await post("/api/households", { areaCode: tree.g12.code, address: "旧地址" })).json();
    const url = `/api/households/${h.id}`;
    const ok = await app.inject({
      method: "PATCH",
      url,
      headers: dispatcher,
      payload: { version: 1, address: "新地址", note: "独居老人户" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ address: "新地址", note: "独居老人户", version: 2 });
    const stale = await app.inject({
      method: "PATCH",
      url,
      headers: dispatcher,
      payload: { version: 1, address: "x" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect(await auditCount("household.updated", h.id)).toBe(1);
  });

  it("deregistering a person ends their membership and clears the head", async () => {
    const head = await person("韩冬");
    const h = (
      await post("/api/households", {
        areaCode: tree.g11.code,
        members: [{ personId: head.id, relation: "02", joinedOn: "2020-01-01" }],
      })
    ).json();
    await post(`/api/persons/${head.id}/deregister`, { reason: "died", on: "2025-01-02" });
    const after = (await get(`/api/households/${h.id}`)).json();
    expect(after).toMatchObject({ head: null, memberCount: 0 });
    expect(after.formerMembers).toMatchObject([{ personId: head.id, leftOn: "2025-01-02" }]);
  });

  it("shows the person and household files with what other modules register, and audits the reads", async () => {
    registerFileSection("test-visits", ["person", "household"], async (_ctx, subject) => ({
      key: "test-visits",
      title: { zh: "走访", en: "Visits" },
      total: 1,
      items: [{ id: `v-${subject.type}`, title: `visit of ${subject.type}`, at: null }],
    }));
    const head = await person("杜甫");
    const h = (
      await post("/api/households", {
        areaCode: tree.g11.code,
        members: [{ personId: head.id, relation: "02" }],
      })
    ).json();

    const file = await get(`/api/persons/${head.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({
      person: { id: head.id, name: "杜甫" },
      household: { id: h.id, members: [{ personId: head.id }] },
      house: null,
      sections: [{ key: "test-visits", items: [{ id: "v-person" }] }],
    });
    expect(await auditCount("person.file_viewed", head.id)).toBe(1);
    const hFile = (await get(`/api/households/${h.id}/file`)).json();
    expect(hFile.sections).toMatchObject([{ key: "test-visits", items: [{ id: "v-household" }] }]);
    expect(await auditCount("household.file_viewed", h.id)).toBe(1);

    expect((await get(`/api/persons/${head.id}/file`, worker21)).statusCode).toBe(404);
    expect((await get(`/api/households/${h.id}`, worker21)).statusCode).toBe(404);
    expect((await get(`/api/households/${h.id}/file`, worker21)).statusCode).toBe(404);
    const list = (await get(`/api/households?pageSize=200`, worker21)).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(h.id);
    expect(
      (await get(`/api/households?areaCode=${tree.g11.code}`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(h.id);
  });
});
