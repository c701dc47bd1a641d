import os from "node:os";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/database";
import { queryRows } from "../db/database";
import type { Services } from "./context";

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
}

/** A job handler runs inside a transaction that also marks the job done: its writes happen once. */
export type JobHandler = (services: Services, tx: Executor, job: JobRow) => Promise<void>;

export interface EnqueueOptions {
  kind: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** At most one pending or running job per key; a second enqueue is ignored. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Adds a job in the caller's transaction, so it exists only if the caller's change commits. */
export async function enqueueJob(tx: Executor, o: EnqueueOptions): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`insert into jobs (kind, payload, run_at, dedupe_key, max_attempts)
        values (${o.kind}, ${JSON.stringify(o.payload ?? {})}::jsonb, ${o.runAt}, ${o.dedupeKey ?? null}, ${o.maxAttempts ?? 5})
        on conflict (dedupe_key) where status in ('pending','running') do nothing
        returning id`,
  );
  return rows[0] ? Number(rows[0].id) : undefined;
}

/** Cancels the pending job with this key (e.g. an SLA timer whose stage ended). */
export async function cancelJob(tx: Executor, dedupeKey: string): Promise<void> {
  await tx.execute(
    sql`update jobs set status = 'cancelled', finished_at = now() where dedupe_key = ${dedupeKey} and status = 'pending'`,
  );
}

export interface Recurring {
  kind: string;
  everyMs: number;
}

/**
 * Polls the jobs table, claims due jobs with FOR UPDATE SKIP LOCKED and a lease, and runs them.
 * A worker that dies leaves its lease to expire; another worker then takes the job again.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Recurring[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  readonly workerId = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly services: Services,
    private readonly options: {
      pollMs?: number;
      leaseMs?: number;
      batch?: number;
      onError?: (e: unknown) => void;
    } = {},
  ) {}

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  /** A job kind that runs every everyMs; kept alive as one pending row per kind. */
  every(kind: string, everyMs: number, handler: JobHandler): this {
    this.register(kind, handler);
    this.recurring.push({ kind, everyMs });
    return this;
  }

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((e) => this.options.onError?.(e));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 1000);
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One polling round: keeps recurring jobs scheduled, frees expired leases, runs due jobs. */
  async tick(): Promise<number> {
    const { db, clock } = this.services;
    if ("refresh" in clock && typeof clock.refresh === "function") await clock.refresh();
    const now = clock.now();
    for (const r of this.recurring)
      await enqueueJob(db, {
        kind: r.kind,
        runAt: new Date(now.getTime() + r.everyMs),
        dedupeKey: `recurring:${r.kind}`,
      });
    await db.execute(
      sql`update jobs set status = 'pending', locked_by = null, locked_until = null
          where status = 'running' and locked_until < ${now}`,
    );
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 5 * 60_000));
    const claimed = await queryRows<Record<string, unknown>>(
      db,
      sql`update jobs set status = 'running', locked_by = ${this.workerId}, locked_until = ${leaseUntil},
                 attempts = attempts + 1
          where id in (select id from jobs where status = 'pending' and run_at <= ${now}
                       order by run_at, id limit ${this.options.batch ?? 20} for update skip locked)
          returning id, kind, payload, run_at, attempts, max_attempts`,
    );
    for (const raw of claimed) await this.runOne(toJob(raw));
    return claimed.length;
  }

  private async runOne(job: JobRow): Promise<void> {
    const { db, clock } = this.services;
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await db.transaction(async (tx) => {
        await handler(this.services, tx, job);
        const marked = await queryRows(
          tx,
          sql`update jobs set status = 'done', finished_at = ${clock.now()}, locked_by = null, locked_until = null
              where id = ${job.id} and locked_by = ${this.workerId} returning id`,
        );
        // the lease expired and another worker took the job: roll back so its writes happen once
        if (marked.length === 0) throw new Error(`Lost the lease on job ${job.id}`);
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = job.attempts >= job.maxAttempts || !handler;
      const retryAt = new Date(clock.now().getTime() + Math.min(60_000 * 2 ** (job.attempts - 1), 3_600_000));
      await db.execute(
        sql`update jobs set status = ${giveUp ? "failed" : "pending"}, last_error = ${message.slice(0, 2000)},
                   run_at = ${giveUp ? job.runAt : retryAt}, locked_by = null, locked_until = null,
                   finished_at = ${giveUp ? clock.now() : null}
            where id = ${job.id} and locked_by = ${this.workerId}`,
      );
      this.options.onError?.(err);
    }
  }
}

function toJob(r: Record<string, unknown>): JobRow {
  return {
    id: Number(r.id),
    kind: String(r.kind),
    payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    runAt: new Date(r.run_at as string),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  };
}
