import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyTypebox } from "../src/http/types";
import { buildDepartment, buildUser } from "./factories";
import { bearer, testApp, testEnv, type TestEnv } from "./services";
import { injectHttp, multipart, type Auth, type Http, type Req, type Reply } from "./reliability/http";
import { checkInvariants } from "./reliability/invariants";
import { anyJson, defectiveBody, NASTY_STRINGS, pathParam, validFor } from "./reliability/junk";
import { listRoutes, type RouteOp } from "./reliability/routes";
import { buildWorld, PNG_1PX, USER_PASSWORD, type World } from "./reliability/world";

// Schema-driven junk to every route the app serves (OpenAPI and hidden): never a 5xx, never a stack
// trace, every /api error in {code, message: {zh, en}}, no personal value in clear; afterwards the
// database invariants hold and the audit chain verifies. CI sends ≥ 2,000; `npm run reliability` more.
const PER_ROUTE = Number(process.env.PINGAN_FUZZ_PER_ROUTE ?? 12);
const MIN_TOTAL = Number(process.env.PINGAN_FUZZ_MIN ?? 2000);
const SEED = Number(process.env.PINGAN_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

let env: TestEnv;
let app: FastifyTypebox;
let http: Http;
let w: World;
let actors: Auth[] = [];
let ids: string[] = [];

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  http = injectHttp(app);
  const root = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
  w = await buildWorld(http, root, {
    prefix: `F${Date.now().toString(36)}`,
    departmentCode: (await buildDepartment(env)).code,
  });
  const login = await http.send({
    method: "POST",
    url: "/api/auth/login",
    json: { username: w.users.dispatcher.username, password: USER_PASSWORD },
  });
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  actors = [
    root,
    w.users.admin.auth,
    w.users.dispatcher.auth,
    w.users.grid_worker.auth,
    w.users.resident.auth,
    { cookie },
    {},
  ];
  ids = [...Object.values(w.a.ids), ...Object.values(w.b.ids), ...Object.values(w.users).map((u) => u.id)];
}, 300_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

// moves the clock for everyone; ends the sessions the run uses; a stream that never ends
const SKIP = new Set([
  "POST /api/admin/clock",
  "POST /api/auth/logout",
  "GET /api/notifications/stream",
  "GET /docs/*",
]);
const UPLOADS = [
  "POST /api/files",
  "POST /api/registry/imports",
  "POST /api/events/import",
  "POST /open311/v2/requests.{format}",
];
const STACK = /\bat .+\.(ts|js|mjs):\d+|node_modules\/|\n\s+at /;

let sent = 0;
const failures: string[] = [];
const statuses = new Map<number, number>();

async function fire(route: RouteOp, req: Req, what: string): Promise<Reply> {
  const res = await http.send(req);
  sent++;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const line = `${route.key} [${what}] ${req.url.slice(0, 120)} → ${res.status} ${res.text.slice(0, 200)}`;
  if (res.status >= 500 || STACK.test(res.text)) failures.push(line);
  else if (res.status >= 400 && route.path.startsWith("/api/")) {
    let body: any;
    try {
      body = res.json();
    } catch {
      body = undefined;
    }
    if (!body?.code || !body?.message?.zh || !body?.message?.en)
      failures.push(`${line} (not {code, message})`);
  }
  if (!/reveal/.test(route.path)) {
    const secret = [...w.a.secrets, ...w.b.secrets].find((s) => res.text.includes(s));
    if (secret) failures.push(`${line} (shows ${secret} in clear)`);
  }
  return res;
}

function urlOf(route: RouteOp, param: string, query: Record<string, string>): string {
  const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(param));
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}

function queryArb(route: RouteOp): fc.Arbitrary<Record<string, string>> {
  const params: any[] = (route.op?.parameters ?? []).filter((p: any) => p.in === "query");
  if (!params.length)
    return fc.dictionary(fc.constantFrom("q", "page", "__proto__"), fc.string({ maxLength: 20 }), {
      maxKeys: 2,
    });
  const value = (p: any) =>
    fc.oneof(
      validFor(p.schema ?? {}, { ids, depth: 0 }).map((v) =>
        typeof v === "object" ? JSON.stringify(v) : String(v),
      ),
      fc.constantFrom(...NASTY_STRINGS.slice(0, 16), "", "-1", "99999999999999999999", "true", "[]"),
    );
  return fc.record(Object.fromEntries(params.map((p) => [p.name, value(p)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string>>;
}

const CONTENT_JUNK: { type?: string; body: string | Buffer }[] = [
  { type: "text/plain", body: "hello" },
  {
    type: "application/xml",
    body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
  },
  { type: "application/x-www-form-urlencoded", body: "a=1&b=%ZZ&__proto__[admin]=1" },
  { type: "application/json", body: '{"a": 1,, }' },
  { type: "application/json", body: "" },
  { type: "application/json; charset=utf-16", body: Buffer.from('{"a":1}', "utf16le") },
  {
    type: "multipart/form-data; boundary=xyz",
    body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
  },
  { type: undefined, body: '{"name":"x"}' },
  { type: "application/json", body: "[" + "[".repeat(5000) + "]".repeat(5000) + "]" },
];

function uploadJunk(): fc.Arbitrary<{ body: Buffer; headers: Record<string, string> }> {
  const file = fc.record({
    name: fc.constantFrom(
      "a.jpg",
      "人员.xlsx",
      "../../etc/passwd",
      "x.exe",
      "a".repeat(500) + ".csv",
      "",
      "evil\r\n.png",
    ),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((u) => Buffer.from(u)),
      fc.constant(Buffer.from("MZ\x90\x00" + "\x00".repeat(60) + "This program cannot be run in DOS mode")),
      fc.constant(PNG_1PX),
      fc.constant(Buffer.from("PK\x03\x04" + "junk".repeat(100))),
      fc.constant(Buffer.from("姓名,证件号码\n张三,110101199003070000\n" + "李四,x\n".repeat(50))),
      fc.constant(Buffer.alloc(0)),
    ),
    type: fc.constantFrom("image/jpeg", "application/octet-stream", "text/csv", "application/x-msdownload"),
    field: fc.constantFrom("file", "media", "upload"),
  });
  const fields = fc.dictionary(
    fc.constantFrom(
      "kind",
      "areaCode",
      "source",
      "service_code",
      "description",
      "lat",
      "long",
      "api_key",
      "__proto__",
    ),
    fc.oneof(
      fc.constantFrom("persons", "places", "houses", "hotline_12345", "110"),
      fc.constantFrom(...NASTY_STRINGS.slice(0, 12)),
    ),
    { maxKeys: 4 },
  );
  return fc.oneof(
    fc.tuple(fields, file).map(([f, x]) => multipart(f, x)),
    fields.map((f) => multipart(f)),
    fc.constant({ body: Buffer.from("--nope\r\n\r\n"), headers: { "content-type": "multipart/form-data" } }),
    fc.constant({
      body: Buffer.from("garbage"),
      headers: { "content-type": "multipart/form-data; boundary=" },
    }),
  );
}

describe("API fuzzing", () => {
  it("answers extreme numbers in every integer parameter with a 4xx", async () => {
    const extremes = ["9999999999999999999", "-9223372036854775809", "1e400", "-0", "0x10", "NaN", "1.5"];
    const found: string[] = [];
    for (const route of (await listRoutes(app)).filter((r) => !SKIP.has(r.key))) {
      const ints = (route.op?.parameters ?? []).filter((p: any) =>
        ["integer", "number"].includes(p.schema?.type),
      );
      for (const p of ints)
        for (const v of extremes) {
          const path = route.path.replace(/\{[^}]+\}/g, (m) => (m === `{${p.name}}` ? v : w.a.ids.event));
          const url = p.in === "query" ? `${path}?${p.name}=${v}` : path;
          const res = await http.send({ method: route.method, url, headers: actors[0]! });
          if (res.status >= 500) found.push(`${route.key} ${p.name}=${v} → ${res.status}`);
        }
    }
    expect(found).toEqual([]);
  });

  it(
    "answers junk on every route with a clear 4xx, never a 5xx or a stack trace; invariants hold after",
    { timeout: 120_000 + PER_ROUTE * 10_000 },
    async () => {
      const routes = (await listRoutes(app)).filter((r) => !SKIP.has(r.key));
      let seed = SEED;
      for (const route of routes) {
        const bodySchema = route.op?.requestBody?.content?.["application/json"]?.schema;
        const samples = fc.sample(
          fc.record({
            body: bodySchema ? defectiveBody(bodySchema, ids) : anyJson,
            query: queryArb(route),
            param: pathParam(ids),
            actor: fc.nat(actors.length - 1),
          }),
          { numRuns: PER_ROUTE, seed: seed++ },
        );
        for (const s of samples) {
          const url = urlOf(route, s.param, s.query);
          const auth = actors[s.actor]!;
          const withBody = route.method !== "GET" && route.method !== "DELETE";
          await fire(
            route,
            { method: route.method, url, headers: auth, ...(withBody ? { json: s.body } : {}) },
            "schema",
          );
        }
        if (route.method === "GET" || route.method === "DELETE") continue;
        // odd content types and malformed bodies, as the dispatcher and as the anonymous
        for (const [i, junk] of fc
          .sample(fc.constantFrom(...CONTENT_JUNK), { numRuns: 2, seed: seed++ })
          .entries()) {
          const url = urlOf(route, w.a.ids.person, {});
          const headers = { ...(i ? {} : actors[2]!), ...(junk.type ? { "content-type": junk.type } : {}) };
          await fire(route, { method: route.method, url, headers, body: junk.body }, "content-type");
        }
      }
      // multipart junk on the upload routes
      for (const key of UPLOADS) {
        const route = routes.find((r) => r.key === key);
        if (!route) continue;
        for (const [i, up] of fc
          .sample(uploadJunk(), { numRuns: Math.max(10, PER_ROUTE), seed: seed++ })
          .entries()) {
          const url = route.path.replace("{format}", "json");
          await fire(
            route,
            { method: "POST", url, headers: { ...actors[i % 4]!, ...up.headers }, body: up.body },
            "multipart",
          );
        }
      }
      const byStatus = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`);
      console.log(
        `fuzz: ${sent} requests over ${routes.length} routes (seed ${SEED}); statuses ${byStatus.join(" ")}`,
      );
      if (failures.length)
        console.error(`fuzz findings (seed ${SEED}):\n${failures.slice(0, 60).join("\n")}`);
      expect(failures.slice(0, 30)).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(MIN_TOTAL);
      expect(await checkInvariants(env.db, env.keyring)).toEqual([]);
    },
  );
});
