import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_ROLES, type Role } from "../../src/core/actor";
import type { AreaRow } from "../../src/modules/areas/areas.repo";
import type { FastifyTypebox } from "../../src/http/types";
import { buildArea, buildDepartment, buildUser } from "../factories";
import { bearer, testApp, testEnv, type TestEnv } from "../services";
import { injectHttp, ok, type Http } from "./http";

// Random actors with random scope sets over a generated area tree: a staff member reads a record
// exactly when one of their areas is the record's area or an ancestor of it, single reads and lists.
const RUNS = Number(process.env.PINGAN_PROPERTY_RUNS ?? 25);
const SEED = Number(process.env.PINGAN_SEED ?? 20261123);

interface Node {
  row: AreaRow;
  parent: Node | null;
}
interface Rec {
  kind: "persons" | "places" | "events";
  id: string;
  area: Node;
}

let env: TestEnv;
let app: FastifyTypebox;
let http: Http;
let nodes: Node[] = [];
const records: Rec[] = [];
let deptCode = "";

/** The tree's shape from the seed: 2–3 children per area (0–3 micro-grids), 4 levels; sibling codes share prefixes. */
async function buildAreaTree(): Promise<Node[]> {
  const rand = fc.sample(fc.integer({ min: 0, max: 3 }), { numRuns: 200, seed: SEED });
  let r = 0;
  const tag = `P${Date.now().toString(36).toUpperCase()}`;
  const levels = ["street", "community", "grid", "micro_grid"];
  const out: Node[] = [];
  const grow = async (parent: Node | null, depth: number) => {
    const n = parent ? Math.max(depth < 3 ? 2 : 0, rand[r++ % rand.length]!) : 1;
    for (let i = 0; i < n; i++) {
      // "…1", "…10", "…11": a scope of …1 must not reach …10 (paths end in "/", not a bare prefix)
      const code = parent ? `${parent.row.code}${["1", "10", "11"][i]}` : tag;
      const row = await buildArea(env, { level: levels[depth], parent: parent?.row, code });
      const node = { row, parent };
      out.push(node);
      if (depth < levels.length - 1) await grow(node, depth + 1);
    }
  };
  await grow(null, 0);
  return out;
}

/** Whether `scope` is `area` or one of its ancestors, by walking parent links (not by path strings). */
const covers = (scope: Node, area: Node): boolean => {
  for (let a: Node | null = area; a; a = a.parent) if (a === scope) return true;
  return false;
};

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  http = injectHttp(app);
  const root = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
  nodes = await buildAreaTree();
  deptCode = (await buildDepartment(env)).code;
  const pick = fc.sample(fc.nat(nodes.length - 1), { numRuns: 36, seed: SEED + 1 });
  for (let i = 0; i < pick.length; i++) {
    const area = nodes[pick[i]!]!;
    const code = area.row.code;
    const kind = (["persons", "places", "events"] as const)[i % 3]!;
    const body =
      kind === "persons"
        ? { name: `属性人员${i}`, areaCode: code }
        : kind === "places"
          ? { name: `属性场所${i}`, kind: "restaurant", areaCode: code }
          : { category: "0101", description: `属性事件${i}`, areaCode: code };
    const made = await ok(http, { method: "POST", url: `/api/${kind}`, headers: root, json: body });
    records.push({ kind, id: made.id, area });
  }
}, 300_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

const EVENT_READERS: Role[] = ["admin", "leader", "dispatcher", "grid_worker", "mediator", "police"];

describe("scope as a property", () => {
  it("a staff member sees a record exactly when one of their areas covers it", async () => {
    expect(nodes.length).toBeGreaterThan(8);
    const actor = fc
      .record({
        role: fc.constantFrom<Role>("admin", ...STAFF_ROLES),
        scopes: fc.uniqueArray(fc.nat(nodes.length - 1), { minLength: 1, maxLength: 3 }),
        sample: fc.uniqueArray(fc.nat(records.length - 1), { minLength: 4, maxLength: 8 }),
      })
      .map((a) => {
        const picked = a.scopes.map((i) => nodes[i]!);
        // a scope inside another of the same user's adds nothing: keep the outer one
        const scopes = picked.filter((s) => !picked.some((o) => o !== s && covers(o, s)));
        return { role: a.role, scopes, sample: a.sample.map((i) => records[i]!) };
      });
    await fc.assert(
      fc.asyncProperty(actor, async ({ role, scopes, sample }) => {
        const department = role === "department_handler" ? deptCode : undefined;
        const user = await buildUser(env, { roles: [role], scopes: scopes.map((s) => s.row), department });
        const auth = await bearer(app, user.username);
        const readable = (r: Rec) => r.kind !== "events" || EVENT_READERS.includes(role);
        for (const r of sample) {
          const res = await http.send({ url: `/api/${r.kind}/${r.id}`, headers: auth });
          const visible = readable(r) && scopes.some((s) => covers(s, r.area));
          expect([res.status, r.kind, r.area.row.path], `${role} @ ${scopes.map((s) => s.row.path)}`).toEqual(
            [visible ? 200 : 404, r.kind, r.area.row.path],
          );
        }
        for (const kind of ["persons", "places"] as const) {
          const query = kind === "persons" ? "pageSize=200" : "limit=200";
          const list = await ok(http, { url: `/api/${kind}?${query}`, headers: auth });
          const got = (list.items as { id: string }[])
            .map((i) => i.id)
            .filter((id) => records.some((r) => r.id === id));
          const want = records
            .filter((r) => r.kind === kind && scopes.some((s) => covers(s, r.area)))
            .map((r) => r.id);
          expect(got.sort(), `${role} list ${kind}`).toEqual(want.sort());
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
