import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/database";
import type { FastifyTypebox } from "../../src/http/types";
import { testEngine } from "../db";
import { buildUser } from "../factories";
import { bearer, testApp, testEnv, type TestEnv } from "../services";
import { importTree, type Tree } from "./areas";
import { injectHttp, ok, type Auth, type Http, type Reply, type Req } from "./http";
import { eventInvariants } from "./invariants";
import { createUser } from "./world";

// Parallel clients on the same records (PGlite, or PostgreSQL when TEST_DATABASE_URL is set): exactly
// one wins each conflicting change, retries lose no update, and every request answers (no deadlock).
const N = Number(process.env.PINGAN_CONCURRENCY ?? 20);
const BOUND_MS = 120_000;

let env: TestEnv;
let app: FastifyTypebox;
let http: Http;
let tree: Tree;
const dispatchers: Auth[] = [];
let worker: Auth;
let hung = 0;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  http = injectHttp(app);
  const root = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
  tree = await importTree(http, root, `C${Date.now().toString(36)}`);
  for (let i = 0; i < 4; i++)
    dispatchers.push(
      (await createUser(http, root, { roles: ["dispatcher"], scopes: [tree.street.code] })).auth,
    );
  worker = (await createUser(http, root, { roles: ["grid_worker"], scopes: [tree.gridA.code] })).auth;
}, 300_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

/** Sends, and counts a request that has not answered within the bound (a deadlock left hanging). */
async function bounded(req: Req): Promise<Reply> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      hung++;
      reject(new Error(`no answer within ${BOUND_MS} ms: ${req.method} ${req.url}`));
    }, BOUND_MS);
  });
  try {
    return await Promise.race([http.send(req), hang]);
  } finally {
    clearTimeout(timer);
  }
}

const all = <T>(n: number, f: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => f(i)));
const as = (i: number) => dispatchers[i % dispatchers.length]!;
const statuses = (rs: Reply[]) => rs.map((r) => r.status).sort();

async function reportedEvent(): Promise<{ id: string; version: number }> {
  return ok(http, {
    method: "POST",
    url: "/api/events",
    headers: worker,
    json: { category: "0101", description: "并发测试", areaCode: tree.gridA.code },
  });
}

describe(`${N} parallel clients on ${testEngine}`, { timeout: 60_000 + N * 4_000 }, () => {
  it("acting on one event with the same version: one 2xx, the others 409 with the current event", async () => {
    const e = await reportedEvent();
    const rs = await all(N, (i) =>
      bounded({
        method: "POST",
        url: `/api/events/${e.id}/actions`,
        headers: as(i),
        json: { action: "accept", version: e.version },
      }),
    );
    expect(statuses(rs)).toEqual([200, ...Array(N - 1).fill(409)]);
    for (const r of rs.filter((x) => x.status === 409)) {
      expect(r.json().code).toBe("EVENT_VERSION_CONFLICT");
      expect(JSON.stringify(r.json())).toContain('"state":"accepted"');
    }
    const timeline = await queryRows<{ action: string }>(
      env.db,
      sql`select action from event_actions where event_id = ${e.id} order by id`,
    );
    expect(timeline.map((t) => t.action)).toEqual(["report", "accept"]);
  });

  it("sending one idempotency key in parallel: applied once, every client gets the same answer", async () => {
    const e = await reportedEvent();
    const rs = await all(N, (i) =>
      bounded({
        method: "POST",
        url: `/api/events/${e.id}/actions`,
        headers: as(i),
        json: { action: "accept", version: e.version, idempotencyKey: `same-${e.id}` },
      }),
    );
    expect(new Set(rs.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(rs.map((r) => r.json().version))).toEqual(new Set([e.version + 1]));
    const n = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from event_actions where event_id = ${e.id} and action = 'accept'`,
    );
    expect(n[0]!.n).toBe(1);
  });

  it("patching one person with the same version: one wins, the others 409; one change in its history", async () => {
    const p = await ok(http, {
      method: "POST",
      url: "/api/persons",
      headers: as(0),
      json: { name: "并发人员", areaCode: tree.gridA.code },
    });
    const rs = await all(N, (i) =>
      bounded({
        method: "PATCH",
        url: `/api/persons/${p.id}`,
        headers: as(i),
        json: { version: p.version, occupation: `职业${i}` },
      }),
    );
    expect(statuses(rs)).toEqual([200, ...Array(N - 1).fill(409)]);
    const winner = rs.find((r) => r.status === 200)!.json();
    const now = await ok(http, { url: `/api/persons/${p.id}`, headers: as(0) });
    expect(now).toMatchObject({ version: p.version + 1, occupation: winner.occupation });
    const changes = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from registry_changes where subject_id = ${p.id}`,
    );
    expect(changes[0]!.n).toBe(2); // created, then the one change
  });

  it("read-modify-write with retry on 409: every client's change is in the final state", async () => {
    const h = await ok(http, {
      method: "POST",
      url: "/api/households",
      headers: as(0),
      json: { areaCode: tree.gridA.code, note: "起" },
    });
    let conflicts = 0;
    await all(N, async (i) => {
      for (;;) {
        const cur = (await bounded({ url: `/api/households/${h.id}`, headers: as(i) })).json();
        const res = await bounded({
          method: "PATCH",
          url: `/api/households/${h.id}`,
          headers: as(i),
          json: { version: cur.version, note: `${cur.note} c${i};` },
        });
        if (res.status === 200) return;
        expect(res.status, res.text).toBe(409);
        conflicts++;
      }
    });
    const final = await ok(http, { url: `/api/households/${h.id}`, headers: as(0) });
    for (let i = 0; i < N; i++) expect(final.note).toContain(` c${i};`);
    expect(final.version).toBe(h.version + N);
    console.log(`read-modify-write: ${N} clients, ${conflicts} conflicts retried`);
  });

  it("toggling events from many clients with retries keeps version = timeline, and comments all land", async () => {
    const events = await all(
      3,
      async () =>
        (
          await ok(http, {
            method: "POST",
            url: "/api/events",
            headers: as(0),
            json: { category: "0101", description: "切换", areaCode: tree.gridA.code },
          })
        ).id as string,
    );
    const done = await all(N, async (i) => {
      const id = events[i % events.length]!;
      for (let step = 0; step < 3; step++) {
        for (;;) {
          const ev = (await bounded({ url: `/api/events/${id}`, headers: as(i) })).json();
          const body =
            ev.state === "suspended" ? { action: "resume" } : { action: "suspend", reason: "并发挂起" };
          const res = await bounded({
            method: "POST",
            url: `/api/events/${id}/actions`,
            headers: as(i),
            json: { ...body, version: ev.version },
          });
          if (res.status === 200) break;
          expect(res.status, res.text).toBe(409);
        }
      }
      const c = await bounded({
        method: "POST",
        url: `/api/events/${id}/actions`,
        headers: as(i),
        json: { action: "comment", note: `评论${i}` },
      });
      expect(c.status, c.text).toBe(200);
      return id;
    });
    expect(done).toHaveLength(N);
    for (const id of events) {
      const n = await queryRows<{ steps: number; comments: number; version: number }>(
        env.db,
        sql`select count(*) filter (where action in ('suspend','resume'))::int as steps,
                   count(*) filter (where action = 'comment')::int as comments,
                   (select version from events where id = ${id}) as version
            from event_actions where event_id = ${id}`,
      );
      const mine = done.filter((d) => d === id).length;
      expect(n[0]).toMatchObject({ steps: mine * 3, comments: mine, version: 2 + mine * 3 });
    }
    expect(await eventInvariants(env.db)).toEqual([]);
  });

  it("merging pairs both ways at once: no deadlock, at most one merge per pair, no 5xx", async () => {
    const pairs = await all(
      Math.max(2, N / 4),
      async () => [(await reportedEvent()).id, (await reportedEvent()).id] as const,
    );
    const rs = await all(pairs.length * 2, async (i) => {
      const [a, b] = pairs[i >> 1]!;
      const [from, into] = i % 2 ? [b, a] : [a, b];
      const ev = (await bounded({ url: `/api/events/${from}`, headers: as(i) })).json();
      return bounded({
        method: "POST",
        url: `/api/events/${from}/actions`,
        headers: as(i),
        json: { action: "merge", version: ev.version, intoId: into, reason: "重复" },
      });
    });
    expect(rs.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
    for (let p = 0; p < pairs.length; p++)
      expect(rs.slice(2 * p, 2 * p + 2).filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    expect(await eventInvariants(env.db)).toEqual([]);
  });

  it("adding one person to different households at once: one membership, the others refused", async () => {
    const p = await ok(http, {
      method: "POST",
      url: "/api/persons",
      headers: as(0),
      json: { name: "抢户人员", areaCode: tree.gridA.code },
    });
    const hs = await all(
      Math.min(N, 8),
      async () =>
        (
          await ok(http, {
            method: "POST",
            url: "/api/households",
            headers: as(0),
            json: { areaCode: tree.gridA.code },
          })
        ).id as string,
    );
    const rs = await all(hs.length, (i) =>
      bounded({
        method: "POST",
        url: `/api/households/${hs[i]}/members`,
        headers: as(i),
        json: { personId: p.id, relation: "01" },
      }),
    );
    expect(rs.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
    expect(rs.filter((r) => r.status < 300)).toHaveLength(1);
    const rows = await queryRows<{ household_id: string }>(
      env.db,
      sql`select household_id from household_members where person_id = ${p.id} and left_on is null`,
    );
    const person = await ok(http, { url: `/api/persons/${p.id}`, headers: as(0) });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(person)).toContain(rows[0]!.household_id);
    expect(hung).toBe(0);
  });
});
