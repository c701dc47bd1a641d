import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Actor as CoreActor, type Role } from "../../src/core/actor";
import { can } from "../../src/core/authorize";
import { queryRows } from "../../src/db/database";
import type { FastifyTypebox } from "../../src/http/types";
import { buildDepartment, buildUser } from "../factories";
import { bearer, testApp, testEnv, type TestEnv } from "../services";
import { PUBLIC_PARAMS, RULES, type Rule, type SideRef } from "./access-rules";
import { injectHttp, type Auth, type Http, type Reply } from "./http";
import { listRoutes, type RouteOp } from "./routes";
import { found, readableText } from "./scan";
import { buildWorld, type Records, type World } from "./world";

// Every route × every role × a record inside and outside the actor's area scope, against RULES.
let env: TestEnv;
let app: FastifyTypebox;
let http: Http;
let w: World;
let routes: RouteOp[];
/** The routes that have a rule (a route without one fails the first test, and only it). */
const ruled = () => routes.filter((r) => RULES[r.key]);
let sides: Record<SideRef["name"], SideRef>;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  http = injectHttp(app);
  const root = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
  const dept = await buildDepartment(env);
  w = await buildWorld(http, root, { prefix: `M${Date.now().toString(36)}`, departmentCode: dept.code });
  routes = await listRoutes(app);
  const nowhere = Object.fromEntries(
    Object.keys(w.a.ids).map((k) => [k, k === "trackingCode" ? "ZZZZZZZZZZZZ" : crypto.randomUUID()]),
  ) as unknown as Records;
  sides = {
    in: { name: "in", areaCode: w.tree.gridA.code, ids: w.a.ids },
    out: { name: "out", areaCode: w.tree.gridB.code, ids: w.b.ids },
    none: { name: "none", areaCode: "NOSUCHAREA", ids: nowhere },
    mixed: { name: "mixed", areaCode: w.tree.gridA.code, ids: w.a.ids },
  };
}, 300_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

/** The actor core/authorize.ts would see for a user of this role scoped to grid A. */
function actorOf(role: Role): CoreActor {
  const area = { id: "", code: w.tree.gridA.code, name: "", level: "grid", path: w.tree.gridA.path };
  return {
    userId: "x",
    username: role,
    displayName: role,
    roles: [role],
    scopes: [area],
    allAreas: false,
    departmentId: null,
    via: "token",
  };
}

const scopedParams = (rule: Rule) =>
  Object.entries(rule.params ?? {})
    .filter(([, p]) => "rec" in p || "area" in p)
    .map(([k]) => k);
const isScoped = (rule: Rule) => scopedParams(rule).length > 0 || Boolean(rule.bodyScoped);

/** The URL for a side; in "mixed", the first scoped parameter is grid A's and the others grid B's. */
function urlFor(route: RouteOp, rule: Rule, side: SideRef): string {
  const scoped = scopedParams(rule);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = rule.params?.[name];
    const s = side.name === "mixed" && scoped.indexOf(name) > 0 ? sides.out : side;
    if (!p) {
      const pub = PUBLIC_PARAMS[name];
      if (!pub) throw new Error(`${route.key}: no source for {${name}} in its rule`);
      return encodeURIComponent(pub(w));
    }
    if ("rec" in p) return encodeURIComponent(s.ids[p.rec]);
    if ("area" in p) return encodeURIComponent(s.areaCode);
    return encodeURIComponent(typeof p.value === "function" ? p.value(w) : p.value);
  });
  const q = rule.query?.(side, w);
  return q ? `${path}?${q}` : path;
}

async function send(route: RouteOp, rule: Rule, side: SideRef, auth: Auth): Promise<Reply> {
  const url = urlFor(route, rule, side);
  const jsonBody = route.op?.requestBody?.content?.["application/json"];
  if (route.method === "GET" || route.method === "DELETE")
    return http.send({ method: route.method, url, headers: auth });
  const body = rule.body?.(side, w) ?? (jsonBody ? {} : undefined);
  return http.send({
    method: route.method,
    url,
    headers: auth,
    ...(body === undefined ? {} : { json: body }),
  });
}

const failures: string[] = [];
const fail = (route: RouteOp, who: string, side: string, msg: string, res?: Reply) =>
  failures.push(
    `${route.key} as ${who} (${side}): ${msg}${res ? ` → ${res.status} ${res.text.slice(0, 160)}` : ""}`,
  );

/** Scans an answer a user scoped to grid A got: nothing of grid B, no personal value in clear. */
async function scan(route: RouteOp, rule: Rule, role: string, side: string, res: Reply, allowedIn: boolean) {
  const text = await readableText(res.raw, res.headers["content-type"] as string | undefined);
  // public routes answer anyone (no scope to keep); administrators' deployment-wide views by policy
  if (rule.kind !== "public" && !rule.deploymentWide) {
    const outside = found(text, [...Object.values(w.b.ids), ...w.b.texts]);
    if (outside.length) fail(route, role, side, `shows grid B's ${outside.slice(0, 3).join(", ")}`, res);
  }
  const mayReveal = rule.reveals && side === "in" && allowedIn;
  const secrets = found(text, mayReveal ? w.b.secrets : [...w.a.secrets, ...w.b.secrets]);
  if (secrets.length) fail(route, role, side, `shows a personal value in clear (${secrets[0]})`, res);
  if (
    !allowedIn &&
    (rule.kind === "read" || rule.kind === "list" || rule.kind === "self") &&
    res.status === 200
  ) {
    const inside = found(text, [...Object.values(w.a.ids), ...w.a.texts]);
    if (inside.length) fail(route, role, side, `not allowed, yet shows ${inside[0]}`, res);
  }
}

/** Fails the test with every finding listed (not only the first). */
function expectNoFailures() {
  const found = failures.splice(0);
  if (found.length) console.error(`${found.length} access-matrix findings:\n${found.join("\n")}`);
  expect(found).toEqual([]);
}

const is2xx = (s: number) => s >= 200 && s < 300;

async function checkRole(route: RouteOp, rule: Rule, role: Role) {
  const auth = w.users[role].auth;
  const actor = actorOf(role);
  const subject = isScoped(rule) ? { areaPath: w.tree.gridA.path } : undefined;
  const allowedIn = rule.roles ? rule.roles.includes(role) : can(actor, rule.action!, subject);
  const reading = rule.kind !== "write";
  const inRes = await send(route, rule, sides.in, auth);
  await scan(route, rule, role, "in", inRes, allowedIn);
  const okIn = (st: number) => (reading ? st === 200 : is2xx(st)) || Boolean(rule.okStatus?.includes(st));
  const refused = [403, 404, ...(rule.bodyScoped ? [422] : [])];
  if (reading) {
    if (allowedIn && rule.absent) {
      if (inRes.status !== 404) fail(route, role, "in", "names nothing: expected 404", inRes);
    } else if (allowedIn && !okIn(inRes.status))
      fail(route, role, "in", "allowed by policy but refused", inRes);
    // a self view, or a list of one's own, may answer 200 to those without the permission if it shows nothing
    const own = (rule.kind === "self" || rule.ownOnly) && inRes.status === 200;
    if (!allowedIn && !refused.includes(inRes.status) && !own)
      fail(route, role, "in", "not allowed, expected 403/404", inRes);
  } else {
    if (!allowedIn && is2xx(inRes.status)) fail(route, role, "in", "not allowed, yet changed", inRes);
    if (!allowedIn && rule.body && !refused.includes(inRes.status))
      fail(route, role, "in", "not allowed (valid body), expected 403/404", inRes);
    if (allowedIn && rule.body && !okIn(inRes.status))
      fail(route, role, "in", "allowed with a valid body, refused", inRes);
  }
  if (!isScoped(rule) || rule.anyArea) return;
  const outRes = await send(route, rule, sides.out, auth);
  const noneRes = await send(route, rule, sides.none, auth);
  await scan(route, rule, role, "out", outRes, allowedIn);
  if (is2xx(outRes.status)) fail(route, role, "out", "succeeded outside the scope", outRes);
  else if (outRes.status !== noneRes.status)
    fail(route, role, "out", `answers unlike a missing record (${noneRes.status}): existence leaks`, outRes);
  else if (
    allowedIn &&
    (reading || rule.body) &&
    !(outRes.status === 404 || (rule.bodyScoped && outRes.status === 422))
  )
    fail(route, role, "out", "expected 404 outside the scope", outRes);
  if (scopedParams(rule).length > 1) {
    const mixed = await send(route, rule, sides.mixed, auth);
    await scan(route, rule, role, "mixed", mixed, allowedIn);
    if (is2xx(mixed.status))
      fail(route, role, "mixed", "succeeded with a record of grid B under grid A's", mixed);
  }
}

describe("access-control matrix", () => {
  it("has a rule for every route the app serves, and no rule for a route it does not", () => {
    const keys = new Set(routes.map((r) => r.key));
    const missing = routes.filter((r) => !RULES[r.key]).map((r) => `${r.key}: add the route to the matrix`);
    const stale = Object.keys(RULES)
      .filter((k) => !keys.has(k))
      .map((k) => `${k}: no such route any more`);
    expect([...missing, ...stale]).toEqual([]);
    expect(routes.length).toBeGreaterThan(150);
  });

  it("answers 401 to the anonymous everywhere but the public routes", async () => {
    for (const route of ruled()) {
      const rule = RULES[route.key]!;
      if (route.path === "/docs/*") continue;
      const res = await send(route, rule, sides.in, {});
      if (rule.kind === "public") {
        if (res.status === 401 || res.status >= 500)
          fail(route, "anonymous", "in", "public route refused", res);
        await scan(route, rule, "anonymous", "in", res, false);
      } else if (res.status !== 401) fail(route, "anonymous", "in", "expected 401", res);
    }
    expectNoFailures();
  });

  it("reads: every role sees exactly what its policy allows in grid A and nothing of grid B", async () => {
    for (const route of ruled()) {
      const rule = RULES[route.key]!;
      if (!["read", "list", "self"].includes(rule.kind)) continue;
      for (const role of ROLES) await checkRole(route, rule, role);
    }
    expectNoFailures();
  });

  it("changes: no role changes anything outside its scope; grid B's rows stay as they were", async () => {
    const before = await gridBRows();
    for (const route of ruled()) {
      const rule = RULES[route.key]!;
      if (rule.kind !== "write") continue;
      for (const role of ROLES) await checkRole(route, rule, role);
    }
    expectNoFailures();
    expect(await gridBRows()).toEqual(before);
    const userIds = Object.values(w.users).map((u) => u.id);
    const touched = await queryRows<{ action: string; subject_id: string }>(
      env.db,
      sql`select action, subject_id from audit_log where actor_id in ${sql.raw(`('${userIds.join("','")}')`)}
          and subject_id in ${sql.raw(`('${Object.values(w.b.ids).join("','")}')`)}`,
    );
    expect(touched).toEqual([]);
  });
});

/** Every row of the record tables that mentions one of grid B's ids, as text, sorted. */
async function gridBRows(): Promise<string[]> {
  const tables = [
    "persons",
    "households",
    "household_members",
    "buildings",
    "houses",
    "tenancies",
    "places",
    "things",
    "key_persons",
    "key_person_helpers",
    "care_plans",
    "care_plan_actions",
    "visits",
    "events",
    "event_actions",
    "event_parts",
    "supervisions",
    "consultations",
    "consultation_participants",
    "tasks",
    "grid_team_members",
    "registry_imports",
    "ratings",
  ];
  const ids = Object.values(w.b.ids);
  const out: string[] = [];
  for (const t of tables) {
    const rows = await queryRows<{ r: string }>(
      env.db,
      sql`select to_jsonb(x)::text as r from ${sql.identifier(t)} x where to_jsonb(x)::text like any(${sql.raw(
        `array[${ids.map((i) => `'%${i}%'`).join(",")}]`,
      )})`,
    );
    out.push(...rows.map((r) => `${t} ${r.r}`));
  }
  return out.sort();
}
