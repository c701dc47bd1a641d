/** Start-up and health throughput of a real server process on the embedded database. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { PGlite } from "@electric-sql/pglite";
import { round, type Benchmark, type BenchOptions } from "./bench";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Starts `pingan start` on a data folder (PGlite unless env says otherwise); stdout discarded. */
export function startPingan(
  root: string,
  dataDir: string,
  port: number,
  extraEnv: Record<string, string> = {},
): { child: ChildProcess; t0: number } {
  // the default log level: an access-log line per request, as in production
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    ...extraEnv,
  };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, "server/bin/pingan.js"), "start"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, t0 };
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

let seeded: string | undefined;
/** A data folder the demo has been seeded into once (the first start is not what is measured). */
async function seededDataDir(root: string): Promise<string> {
  if (seeded) return seeded;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-bench-"));
  const port = await freePort();
  const s = startPingan(root, dir, port);
  await waitFor(`http://127.0.0.1:${port}/api/health`, s.child, 300_000);
  await stop(s.child);
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return (seeded = dir);
}

export const startupBench: Benchmark = {
  name: "startup",
  async run(o) {
    const dataDir = await seededDataDir(o.root);
    // best of three; baseline: opening the same kind of PGlite folder bare
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const s = startPingan(o.root, dataDir, port);
      starts.push(await waitFor(`http://127.0.0.1:${port}/api/health`, s.child));
      await stop(s.child);
    }
    const bareDir = path.join(os.tmpdir(), `pingan-bench-bare-${process.pid}`);
    const t0 = performance.now();
    const bare = await PGlite.create(bareDir);
    await bare.query("select 1");
    const pgliteOpen = performance.now() - t0;
    await bare.close();
    fs.rmSync(bareDir, { recursive: true, force: true });
    const startup = Math.min(...starts);
    return {
      name: "startup",
      workload: "pingan start on an existing demo data folder until /api/health answers (best of 3)",
      value: round(startup),
      unit: "ms",
      baseline: "bare PGlite open + first query",
      baselineValue: round(pgliteOpen),
      ratio: round(startup / pgliteOpen, 2),
      goal: "≤ 5000 ms",
      met: startup <= 5000,
    };
  },
};

const BARE_SERVER = `
import Fastify from "fastify";
const app = Fastify();
app.get("/ping", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`;

async function rps(url: string, seconds: number): Promise<number> {
  await autocannon({ url, connections: 20, duration: 1 }); // warm-up: JIT and connections
  const result = await autocannon({ url, connections: 20, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

export const healthBench: Benchmark = {
  name: "health",
  async run(o: BenchOptions) {
    const dataDir = await seededDataDir(o.root);
    const port = await freePort();
    const s = startPingan(o.root, dataDir, port);
    await waitFor(`http://127.0.0.1:${port}/api/health`, s.child);
    const file = path.join(o.root, "server/bench/.bare-server.mjs");
    fs.writeFileSync(file, BARE_SERVER);
    const barePort = await freePort();
    const bare = spawn(process.execPath, [file], {
      env: { ...process.env, PORT: String(barePort) },
      stdio: "inherit",
    });
    try {
      await waitFor(`http://127.0.0.1:${barePort}/ping`, bare);
      // interleaved rounds, best of each: other load on the machine hits both alike
      const bareRuns: number[] = [];
      const healthRuns: number[] = [];
      for (let round = 0; round < (o.quick ? 2 : 3); round++) {
        bareRuns.push(await rps(`http://127.0.0.1:${barePort}/ping`, o.seconds));
        healthRuns.push(await rps(`http://127.0.0.1:${port}/api/health`, o.seconds));
      }
      const bareRps = Math.max(...bareRuns);
      const healthRps = Math.max(...healthRuns);
      return {
        name: "health",
        workload: `GET /api/health, 20 connections, ${o.seconds} s rounds, best of interleaved rounds`,
        value: round(healthRps),
        unit: "req/s",
        baseline: "bare Fastify route",
        baselineValue: round(bareRps),
        ratio: round(healthRps / bareRps, 2),
        goal: "ratio ≥ 0.5",
        met: healthRps / bareRps >= 0.5,
      };
    } finally {
      await stop(bare);
      await stop(s.child);
      fs.rmSync(file, { force: true });
    }
  },
};
