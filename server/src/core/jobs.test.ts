import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_PG_URL, withDatabase } from "../../test/db";
import { testEnv, type TestEnv } from "../../test/services";
import { openDatabase, queryRows, type Database } from "../db/database";
import { jobs, settings } from "../db/schema";
import { MovableClock } from "./clock";
import type { Services } from "./context";
import { cancelJob, enqueueJob, JobWorker, type JobHandler } from "./jobs";

let env: TestEnv;
const extra: Database[] = [];

beforeEach(async () => {
  env = await testEnv();
});

afterEach(async () => {
  for (const d of extra.splice(0)) await d.close();
  await env.close();
});

const seconds = (n: number) => new Date(env.clock.now().getTime() + n * 1000);

async function jobRow(id: number) {
  const [row] = await env.db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

/** Services over a second connection pool to the same database (PostgreSQL), or the same db (PGlite). */
async function secondServices(): Promise<Services & { clock: MovableClock }> {
  if (!TEST_PG_URL) return env;
  const [row] = await queryRows<{ name: string }>(env.db, sql`select current_database() as name`);
  const other = await openDatabase({
    engine: "postgres",
    url: withDatabase(TEST_PG_URL, row!.name),
    poolSize: 5,
  });
  extra.push(other);
  return { ...env, db: other.db, clock: new MovableClock(other.db) };
}

/** A handler that records each run in memory and writes a marker row in its transaction. */
function recorder() {
  const runs: number[] = [];
  const handler: JobHandler = async (_services, tx, job) => {
    runs.push(job.id);
    await tx.insert(settings).values({ key: `ran:${job.id}:${runs.length}`, value: job.payload });
  };
  return { runs, handler };
}

async function markers(): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    env.db,
    sql`select key from settings where key like 'ran:%' order by key`,
  );
  return rows.map((r) => r.key);
}

describe("JobWorker", () => {
  it("runs each due job exactly once when two workers poll at the same time", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await enqueueJob(env.db, { kind: "count", payload: { i }, runAt: seconds(-1) }))!);
    const { runs, handler } = recorder();
    const a = new JobWorker(env, { batch: 2 }).register("count", handler);
    const b = new JobWorker(await secondServices(), { batch: 2 }).register("count", handler);
    const drain = async (w: JobWorker) => {
      while ((await w.tick()) > 0);
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);

    expect([...runs].sort((x, y) => x - y)).toEqual(ids);
    for (const id of ids)
      expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 1, lockedBy: null });
    expect(await markers()).toHaveLength(12);
  });

  it("leaves a job due later alone until the clock passes its run_at", async () => {
    const runAt = seconds(3600);
    const id = (await enqueueJob(env.db, { kind: "later", payload: { n: 1 }, runAt }))!;
    const { runs, handler } = recorder();
    const worker = new JobWorker(env).register("later", handler);

    expect(await worker.tick()).toBe(0);
    await env.clock.set(new Date(runAt.getTime() - 1000));
    expect(await worker.tick()).toBe(0);
    expect(runs).toEqual([]);
    expect((await jobRow(id)).status).toBe("pending");

    await env.clock.set(new Date(runAt.getTime() + 1000));
    expect(await worker.tick()).toBe(1);
    expect(runs).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("retries a failing handler later with backoff, then marks it failed after max_attempts", async () => {
    const id = (await enqueueJob(env.db, { kind: "flaky", runAt: seconds(-1), maxAttempts: 3 }))!;
    let calls = 0;
    const errors: unknown[] = [];
    const worker = new JobWorker(env, { onError: (e) => errors.push(e) }).register("flaky", async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    });

    const t0 = env.clock.now();
    expect(await worker.tick()).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "boom 1", lockedBy: null });
    // first retry one minute later, not sooner
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 60_000);
    await env.clock.set(new Date(t0.getTime() + 30_000));
    expect(await worker.tick()).toBe(0);

    await env.clock.set(new Date(row.runAt.getTime() + 1000));
    const t1 = env.clock.now();
    expect(await worker.tick()).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastError: "boom 2" });
    // the second wait doubles
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(t1.getTime() + 120_000);

    await env.clock.set(new Date(row.runAt.getTime() + 1000));
    expect(await worker.tick()).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastError: "boom 3", lockedBy: null });
    expect(row.finishedAt).not.toBeNull();

    await env.clock.set(new Date(env.clock.now().getTime() + 86_400_000));
    expect(await worker.tick()).toBe(0);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it("fails a job of a kind nobody handles at once", async () => {
    const id = (await enqueueJob(env.db, { kind: "nobody", runAt: seconds(-1) }))!;
    await new JobWorker(env, { onError: () => {} }).tick();
    expect(await jobRow(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await jobRow(id)).lastError).toContain("nobody");
  });

  it("takes again a job whose worker died once its lease has expired", async () => {
    const id = (await enqueueJob(env.db, { kind: "orphan", runAt: seconds(-1) }))!;
    // a worker claimed it and died before finishing
    const leaseUntil = seconds(300);
    await env.db
      .update(jobs)
      .set({ status: "running", lockedBy: "dead-host:1:abc", lockedUntil: leaseUntil, attempts: 1 })
      .where(eq(jobs.id, id));
    const { runs, handler } = recorder();
    const worker = new JobWorker(env).register("orphan", handler);

    expect(await worker.tick()).toBe(0);
    expect(await jobRow(id)).toMatchObject({ status: "running", lockedBy: "dead-host:1:abc" });

    await env.clock.set(new Date(leaseUntil.getTime() + 1000));
    expect(await worker.tick()).toBe(1);
    expect(runs).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 2, lockedBy: null });
  });

  it.runIf(TEST_PG_URL)(
    "does not commit the writes of a worker whose lease was taken over while it ran",
    async () => {
      const id = (await enqueueJob(env.db, { kind: "slow", runAt: seconds(-1) }))!;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      const slow = new JobWorker(env, { leaseMs: 10_000, onError: () => {} }).register(
        "slow",
        async (_s, tx, job) => {
          await tx.insert(settings).values({ key: `ran:${job.id}:slow`, value: {} });
          started();
          await gate;
        },
      );
      const slowTick = slow.tick();
      await running;

      const otherServices = await secondServices();
      await otherServices.clock.set(seconds(11));
      const { runs, handler } = recorder();
      const fast = new JobWorker(otherServices).register("slow", handler);
      expect(await fast.tick()).toBe(1);
      release();
      await slowTick;

      expect(runs).toEqual([id]);
      expect(await markers()).toEqual([`ran:${id}:1`]);
      expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 2, lockedBy: null });
    },
  );

  it("commits a handler's writes together with the job's done mark, and neither when it throws", async () => {
    const ok = (await enqueueJob(env.db, { kind: "write", payload: { fail: false }, runAt: seconds(-1) }))!;
    const bad = (await enqueueJob(env.db, { kind: "write", payload: { fail: true }, runAt: seconds(-1) }))!;
    const worker = new JobWorker(env, { onError: () => {} }).register("write", async (_s, tx, job) => {
      await tx.insert(settings).values({ key: `ran:${job.id}`, value: job.payload });
      if (job.payload.fail) throw new Error("after the write");
    });
    expect(await worker.tick()).toBe(2);

    expect(await markers()).toEqual([`ran:${ok}`]);
    expect(await jobRow(ok)).toMatchObject({ status: "done" });
    expect(await jobRow(bad)).toMatchObject({ status: "pending", attempts: 1, lastError: "after the write" });
  });

  it("keeps one pending row for a recurring job and runs it when due", async () => {
    const { runs, handler } = recorder();
    const worker = new JobWorker(env).every("heartbeat", 60_000, handler);
    const pending = () =>
      env.db
        .select()
        .from(jobs)
        .where(sql`${jobs.kind} = 'heartbeat' and ${jobs.status} = 'pending'`);

    expect(await worker.tick()).toBe(0);
    expect(await worker.tick()).toBe(0);
    const [first, ...more] = await pending();
    expect(more).toEqual([]);

    await env.clock.set(new Date(first!.runAt.getTime() + 1000));
    expect(await worker.tick()).toBe(1);
    expect(runs).toEqual([first!.id]);
    await worker.tick();
    const next = await pending();
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe(first!.id);
  });

  it("runs due jobs from start() until stop()", async () => {
    const id = (await enqueueJob(env.db, { kind: "bg", runAt: seconds(-1) }))!;
    const { runs, handler } = recorder();
    const worker = new JobWorker(env, { pollMs: 20 }).register("bg", handler);
    worker.start();
    try {
      await expect.poll(() => runs, { timeout: 20_000 }).toEqual([id]);
    } finally {
      await worker.stop();
    }
    expect(await jobRow(id)).toMatchObject({ status: "done" });
  });

  it("survives a restart: a job enqueued before runs on a new worker", async () => {
    const first = new JobWorker(env).register("after-restart", recorder().handler);
    const id = (await enqueueJob(env.db, { kind: "after-restart", payload: { x: 1 }, runAt: seconds(60) }))!;
    await first.stop();

    const { runs, handler } = recorder();
    const services = await secondServices();
    const second = new JobWorker(services).register("after-restart", handler);
    await services.clock.set(seconds(61));
    expect(await second.tick()).toBe(1);
    expect(runs).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: "done", payload: { x: 1 } });
  });
});

describe("enqueueJob and cancelJob", () => {
  it("ignores a second enqueue with the same dedupe key while the first is pending", async () => {
    const first = await enqueueJob(env.db, { kind: "sla", runAt: seconds(60), dedupeKey: "sla:e1" });
    const second = await enqueueJob(env.db, { kind: "sla", runAt: seconds(30), dedupeKey: "sla:e1" });
    const other = await enqueueJob(env.db, { kind: "sla", runAt: seconds(30), dedupeKey: "sla:e2" });
    expect(first).toBeTypeOf("number");
    expect(second).toBeUndefined();
    expect(other).toBeTypeOf("number");
    const rows = await env.db.select().from(jobs).where(eq(jobs.dedupeKey, "sla:e1"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.runAt.getTime()).toBe((await jobRow(first!)).runAt.getTime());
  });

  it("cancels the pending job with a key, which then never runs, and frees the key", async () => {
    const id = (await enqueueJob(env.db, { kind: "sla", runAt: seconds(60), dedupeKey: "sla:e3" }))!;
    const keep = (await enqueueJob(env.db, { kind: "sla", runAt: seconds(60), dedupeKey: "sla:e4" }))!;
    await cancelJob(env.db, "sla:e3");
    expect(await jobRow(id)).toMatchObject({ status: "cancelled" });
    expect((await jobRow(id)).finishedAt).not.toBeNull();
    expect(await jobRow(keep)).toMatchObject({ status: "pending" });

    const { runs, handler } = recorder();
    await env.clock.set(seconds(120));
    expect(await new JobWorker(env).register("sla", handler).tick()).toBe(1);
    expect(runs).toEqual([keep]);

    const again = await enqueueJob(env.db, { kind: "sla", runAt: seconds(60), dedupeKey: "sla:e3" });
    expect(again).toBeTypeOf("number");
    expect(again).not.toBe(id);
  });

  it("adds nothing when the enqueuing transaction rolls back", async () => {
    await expect(
      env.db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: "ghost", runAt: seconds(-1) });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await env.db.select().from(jobs).where(eq(jobs.kind, "ghost"))).toEqual([]);

    const { runs, handler } = recorder();
    expect(await new JobWorker(env).register("ghost", handler).tick()).toBe(0);
    expect(runs).toEqual([]);
  });
});
