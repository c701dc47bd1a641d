import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildTree, buildUser } from "../../../test/factories";
import type { Actor } from "../../core/actor";
import { auditLog, events, files } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";
import { createApiKey, revokeApiKey } from "../auth/api-keys";
import { actOnEvent } from "../events/act-on-event";
import { loadEventConfig, publicCategories } from "../events/event-config";
import { reportEvent } from "../events/report-event";
import { isoWithOffset } from "./open311.format";
import { parseXml, record, type XmlElement } from "./open311.test-xml";

// Plays a standard Open311 GeoReport v2 client (as FixMyStreet does it) against the real app and database.

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let apiKey: string;
let admin: Actor;
let dispatcher: Actor;
let gridWorker: Actor;
let PUBLIC: string; // a public leaf category
let OTHER_PUBLIC: string;
let SENSITIVE: string[]; // every sensitive leaf
const TZ = "Asia/Shanghai";
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
// a real 1×1 PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const boundary = "----open311test" + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const post = (format: "xml" | "json", fields: Record<string, string>) =>
  app.inject({ method: "POST", url: `/open311/v2/requests.${format}`, headers: FORM, payload: form(fields) });

const xmlOf = (body: string) => parseXml(body);
const items = (root: XmlElement, name: string) => root.children.filter((c) => c.name === name).map(record);

async function created(fields: Record<string, string> = {}) {
  const res = await post("json", {
    api_key: apiKey,
    service_code: PUBLIC,
    address_id: tree.g11.code,
    description: "人行道井盖缺失",
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json()[0] as { service_request_id: string; token: string; service_notice: string };
}

const eventBySeq = async (seq: string) =>
  (
    await env.db
      .select()
      .from(events)
      .where(eq(events.seq, Number(seq)))
  )[0]!;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  admin = (await buildUser(env, { roles: ["admin"] })).actor;
  dispatcher = (await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] })).actor;
  gridWorker = (await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] })).actor;
  const client = await buildUser(env, { roles: ["resident"], username: `fms-${Date.now()}` });
  const key = await env.as(admin, (ctx) =>
    createApiKey(ctx, { name: "FixMyStreet", username: client.username }),
  );
  apiKey = key.key;
  const config = await loadEventConfig(env.db);
  const pub = publicCategories(config).map((c) => c.code);
  PUBLIC = pub[0]!;
  OTHER_PUBLIC = pub[1]!;
  SENSITIVE = config.categories.categories.filter((c) => c.parent && c.sensitive).map((c) => c.code);
  expect(SENSITIVE.length).toBeGreaterThan(5);
});
afterAll(async () => {
  await app?.close();
  await env?.close();
});

describe("service discovery and services", () => {
  it("discovery names the GeoReport v2 endpoint at this host, in XML and JSON", async () => {
    const xml = await app.inject({ url: "/open311/discovery.xml", headers: { host: "pingan.example.cn" } });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const root = xmlOf(xml.body);
    expect(root.name).toBe("discovery");
    const endpoint = root.children.find((c) => c.name === "endpoints")!.children[0]!;
    expect(endpoint.name).toBe("endpoint");
    expect(record(endpoint)).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      url: "http://pingan.example.cn/open311/v2/",
      type: "production",
    });
    const json = await app.inject({
      url: "/open311/discovery.json",
      headers: { host: "pingan.example.cn", "x-forwarded-proto": "https" },
    });
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const doc = json.json();
    expect(doc.changeset).toMatch(OFFSET);
    expect(doc.contact).toBeTruthy();
    expect(doc.key_service).toContain("apikey create");
    expect(doc.endpoints).toEqual([
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: "https://pingan.example.cn/open311/v2/",
        changeset: doc.changeset,
        type: "production",
        formats: ["text/xml", "application/json"],
      },
    ]);
  });

  it("lists each public leaf category once as a service, the same in XML and JSON, never a sensitive one", async () => {
    const xml = await app.inject({ url: "/open311/v2/services.xml?jurisdiction_id=pingan.example.cn" });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const root = xmlOf(xml.body);
    expect(root.name).toBe("services");
    const fromXml = items(root, "service");
    const json = (await app.inject({ url: "/open311/v2/services.json" })).json() as Record<string, unknown>[];
    const config = await loadEventConfig(env.db);
    expect(json.map((s) => s.service_code)).toEqual(publicCategories(config).map((c) => c.code));
    expect(fromXml.map((s) => s.service_code)).toEqual(json.map((s) => s.service_code));
    for (const code of SENSITIVE) expect(json.some((s) => s.service_code === code)).toBe(false);
    const first = json.find((s) => s.service_code === PUBLIC)!;
    const cat = config.index.categories.get(PUBLIC)!;
    expect(first).toEqual({
      service_code: PUBLIC,
      service_name: cat.name.zh,
      description: `${config.index.categories.get(cat.parent!)!.name.zh}：${cat.name.zh}`,
      metadata: false,
      type: "realtime",
      keywords: expect.stringContaining(cat.name.en),
      group: config.index.categories.get(cat.parent!)!.name.zh,
    });
    expect(fromXml.find((s) => s.service_code === PUBLIC)).toMatchObject({
      service_name: cat.name.zh,
      metadata: "false",
      type: "realtime",
    });
    const en = (await app.inject({ url: "/open311/v2/services.json?locale=en" })).json();
    expect(en.find((s: { service_code: string }) => s.service_code === PUBLIC).service_name).toBe(
      cat.name.en,
    );
    const accept = await app.inject({
      url: "/open311/v2/services.json",
      headers: { "accept-language": "en-GB,en" },
    });
    expect(accept.json()[0].group).toBe(
      config.index.categories.get(publicCategories(config)[0]!.parent!)!.name.en,
    );
  });

  it("defines a public service with no attributes; an unknown or sensitive code is 404 in the standard's format", async () => {
    const json = await app.inject({ url: `/open311/v2/services/${PUBLIC}.json` });
    expect(json.json()).toEqual({ service_code: PUBLIC, attributes: [] });
    const xml = xmlOf((await app.inject({ url: `/open311/v2/services/${PUBLIC}.xml` })).body);
    expect(xml.name).toBe("service_definition");
    expect(record(xml)).toEqual({ service_code: PUBLIC, attributes: "" });
    for (const code of ["9999", SENSITIVE[0]!]) {
      const res = await app.inject({ url: `/open311/v2/services/${code}.xml` });
      expect(res.statusCode).toBe(404);
      const errors = xmlOf(res.body);
      expect(errors.name).toBe("errors");
      expect(items(errors, "error")).toEqual([
        { code: "404", description: `service_code ${code} was not found` },
      ]);
    }
  });
});

describe("POST requests", () => {
  it("creates a request from a form-encoded post, acting as the key's user, reporter stored and masked", async () => {
    const res = await post("xml", {
      api_key: apiKey,
      jurisdiction_id: "pingan.example.cn",
      service_code: PUBLIC,
      lat: "29.8683",
      long: "121.5440",
      address_string: "东胜路 12 号 & 中山东路口 <北侧>",
      email: "zhangsan@example.com",
      device_id: "tt222111",
      account_id: "fms-123456",
      first_name: "三",
      last_name: "张",
      phone: "13812345678",
      description: "路面坑洼 & 积水，<约>两米宽\u0007",
      "attribute[fixmystreet_id]": "4242",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const root = xmlOf(res.body);
    expect(root.name).toBe("service_requests");
    const [reply] = items(root, "request");
    expect(reply!.service_request_id).toMatch(/^\d+$/);
    expect(reply!.account_id).toBe("fms-123456");
    expect(reply!.service_notice).toContain(reply!.service_request_id);
    const event = await eventBySeq(reply!.service_request_id!);
    expect(reply!.token).toBe(event.trackingCode);
    expect(event).toMatchObject({
      source: "open311",
      categoryCode: PUBLIC,
      description: "路面坑洼 & 积水，<约>两米宽",
      address: "东胜路 12 号 & 中山东路口 <北侧>",
      lat: 29.8683,
      lng: 121.544,
      anonymous: false,
      reporterPhoneMasked: "138****5678",
    });
    // sealed, not in clear
    expect(event.reporterPhoneEnc).not.toContain("13812345678");
    expect(event.reporterNameEnc).not.toContain("张三");
    // the key's user reported it
    const audits = await env.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, event.id), sql`${auditLog.action} like 'event.%'`));
    expect(audits.length).toBeGreaterThan(0);
    expect(audits[0]!.actorName).toMatch(/^fms-/);
  });

  it("creates a request from a multipart post with a photo, stored in the file store and checked from its bytes", async () => {
    const { payload, headers } = multipart(
      {
        // more fields than the app's default multipart limit of ten, as FixMyStreet sends them
        jurisdiction_id: "pingan.example.cn",
        api_key: apiKey,
        service_code: OTHER_PUBLIC,
        address_id: tree.g12.code,
        address_string: "东胜路 8 号",
        lat: "29.8683",
        long: "121.544",
        email: "a@example.com",
        device_id: "d1",
        account_id: "42",
        first_name: "Ann",
        last_name: "Lee",
        description: "路灯不亮",
        "attribute[fixmystreet_id]": "77",
        "attribute[title]": "路灯",
      },
      { name: "photo.jpg", bytes: PNG, type: "image/jpeg" },
    );
    const res = await app.inject({ method: "POST", url: "/open311/v2/requests.json", payload, headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const [reply] = res.json();
    expect(reply.account_id).toBe("42");
    const event = await eventBySeq(reply.service_request_id);
    expect(event.photos).toHaveLength(1);
    expect(event.address).toBe("东胜路 8 号");
    const [file] = await env.db.select().from(files).where(eq(files.id, event.photos![0]!));
    expect(file).toMatchObject({ mime: "image/png", size: PNG.length });
    expect(await env.files.get(file!.id)).toEqual(PNG);
    const audit = await env.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "file.uploaded"), eq(auditLog.subjectId, file!.id)));
    expect(audit).toHaveLength(1);

    const notImage = multipart(
      { api_key: apiKey, service_code: PUBLIC, address_id: tree.g11.code, description: "x" },
      { name: "a.png", bytes: Buffer.from("%PDF-1.4 not an image"), type: "image/png" },
    );
    const bad = await app.inject({ method: "POST", url: "/open311/v2/requests.json", ...notImage });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual([{ code: 400, description: "media must be a JPEG, PNG, GIF or WebP image" }]);
  });

  it("answers a missing service_code with 400 in the standard's error list", async () => {
    const fields = { api_key: apiKey, lat: "29.87", long: "121.54", description: "无类别" };
    const json = await post("json", fields);
    expect(json.statusCode).toBe(400);
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(json.json()).toEqual([{ code: 400, description: "service_code is required" }]);
    const xml = await post("xml", fields);
    expect(xml.statusCode).toBe(400);
    const root = xmlOf(xml.body);
    expect(root.name).toBe("errors");
    expect(items(root, "error")).toEqual([{ code: "400", description: "service_code is required" }]);
    const zh = await app.inject({
      method: "POST",
      url: "/open311/v2/requests.json?locale=zh",
      headers: FORM,
      payload: form(fields),
    });
    expect(zh.json()).toEqual([{ code: 400, description: "缺少 service_code" }]);
  });

  it("lists every other problem of a post at once, and an unknown or sensitive service is 404", async () => {
    const res = await post("json", { api_key: apiKey, service_code: PUBLIC, lat: "91" });
    expect(res.statusCode).toBe(400);
    expect(res.json().map((e: { description: string }) => e.description)).toEqual([
      "lat must be a number from -90 to 90 (WGS84)",
      "lat and long must be sent together",
      "description is required",
    ]);
    const noPlace = await post("json", { api_key: apiKey, service_code: PUBLIC, description: "x" });
    expect(noPlace.json()).toEqual([
      { code: 400, description: "A location is required: lat and long, address_string or address_id" },
    ]);
    const area = await post("json", {
      api_key: apiKey,
      service_code: PUBLIC,
      address_id: "X404",
      description: "x",
    });
    expect(area.json()).toEqual([{ code: 400, description: "address_id X404 is not a known area code" }]);
    const phone = await post("json", {
      api_key: apiKey,
      service_code: PUBLIC,
      address_id: tree.g11.code,
      description: "x",
      phone: "12",
    });
    expect(phone.json()).toEqual([
      {
        code: 400,
        description: "phone must be a mainland mobile (11 digits) or a landline (area code-number)",
      },
    ]);
    for (const code of ["nope", SENSITIVE[0]!]) {
      const r = await post("json", {
        api_key: apiKey,
        service_code: code,
        lat: "29.8",
        long: "121.5",
        description: "x",
      });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual([{ code: 404, description: `service_code ${code} was not found` }]);
    }
  });

  it("refuses a missing, bad or revoked api_key with 403 in the standard's format, creating nothing", async () => {
    const before = (await env.db.select({ n: sql<number>`count(*)::int` }).from(events))[0]!.n;
    const fields = { service_code: PUBLIC, lat: "29.87", long: "121.54", description: "测试" };
    const missing = await post("xml", fields);
    expect(missing.statusCode).toBe(403);
    expect(items(xmlOf(missing.body), "error")).toEqual([
      { code: "403", description: "api_key is required" },
    ]);
    for (const bad of ["not-a-key", "pak_abcdefgh_wrong", apiKey.slice(0, -2)]) {
      const res = await post("json", { ...fields, api_key: bad });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual([
        { code: 403, description: "Invalid api_key: unknown, revoked or disabled" },
      ]);
    }
    const other = await env.as(admin, (ctx) => createApiKey(ctx, { name: "retired client" }));
    await env.as(admin, (ctx) => revokeApiKey(ctx, other.id));
    expect((await post("json", { ...fields, api_key: other.key })).statusCode).toBe(403);
    // a bad key in a multipart post with a photo: nothing stored either
    const mp = multipart({ ...fields, api_key: "pak_x_y" }, { name: "p.png", bytes: PNG, type: "image/png" });
    expect((await app.inject({ method: "POST", url: "/open311/v2/requests.xml", ...mp })).statusCode).toBe(
      403,
    );
    expect((await env.db.select({ n: sql<number>`count(*)::int` }).from(events))[0]!.n).toBe(before);
  });

  it("is not blocked by the cookie CSRF check: posts come from other origins with a key", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: { ...FORM, origin: "https://fixmystreet.example.org", cookie: "pingan_session=stale" },
      payload: form({
        api_key: apiKey,
        service_code: PUBLIC,
        address_id: tree.g11.code,
        description: "跨站提交",
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
  });
});

describe("GET requests", () => {
  it("reads a request back by id and in the list, with +08:00 times, the SLA deadline and no reporter data", async () => {
    const mine = await created({
      first_name: "小明",
      last_name: "李",
      phone: "13900001111",
      email: "liming@example.com",
      description: "垃圾桶满溢，联系我 13900001111",
    });
    const event = await eventBySeq(mine.service_request_id);
    expect(event.dueAt).toBeInstanceOf(Date);
    for (const format of ["xml", "json"] as const) {
      const one = await app.inject({ url: `/open311/v2/requests/${mine.service_request_id}.${format}` });
      expect(one.statusCode, one.body).toBe(200);
      for (const secret of ["13900001111", "liming@example.com", "李小明", "小明"])
        expect(one.body).not.toContain(secret);
      const req =
        format === "xml"
          ? (() => {
              const root = xmlOf(one.body);
              expect(root.name).toBe("service_requests");
              return items(root, "request")[0]!;
            })()
          : (one.json() as Record<string, string>[])[0]!;
      expect(req).toMatchObject({
        service_request_id: mine.service_request_id,
        status: "open",
        status_notes: "已受理",
        service_code: PUBLIC,
        description: "垃圾桶满溢，联系我 139****1111",
        requested_datetime: isoWithOffset(event.createdAt, TZ),
        expected_datetime: isoWithOffset(event.dueAt!, TZ),
        address_id: tree.g11.code,
      });
      for (const t of ["requested_datetime", "updated_datetime", "expected_datetime"])
        expect(req[t]).toMatch(OFFSET);
      expect(Object.keys(req)).not.toContain("media_url");
      expect(Object.keys(req)).not.toContain("email");
    }
    const list = await app.inject({ url: "/open311/v2/requests.xml" });
    expect(list.statusCode).toBe(200);
    const found = items(xmlOf(list.body), "request").find(
      (r) => r.service_request_id === mine.service_request_id,
    );
    expect(found?.expected_datetime).toBe(isoWithOffset(event.dueAt!, TZ));
    expect(list.body).not.toContain("13900001111");
    // the token is the tracking code, and leads back to the request
    const token = await app.inject({ url: `/open311/v2/tokens/${mine.token}.json` });
    expect(token.json()).toEqual([{ service_request_id: mine.service_request_id, token: mine.token }]);
    expect((await app.inject({ url: "/open311/v2/tokens/NOSUCHCODE1.xml" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/open311/v2/requests/99999999.json" })).json()).toEqual([
      { code: 404, description: "service_request_id 99999999 was not found" },
    ]);
  });

  it("never shows a sensitive matter: not in the list, not by id, not by token", async () => {
    const secret = await env.as(gridWorker, (ctx) =>
      reportEvent(ctx, {
        category: SENSITIVE.find((c) => c.startsWith("14")) ?? SENSITIVE[0]!,
        description: "家庭矛盾，需调解 OPEN311-SECRET",
        areaCode: tree.g11.code,
        source: "grid",
      }),
    );
    const row = (await env.db.select().from(events).where(eq(events.id, secret.id)))[0]!;
    for (const url of ["/open311/v2/requests.json", "/open311/v2/requests.xml?status=open"]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain("OPEN311-SECRET");
    }
    const all = (await app.inject({ url: "/open311/v2/requests.json" })).json() as { service_code: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => !SENSITIVE.includes(r.service_code))).toBe(true);
    expect((await app.inject({ url: `/open311/v2/requests/${row.seq}.json` })).statusCode).toBe(404);
    expect(
      (await app.inject({ url: `/open311/v2/requests.json?service_request_id=${row.seq}` })).json(),
    ).toEqual([]);
    expect((await app.inject({ url: `/open311/v2/tokens/${row.trackingCode}.json` })).statusCode).toBe(404);
    const byCode = await app.inject({ url: `/open311/v2/requests.json?service_code=${row.categoryCode}` });
    expect(byCode.json()).toEqual([]);
  });

  it("filters by ids, service codes and status; closed states map to closed with their notes", async () => {
    const a = await created({ description: "将被判无效" });
    const b = await created({ service_code: OTHER_PUBLIC, description: "另一类" });
    const c = await created({ description: "重复报告" });
    const ids = [a, b, c].map((x) => x.service_request_id);
    const [ea, , ec] = await Promise.all(ids.map(eventBySeq));
    await env.as(dispatcher, (ctx) =>
      actOnEvent(ctx, ea!.id, { action: "mark_invalid", version: ea!.version, reason: "测试" }),
    );
    const [, eb] = await Promise.all(ids.map(eventBySeq));
    await env.as(dispatcher, (ctx) =>
      actOnEvent(ctx, ec!.id, { action: "merge", version: ec!.version, intoId: eb!.id }),
    );

    const byIds = (
      await app.inject({ url: `/open311/v2/requests.json?service_request_id=${ids.join(",")},abc` })
    ).json();
    expect(byIds.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [...ids].sort(),
    );
    const invalid = byIds.find(
      (r: { service_request_id: string }) => r.service_request_id === a.service_request_id,
    );
    expect(invalid).toMatchObject({ status: "closed", status_notes: "不予受理" });
    expect(invalid.updated_datetime).toMatch(OFFSET);
    const merged = byIds.find(
      (r: { service_request_id: string }) => r.service_request_id === c.service_request_id,
    );
    expect(merged).toMatchObject({
      status: "closed",
      status_notes: `已与 ${b.service_request_id} 号事件合并处理`,
    });

    const closed = (await app.inject({ url: "/open311/v2/requests.json?status=closed" })).json();
    expect(closed.every((r: { status: string }) => r.status === "closed")).toBe(true);
    expect(
      closed.some((r: { service_request_id: string }) => r.service_request_id === a.service_request_id),
    ).toBe(true);
    const open = (await app.inject({ url: "/open311/v2/requests.json?status=open" })).json();
    expect(open.every((r: { status: string }) => r.status === "open")).toBe(true);
    const both = (await app.inject({ url: "/open311/v2/requests.json?status=open,closed" })).json();
    expect(both.length).toBe(open.length + closed.length);

    const onlyOther = (
      await app.inject({ url: `/open311/v2/requests.json?service_code=${OTHER_PUBLIC}` })
    ).json();
    expect(onlyOther.length).toBeGreaterThan(0);
    expect(onlyOther.every((r: { service_code: string }) => r.service_code === OTHER_PUBLIC)).toBe(true);
  });

  it("defaults to the last 90 days, takes a W3C range, refuses a longer or malformed one", async () => {
    const mine = await created({ description: "九十天前" });
    const event = await eventBySeq(mine.service_request_id);
    const created_ = event.createdAt;
    const realNow = env.clock.now();
    try {
      await env.clock.set(new Date(created_.getTime() + 91 * 86_400_000));
      const recent = (await app.inject({ url: "/open311/v2/requests.json" })).json();
      expect(
        recent.some((r: { service_request_id: string }) => r.service_request_id === mine.service_request_id),
      ).toBe(false);
      const start = isoWithOffset(new Date(created_.getTime() - 3_600_000), TZ);
      const end = new Date(created_.getTime() + 3_600_000).toISOString();
      // an unencoded "+" arrives as a space: read as the offset it was
      const ranged = await app.inject({
        url: `/open311/v2/requests.json?start_date=${start}&end_date=${end}`,
      });
      expect(ranged.statusCode, ranged.body).toBe(200);
      expect(
        ranged
          .json()
          .some((r: { service_request_id: string }) => r.service_request_id === mine.service_request_id),
      ).toBe(true);
    } finally {
      await env.clock.set(realNow);
    }
    const long = await app.inject({
      url: "/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
    });
    expect(long.statusCode).toBe(400);
    expect(items(xmlOf(long.body), "error")).toEqual([
      { code: "400", description: "The date range may not span more than 90 days" },
    ]);
    const bad = await app.inject({ url: "/open311/v2/requests.json?start_date=yesterday&status=pending" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toHaveLength(2);
  });
});

describe("errors and odd input", () => {
  it("answers unknown paths and formats under /open311 with 404 in the standard's format", async () => {
    const xml = await app.inject({ url: "/open311/v2/nothing.xml" });
    expect(xml.statusCode).toBe(404);
    expect(xmlOf(xml.body).name).toBe("errors");
    const json = await app.inject({ url: "/open311/v2/nothing.json" });
    expect(json.statusCode).toBe(404);
    expect(json.json()[0].code).toBe(404);
    for (const url of [
      "/open311/v2/services.html",
      "/open311/v2/requests/1.csv",
      "/open311/",
      "/open311/v3/services.xml",
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(xmlOf(res.body).name).toBe("errors");
    }
    const put = await app.inject({ method: "PUT", url: "/open311/v2/requests.json" });
    expect(put.statusCode).toBe(404);
    expect(put.json()).toEqual([
      { code: 404, description: "No such Open311 resource: PUT /open311/v2/requests.json" },
    ]);
    // the platform's own 404 stays as it was, and its OpenAPI (one error shape) does not list these routes
    expect((await app.inject({ url: "/api/nothing" })).json().code).toBe("ROUTE_NOT_FOUND");
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(spec.paths).filter((p) => p.startsWith("/open311"))).toEqual([]);
  });

  it("answers junk with a 4xx list of errors, never a 5xx or the platform's error shape", async () => {
    const junk = ["%00", "'; drop table events; --", "<x>&", "😀".repeat(40), "9".repeat(400), ""];
    for (const j of junk) {
      const urls = [
        `/open311/v2/requests.json?service_request_id=${encodeURIComponent(j)}&start_date=${encodeURIComponent(j)}`,
        `/open311/v2/services/${encodeURIComponent(j)}.xml`,
        `/open311/v2/tokens/${encodeURIComponent(j)}.json`,
        `/open311/v2/requests/${encodeURIComponent(j)}.xml`,
      ];
      for (const url of urls) {
        const res = await app.inject({ url });
        expect(res.statusCode, url).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const body = url.includes(".json") && !url.includes("/services/") ? res.json() : null;
          if (body) expect(body[0]).toHaveProperty("description");
          else expect(xmlOf(res.body).name).toBe("errors");
        }
      }
      const res = await app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: FORM,
        payload: `api_key=${encodeURIComponent(apiKey)}&service_code=${encodeURIComponent(j)}&lat=${encodeURIComponent(j)}&long=x&description=${encodeURIComponent(j)}`,
      });
      expect(res.statusCode).toBeLessThan(500);
      expect(Array.isArray(res.json())).toBe(true);
    }
    const text = await app.inject({
      method: "POST",
      url: "/open311/v2/requests.xml",
      headers: { "content-type": "text/plain" },
      payload: "api_key=x",
    });
    expect(text.statusCode).toBe(400);
    expect(xmlOf(text.body).name).toBe("errors");
    const json = await app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()[0].code).toBe(400);
  });
});
