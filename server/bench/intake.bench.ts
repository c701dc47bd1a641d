/**
 * intake-pg and intake-pglite: events reported through the API (POST /api/events, a grid worker's
 * bearer token, 50 connections, a point located to its micro-grid, routed and clocked), beside raw
 * single-row INSERTs of event rows through the driver at the same concurrency, in the same run.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { round, type Benchmark, type BenchOptions, type BenchResult } from "./bench";
import { freePort, startPingan, stop, waitFor } from "./server-benches";

const CONNECTIONS = 50;
const CATEGORIES = [
  "0101",
  "0102",
  "0103",
  "0105",
  "0107",
  "0108",
  "0201",
  "0202",
  "0301",
  "0302",
  "0401",
  "0402",
  "0403",
  "0601",
  "0602",
  "0603",
  "1601",
  "1602",
  "1603",
  "1605",
];

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "pingan-demo" }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A point inside the grid worker's first grid, from the areas API. */
async function gridPoint(base: string, token: string): Promise<{ lat: number; lng: number }> {
  const me = (await (
    await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    scopes: { code: string }[];
  };
  const code = me.scopes[0]!.code;
  const area = (await (
    await fetch(`${base}/api/areas/${code}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { center: { lat: number; lng: number } };
  return area.center;
}

async function intakeLoad(base: string, seconds: number) {
  const token = await login(base, "demo-grid-worker");
  const point = await gridPoint(base, token);
  let n = 0;
  // a realistic mix: many categories over the whole grid, so few reports are near-duplicates
  const body = () =>
    JSON.stringify({
      category: CATEGORIES[n % CATEGORIES.length],
      description: `压测上报 ${++n}：现场情况描述，请尽快处理`,
      lat: point.lat + (Math.random() - 0.5) * 2e-3,
      lng: point.lng + (Math.random() - 0.5) * 2e-3,
    });
  const opts = {
    url: `${base}/api/events`,
    method: "POST" as const,
    connections: CONNECTIONS,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    requests: [
      { method: "POST" as const, setupRequest: (r: autocannon.Request) => ({ ...r, body: body() }) },
    ],
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, caches, connections
  const r = await autocannon({ ...opts, duration: seconds });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`intake: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

const RAW_INSERT = `insert into events (tracking_code, category_code, title, description, source, lat, lng, state)
  values ($1, '0101', '压测', $2, 'grid', 29.9, 121.6, 'reported')`;

/** Raw single-row inserts at the same concurrency for `seconds`: rows per second. */
async function rawInsertsPg(url: string, seconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  let count = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await pool.query(RAW_INSERT, [crypto.randomBytes(8).toString("hex"), "raw"]);
        count++;
      }
    }),
  );
  const rate = count / ((performance.now() - t0) / 1000);
  await pool.end();
  return rate;
}

async function rawInsertsPglite(dataDir: string, seconds: number): Promise<number> {
  const db = await PGlite.create(dataDir);
  try {
    let count = 0;
    const until = performance.now() + seconds * 1000;
    const t0 = performance.now();
    // one connection: concurrent callers queue on it, as the server's requests do
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          await db.query(RAW_INSERT, [crypto.randomBytes(8).toString("hex"), "raw"]);
          count++;
        }
      }),
    );
    return count / ((performance.now() - t0) / 1000);
  } finally {
    await db.close();
  }
}

async function adminPg(url: string, statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

function result(
  name: string,
  workload: string,
  got: Awaited<ReturnType<typeof intakeLoad>>,
  raw: number,
  goalRps: number,
  goalP99?: number,
): BenchResult {
  const met = got.rps >= goalRps && (goalP99 === undefined || got.p99 <= goalP99);
  return {
    name,
    workload,
    value: round(got.rps),
    unit: "events/s",
    baseline: `raw single-row INSERTs of event rows through the driver, ${CONNECTIONS} concurrent`,
    baselineValue: round(raw),
    ratio: round(got.rps / raw, 2),
    goal: goalP99 ? `≥ ${goalRps} events/s at p99 ≤ ${goalP99} ms` : `≥ ${goalRps} events/s`,
    met,
    detail: { p50ms: got.p50, p99ms: got.p99, requests: got.total },
  };
}

export const intakePgBench: Benchmark = {
  name: "intake-pg",
  async run(o: BenchOptions) {
    if (!o.pgUrl) {
      console.error("  skipped: no PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
      return null;
    }
    const name = `pingan_intake_${crypto.randomBytes(4).toString("hex")}`;
    await adminPg(o.pgUrl, `create database ${name}`);
    const u = new URL(o.pgUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-intake-pg-"));
    const port = await freePort();
    const s = startPingan(o.root, dataDir, port, {
      DATABASE_URL: url,
      PINGAN_DEMO: "1",
      PINGAN_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    });
    try {
      await waitFor(`http://127.0.0.1:${port}/api/health`, s.child, 300_000);
      const got = await intakeLoad(`http://127.0.0.1:${port}`, o.seconds * 2);
      await stop(s.child);
      const raw = await rawInsertsPg(url, o.seconds * 2);
      return result(
        "intake-pg",
        `POST /api/events, ${CONNECTIONS} connections, PostgreSQL`,
        got,
        raw,
        1000,
        100,
      );
    } finally {
      await stop(s.child);
      await adminPg(o.pgUrl, `drop database if exists ${name} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const intakePgliteBench: Benchmark = {
  name: "intake-pglite",
  async run(o: BenchOptions) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-intake-pglite-"));
    const port = await freePort();
    const s = startPingan(o.root, dataDir, port);
    try {
      await waitFor(`http://127.0.0.1:${port}/api/health`, s.child, 300_000);
      const got = await intakeLoad(`http://127.0.0.1:${port}`, o.seconds * 2);
      await stop(s.child);
      const raw = await rawInsertsPglite(path.join(dataDir, "pgdata"), o.seconds * 2);
      return result("intake-pglite", `POST /api/events, ${CONNECTIONS} connections, PGlite`, got, raw, 300);
    } finally {
      await stop(s.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
