/**
 * Soak: mixed load against a server this script starts on loopback (PGlite in a temporary folder) for
 * --minutes (default 10), at a bounded rate: grid workers report and handle events, dispatchers accept,
 * verify and close them, dashboards poll KPIs and lists, residents read their reports, the registry is
 * searched and grows. Reports throughput, p50/p95/p99 per request kind, errors and the server's RSS;
 * exits 1 when any request failed, RSS grew more than 10 % after warm-up, or the last minute's p99 is
 * more than twice the first's.  Usage: npm run soak -- [--minutes 10] [--rate 40] [--seed 1]
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { importTree } from "../test/reliability/areas";
import { fetchHttp, login, type Auth, type Http, type Req } from "../test/reliability/http";
import { childEnv, runCli, seeded, sleep, startServer, stopServer, tempDir } from "../test/reliability/proc";
import { createUser, newIdNumber } from "../test/reliability/world";

const { values } = parseArgs({
  allowPositionals: true, // run-ts.js passes this file's path first
  options: {
    minutes: { type: "string", default: "10" },
    rate: { type: "string", default: "40" },
    seed: { type: "string", default: "1" },
    "warmup-seconds": { type: "string" },
  },
});
const MINUTES = Number(values.minutes);
const RATE = Number(values.rate);
const rnd = seeded(Number(values.seed));
const DURATION_MS = MINUTES * 60_000;
const WARMUP_MS = values["warmup-seconds"]
  ? Number(values["warmup-seconds"]) * 1000
  : Math.min(60_000, DURATION_MS / 4);
const PASSWORD = "soak-test-pass-1";

interface Sample {
  kind: string;
  at: number;
  ms: number;
  status: number;
}
const samples: Sample[] = [];
const errors: string[] = [];
let conflicts = 0;
let started = 0;

/** Sends one request, timing it; 5xx, network failures and unexpected 4xx count as errors. */
async function timed(http: Http, kind: string, req: Req, expect: number[] = [200, 201]): Promise<any> {
  const t0 = performance.now();
  let status = 0;
  try {
    const res = await http.send(req);
    status = res.status;
    samples.push({ kind, at: Date.now() - started, ms: performance.now() - t0, status });
    if (status === 409) {
      conflicts++;
      return undefined;
    }
    if (!expect.includes(status)) {
      errors.push(`${kind}: ${req.method ?? "GET"} ${req.url} → ${status} ${res.text.slice(0, 200)}`);
      return undefined;
    }
    return res.text ? res.json() : undefined;
  } catch (err) {
    samples.push({ kind, at: Date.now() - started, ms: performance.now() - t0, status: 0 });
    errors.push(`${kind}: ${req.url} → ${(err as Error).message}`);
    return undefined;
  }
}

/** A token bucket shared by all workers: at most RATE requests a second in all. */
let tokens = 0;
async function take(): Promise<void> {
  while (tokens <= 0) await sleep(5);
  tokens--;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : 0;
}

async function main() {
  const dir = tempDir("pingan-soak-");
  const env = childEnv(dir, { LOG_LEVEL: "warn" });
  console.log(`soak: ${MINUTES} min at ≤ ${RATE} req/s, warm-up ${WARMUP_MS / 1000} s, data in ${dir}`);
  const added = await runCli(
    ["user", "add", "--username", "ops", "--name", "运维", "--role", "admin", "--password", PASSWORD],
    env,
  );
  if (added.code !== 0) throw new Error(added.stderr);
  const server = await startServer(env);
  const http = fetchHttp(server.url);
  try {
    const root = await login(http, "ops", PASSWORD);
    const tree = await importTree(http, root, `S${Date.now().toString(36)}`);
    const grids = [tree.gridA, tree.gridA2, tree.gridB];
    const workers = await Promise.all(
      grids.map((g) => createUser(http, root, { roles: ["grid_worker"], scopes: [g.code] })),
    );
    const dispatchers = [
      await createUser(http, root, { roles: ["dispatcher"], scopes: [tree.street.code] }),
      await createUser(http, root, { roles: ["dispatcher"], scopes: [tree.street.code] }),
    ];
    const leader = await createUser(http, root, { roles: ["leader"], scopes: [tree.street.code] });
    const residents = await Promise.all(
      grids.map((g) => createUser(http, root, { roles: ["resident"], scopes: [g.code] })),
    );

    started = Date.now();
    const end = started + DURATION_MS;
    const refill = setInterval(() => (tokens = Math.min(RATE, tokens + RATE / 20)), 50);
    const rss: { at: number; bytes: number }[] = [];
    const pid = server.child.pid!;
    const sampler = setInterval(() => rss.push({ at: Date.now() - started, bytes: rssOf(pid) }), 2000);
    rss.push({ at: 0, bytes: rssOf(pid) });
    const running = () => Date.now() < end;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;

    const reporter = async (w: { auth: Auth }, area: string) => {
      for (let n = 0; running(); n++) {
        await take();
        await timed(http, "report event", {
          method: "POST",
          url: "/api/events",
          headers: w.auth,
          json: {
            category: pick(["0101", "0103", "0404"]),
            description: `巡查发现问题 ${n}`,
            areaCode: area,
          },
        });
        await take();
        const open = await timed(http, "list my grid", {
          url: "/api/events?state=accepted&limit=20",
          headers: w.auth,
        });
        const e = open?.items?.[0];
        if (e) {
          await take();
          await timed(http, "handle in grid", {
            method: "POST",
            url: `/api/events/${e.id}/actions`,
            headers: w.auth,
            json: { action: "handle_in_grid", version: e.version, result: "已现场处置" },
          });
        }
        if (n % 5 === 0) {
          await take();
          await timed(http, "register person", {
            method: "POST",
            url: "/api/persons",
            headers: w.auth,
            json: { name: `住户${n}`, idNumber: newIdNumber(n * 13), areaCode: area },
          });
        }
        await sleep(200);
      }
    };
    const dispatcher = async (d: { auth: Auth }) => {
      while (running()) {
        for (const [state, body] of [
          ["reported", { action: "accept" }],
          ["feedback", { action: "verify", ok: true }],
          ["verified", { action: "close" }],
        ] as const) {
          await take();
          const list = await timed(http, "dispatch board", {
            url: `/api/events?state=${state}&limit=10&sort=deadline`,
            headers: d.auth,
          });
          const e = list?.items
            ? pick<{ id: string; version: number } | undefined>([...list.items, undefined])
            : undefined;
          if (!e) continue;
          await take();
          await timed(http, `event ${body.action}`, {
            method: "POST",
            url: `/api/events/${e.id}/actions`,
            headers: d.auth,
            json: { ...body, version: e.version, idempotencyKey: `${e.id}:${e.version}` },
          });
        }
        await sleep(100);
      }
    };
    const dashboard = async (l: { auth: Auth }) => {
      while (running()) {
        await take();
        await timed(http, "kpis", { url: "/api/kpis", headers: l.auth });
        await take();
        await timed(http, "event list", { url: "/api/events?limit=50", headers: l.auth });
        await take();
        await timed(http, "supervisions", { url: "/api/supervisions?pageSize=50", headers: l.auth });
        await take();
        await timed(http, "person search", {
          url: `/api/persons?q=${encodeURIComponent(pick(["住户", "张", "zh"]))}&pageSize=20`,
          headers: l.auth,
        });
        await sleep(500);
      }
    };
    const resident = async (r: { auth: Auth }, area: string) => {
      const mine: string[] = [];
      for (let n = 0; running(); n++) {
        await take();
        if (n % 4 === 0) {
          const e = await timed(http, "resident report", {
            method: "POST",
            url: "/api/events",
            headers: r.auth,
            json: { category: "0101", description: `居民反映 ${n}`, areaCode: area },
          });
          if (e) mine.push(e.id);
        } else if (mine.length)
          await timed(http, "resident reads", { url: `/api/events/${pick(mine)}`, headers: r.auth });
        else await timed(http, "resident list", { url: "/api/events?limit=10", headers: r.auth });
        await sleep(800);
      }
    };
    await Promise.all([
      ...workers.map((w, i) => reporter(w, grids[i]!.code)),
      ...dispatchers.map((d) => dispatcher(d)),
      dashboard(leader),
      ...residents.map((r, i) => resident(r, grids[i]!.code)),
    ]);
    clearInterval(refill);
    clearInterval(sampler);
    rss.push({ at: Date.now() - started, bytes: rssOf(pid) });
    return report(rss);
  } finally {
    await stopServer(server, "SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(rss: { at: number; bytes: number }[]): number {
  const seconds = (Date.now() - started) / 1000;
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  console.log(
    `\n${samples.length} requests in ${seconds.toFixed(0)} s = ${(samples.length / seconds).toFixed(1)} req/s; ${errors.length} errors; ${conflicts} version conflicts (409, retried by the next round)`,
  );
  console.log(
    `${"kind".padEnd(18)} ${"n".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`,
  );
  for (const k of kinds) {
    const ms = samples.filter((s) => s.kind === k).map((s) => s.ms);
    console.log(
      `${k.padEnd(18)} ${String(ms.length).padStart(6)} ${pct(ms, 50).toFixed(1).padStart(8)} ${pct(ms, 95).toFixed(1).padStart(8)} ${pct(ms, 99).toFixed(1).padStart(8)}`,
    );
  }
  const first = samples.filter((s) => s.at < 60_000).map((s) => s.ms);
  const last = samples.filter((s) => s.at >= seconds * 1000 - 60_000).map((s) => s.ms);
  const p99First = pct(first, 99);
  const p99Last = pct(last, 99);
  const warm = rss.find((r) => r.at >= WARMUP_MS) ?? rss[0]!;
  const endRss = rss[rss.length - 1]!;
  const growth = (endRss.bytes - warm.bytes) / warm.bytes;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const minutes = Math.ceil(seconds / 60);
  const byMinute = Array.from({ length: minutes }, (_, m) =>
    samples.filter((s) => Math.floor(s.at / 60_000) === m).map((s) => s.ms),
  );
  console.log(
    `p50/p99 by minute (ms): ${byMinute.map((ms) => `${pct(ms, 50).toFixed(0)}/${pct(ms, 99).toFixed(0)}`).join(" ")}`,
  );
  console.log(
    `p99 first minute ${p99First.toFixed(1)} ms, last minute ${p99Last.toFixed(1)} ms (×${(p99Last / p99First).toFixed(2)})`,
  );
  console.log(
    `RSS start ${mb(rss[0]!.bytes)}, after warm-up ${mb(warm.bytes)}, end ${mb(endRss.bytes)}, max ${mb(Math.max(...rss.map((r) => r.bytes)))} (growth after warm-up ${(growth * 100).toFixed(1)} %)`,
  );
  const perMinute = rss.filter(
    (r, i) => i === 0 || Math.floor(r.at / 60_000) > Math.floor(rss[i - 1]!.at / 60_000),
  );
  console.log(`RSS by minute: ${perMinute.map((r) => mb(r.bytes)).join(" → ")} → ${mb(endRss.bytes)}`);
  const problems = [
    ...(errors.length
      ? [`${errors.length} failed requests, e.g.\n    ${errors.slice(0, 5).join("\n    ")}`]
      : []),
    ...(growth > 0.1 ? [`RSS grew ${(growth * 100).toFixed(1)} % after warm-up (limit 10 %)`] : []),
    ...(p99Last > 2 * p99First
      ? [`p99 drifted from ${p99First.toFixed(1)} to ${p99Last.toFixed(1)} ms (limit ×2)`]
      : []),
  ];
  if (problems.length) console.log(`\nSOAK FAILED:\n  ${problems.join("\n  ")}`);
  else console.log("\nsoak passed");
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
