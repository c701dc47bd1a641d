import { count, sql } from "drizzle-orm";
import type { Config } from "./config";
import { systemActor } from "./core/actor";
import { sealAudit } from "./core/audit";
import { inTransaction } from "./core/context";
import { JobWorker } from "./core/jobs";
import { settings, users } from "./db/schema";
import { generateDemo, DEMO_ACCOUNTS } from "./demo/generate";
import { buildApp } from "./http/app";
import type { Health } from "./modules/admin/admin.routes";
import { openRuntime, type Runtime } from "./runtime";
import { reassignJob } from "./modules/areas/unassigned";
import type { Executor } from "./db/database";
import { registryJobs } from "./modules/registry/registry.jobs";
import { eventsJobs } from "./modules/events/events.jobs";
import { supervisionJobs } from "./modules/supervision/supervision.jobs";

const DEMO_LOCK = 7_355_608_003;

/**
 * On the first start of a deployment, records that it started and, when asked, seeds the demo
 * into it (only if it has no users). Safe when several processes start at once (advisory lock).
 */
export async function firstStart(rt: Runtime, demo: boolean): Promise<boolean> {
  return inTransaction(rt, { actor: systemActor }, async (ctx) => {
    await ctx.tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const inserted = await ctx.tx
      .insert(settings)
      .values({ key: "initialised", value: { at: ctx.clock.now().toISOString(), demo } })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0 || !demo) return false;
    const n = await ctx.tx.select({ n: count() }).from(users);
    if (Number(n[0]?.n ?? 0) > 0) return false;
    await generateDemo(ctx, { scale: "street", seed: 1, password: rt.config.demoPassword });
    return true;
  });
}

/** Registers the platform's own recurring jobs; modules add theirs. */
export function createWorker(rt: Runtime, onError: (e: unknown) => void): JobWorker {
  const worker = new JobWorker(rt, { onError })
    .register("areas.reassign", reassignJob)
    .every("audit.seal", 2_000, async (services, tx) => {
      // a handler works only in its own transaction: PGlite has one connection, so opening
      // another transaction here would wait for this one forever
      await sealAudit(tx, services.keyring, 5_000);
    })
    .every("sessions.cleanup", 3_600_000, async (services, tx: Executor) => {
      const now = services.clock.now();
      await tx.execute(
        sql`delete from sessions where expires_at < ${now} or revoked_at < ${new Date(now.getTime() - 86_400_000)}`,
      );
      await tx.execute(sql`delete from login_attempts where at < ${new Date(now.getTime() - 86_400_000)}`);
    });
  return supervisionJobs(eventsJobs(registryJobs(worker)));
}

export interface RunningServer {
  url: string;
  runtime: Runtime;
  stop(): Promise<void>;
}

/** Starts the whole product in this process: database, migrations, demo, API and console, jobs. */
export async function startServer(
  config: Config,
  options: { log?: (line: string) => void; logger?: boolean } = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const rt = await openRuntime(config);
  const seeded = await firstStart(rt, config.demo);
  const demoRows = await rt.db.execute(sql`select 1 from settings where key = 'demo'`);
  const hasDemo = (demoRows as unknown as { rows: unknown[] }).rows.length > 0;

  const health: Health = {
    status: "ok",
    engine: rt.engine,
    migration: rt.migration,
    uptimeSeconds: 0,
    demo: hasDemo,
  };
  const ping = setInterval(() => {
    rt.db.execute(sql`select 1`).then(
      () => (health.status = "ok"),
      () => (health.status = "degraded"),
    );
  }, 5_000);
  ping.unref();

  const app = await buildApp(rt, {
    logger: options.logger ?? true,
    health: () => ({ ...health, uptimeSeconds: Math.floor((Date.now() - started) / 1000) }),
  });
  const worker = config.runJobs
    ? createWorker(rt, (e) => app.log.error({ err: e }, "job failed"))
    : undefined;
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await rt.close();
    throw err;
  }
  worker?.start();
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host}:${port}`;
  log(
    `Pingan 平安 is running at ${url}  (engine ${rt.engine}, migration ${rt.migration}, started in ${Date.now() - started} ms)`,
  );
  log(`  console ${url}/   API docs ${url}/docs   health ${url}/api/health`);
  if (seeded) log(`  demo data generated (东胜街道, seed 1)`);
  if (hasDemo) {
    log(`  demo logins (password "${config.demoPassword}"):`);
    for (const a of DEMO_ACCOUNTS)
      log(`    ${a.username.padEnd(20)} ${a.roles.join(",").padEnd(20)} ${a.displayName}`);
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    runtime: rt,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(ping);
        await worker?.stop();
        await app.close();
        await rt.close();
      })()),
  };
}
