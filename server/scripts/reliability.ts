/**
 * The reliability suite at full counts: ≥ 10,000 fuzzed requests, ≥ 20 kill rounds over a larger
 * import, 60 parallel clients, 100 property runs; the access matrix, backup round trip and web
 * security as in CI. Sets the knobs the tests read and runs vitest on them, then prints a summary.
 * Usage: npm run reliability -- [--only fuzz,crash,…] [--seed N]
 * (TEST_DATABASE_URL, when set, puts the concurrency test on PostgreSQL and enables the round trip.)
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FILES: Record<string, string> = {
  fuzz: "test/fuzz.test.ts",
  matrix: "test/reliability/access-matrix.test.ts",
  property: "test/reliability/scope-property.test.ts",
  crash: "test/reliability/crash.test.ts",
  concurrency: "test/reliability/concurrency.test.ts",
  backup: "test/reliability/backup-roundtrip.test.ts",
  web: "test/reliability/web-security.test.ts",
};

const { values } = parseArgs({
  allowPositionals: true, // run-ts.js passes this file's path first
  options: { only: { type: "string" }, seed: { type: "string" } },
});
const only = values.only ? values.only.split(",").map((s) => s.trim()) : Object.keys(FILES);
const unknown = only.filter((k) => !FILES[k]);
if (unknown.length) {
  console.error(`unknown part ${unknown.join(", ")} (parts: ${Object.keys(FILES).join(", ")})`);
  process.exit(2);
}

const knobs: Record<string, string> = {
  PINGAN_FUZZ_PER_ROUTE: "60",
  PINGAN_FUZZ_MIN: "10000",
  PINGAN_KILL_ROUNDS: "20",
  PINGAN_CRASH_PERSONS: "60000",
  PINGAN_CRASH_CLIENTS: "10",
  PINGAN_CONCURRENCY: "60",
  PINGAN_PROPERTY_RUNS: "100",
  PINGAN_CRASH_ALWAYS: "1",
  ...(values.seed ? { PINGAN_SEED: values.seed, PINGAN_FUZZ_SEED: values.seed } : {}),
};
const VITEST = path.join(
  path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")),
  "vitest.mjs",
);
const report = path.join(os.tmpdir(), `pingan-reliability-${process.pid}.json`);
const files = only.map((k) => FILES[k]!);
console.log(
  `reliability: ${only.join(", ")}\n  ${Object.entries(knobs)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ")}`,
);
const started = Date.now();
const child = spawn(
  process.execPath,
  [VITEST, "run", ...files, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  { cwd: SERVER, env: { ...process.env, ...knobs }, stdio: ["ignore", "pipe", "inherit"] },
);
// keep the tests' own figures (requests sent, kill rounds, conflicts) for the summary
const figures: string[] = [];
let buffered = "";
child.stdout!.on("data", (d: Buffer) => {
  process.stdout.write(d);
  buffered += d.toString();
  const lines = buffered.split("\n");
  buffered = lines.pop()!;
  // eslint-disable-next-line no-control-regex -- strips the colours vitest writes
  for (const line of lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, "")))
    if (/^(fuzz:|crash test|\s+round \d+:|\s+imports |read-modify-write:)/.test(line))
      figures.push(line.trim());
});
const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));

console.log(`\n=== reliability summary (${((Date.now() - started) / 60_000).toFixed(1)} min) ===`);
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, "utf8")) as {
    testResults: { name: string; status: string; assertionResults: { status: string; title: string }[] }[];
  };
  for (const f of r.testResults) {
    const counts = f.assertionResults.reduce<Record<string, number>>(
      (m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }),
      {},
    );
    console.log(
      `${f.status.padEnd(7)} ${path.relative(SERVER, f.name).padEnd(45)} ${JSON.stringify(counts)}`,
    );
    for (const a of f.assertionResults.filter((x) => x.status === "failed"))
      console.log(`        ✗ ${a.title}`);
  }
  fs.rmSync(report, { force: true });
}
for (const f of figures) console.log(`  ${f}`);
process.exit(code);
