/**
 * `npm run bench [-- --quick] [-- --only NAME[,NAME]] [-- --seconds=N]`: every benchmark, each figure
 * beside a baseline measured in the same run on the same machine, and the goal. Prints a table
 * and writes bench/results/latest.json. Traffic goes to 127.0.0.1 only, bounded in count and time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Benchmark, BenchOptions, BenchResult } from "./bench";
import { locateBench } from "./geo";
import { registryImportBench, registrySearchBench } from "./registry.bench";
import { intakePgBench, intakePgliteBench } from "./intake.bench";
import { kpiBench } from "./kpi.bench";
import { replayBostonBench } from "./replay.bench";
import { healthBench, startupBench } from "./server-benches";

/** Every benchmark, in the order they run; each capability adds its own here. */
const BENCHMARKS: Benchmark[] = [
  startupBench,
  healthBench,
  intakePgBench,
  intakePgliteBench,
  replayBostonBench,
  locateBench,
  registryImportBench,
  registrySearchBench,
  kpiBench,
];

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

function arg(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i]!;
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : (process.argv[i + 1] ?? "");
}

async function main() {
  const quick = process.argv.includes("--quick");
  const only = arg("only")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const options: BenchOptions = {
    quick,
    seconds: Number(arg("seconds") ?? (quick ? 2 : 3)),
    pgUrl: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
    root: ROOT,
  };
  const unknown = (only ?? []).filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) {
    console.error(
      `Unknown benchmark ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`,
    );
    process.exit(2);
  }
  const chosen = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  const results: BenchResult[] = [];
  const skipped: { name: string; why: string }[] = [];
  for (const b of chosen) {
    const t0 = performance.now();
    console.error(`▶ ${b.name}${quick ? " (quick)" : ""}`);
    try {
      const r = await b.run(options);
      if (r) results.push(r);
      else skipped.push({ name: b.name, why: "not runnable here (see its message above)" });
    } catch (e) {
      console.error(`✗ ${b.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      skipped.push({ name: b.name, why: `failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    console.error(`  ${b.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }

  console.log("\n| name | workload | value | baseline | ratio | goal | met |\n|---|---|---|---|---|---|---|");
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.workload} | ${r.value} ${r.unit} | ${r.baselineValue} (${r.baseline}) | ${r.ratio} | ${r.goal} | ${r.met ? "yes" : "NO"} |`,
    );
  for (const s of skipped) console.log(`| ${s.name} | — | — | — | — | — | skipped: ${s.why} |`);

  const dir = path.join(ROOT, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const out = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    quick,
    results,
    skipped,
  };
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(dir, "latest-run.json"), JSON.stringify(out, null, 2));
  console.log(`\nwrote bench/results/latest.json (${results.length} results, ${skipped.length} skipped)`);
  process.exit(skipped.some((s) => s.why.startsWith("failed")) ? 1 : 0);
}

await main();
