/** What every benchmark returns and receives; `run.ts` collects them into one table and JSON. */

export interface BenchResult {
  /** The benchmark's name, as `--only` takes it: startup, health, locate, intake-pg … */
  name: string;
  /** What was measured, in words with sizes ("100,000 people, xlsx, PGlite"). */
  workload: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run on the same machine. */
  baseline: string;
  baselineValue: number;
  /** value ÷ baselineValue (or its inverse where lower is better: say so in `goal`). */
  ratio: number;
  goal: string;
  met: boolean;
  /** Extra figures (p50/p95/p99, counts) and, when short of the goal, where the time goes. */
  detail?: Record<string, unknown>;
}

export interface BenchOptions {
  /** Reduced workloads: every benchmark, all in under five minutes. */
  quick: boolean;
  /** Seconds of each throughput run. */
  seconds: number;
  /** A PostgreSQL for the *-pg benchmarks (BENCH_DATABASE_URL or TEST_DATABASE_URL); absent → they skip. */
  pgUrl: string | undefined;
  /** Repository root. */
  root: string;
}

export interface Benchmark {
  name: string;
  /** Returns null when it cannot run here (e.g. no PostgreSQL, no shared data), after saying why. */
  run(o: BenchOptions): Promise<BenchResult | null>;
}

export const round = (n: number, digits = 0) => +n.toFixed(digits);
