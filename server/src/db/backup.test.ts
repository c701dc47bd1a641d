import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase, TEST_PG_URL } from "../../test/db";
import { buildTree, buildUser } from "../../test/factories";
import { testEnv, type TestEnv } from "../../test/services";
import { systemActor } from "../core/actor";
import { recordAudit, sealAllAudit, verifyAudit } from "../core/audit";
import { MovableClock } from "../core/clock";
import { inTransaction, makeCtx, type Services } from "../core/context";
import { Keyring } from "../core/crypto";
import { enqueueJob } from "../core/jobs";
import { login } from "../modules/auth/login";
import { backup, restore, tablesInDependencyOrder } from "./backup";
import { openDatabase, queryRows, type Database, type Db } from "./database";
import { latestMigration, migrate } from "./migrate";

/** Every table's rows as sorted JSON text, with timestamps in UTC so engines compare equal. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await tablesInDependencyOrder(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const rows = await queryRows<{ r: string }>(
        tx,
        sql`select to_jsonb(x)::text as r from ${sql.identifier(t)} x order by 1`,
      );
      out[t] = rows.map((r) => r.r);
    }
    return out;
  });
}

async function counts(db: Db): Promise<Record<string, number>> {
  const snap = await snapshot(db);
  return Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows.length]));
}

/** A test environment over another database, sharing env's keyring, config and folder. */
function onDatabase(env: TestEnv, database: Database): TestEnv {
  const clock = new MovableClock(database.db);
  const services: Services = { ...env, db: database.db, engine: database.engine, clock };
  const info = { requestId: "test", ip: "127.0.0.1" };
  return {
    ...services,
    clock,
    database,
    dir: env.dir,
    as: (actor, fn) => inTransaction(services, { ...info, actor }, fn),
    ctx: (actor = systemActor) => makeCtx(services, { ...info, actor }),
    close: () => database.close(),
  };
}

/** Areas, users with scopes, a job, and audit rows, most of them sealed and one not. */
async function buildData(env: TestEnv) {
  const tree = await buildTree(env);
  const users = [
    await buildUser(env, { roles: ["dispatcher"], scopes: [tree.c1] }),
    await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g21] }),
    await buildUser(env, { roles: ["admin"] }),
  ];
  await enqueueJob(env.db, { kind: "later", payload: { n: 1 }, runAt: new Date(Date.now() + 3_600_000) });
  for (let i = 0; i < 5; i++)
    await env.as(systemActor, (ctx) =>
      recordAudit(ctx, {
        action: "test.backup",
        subjectType: "area",
        subjectId: tree.g11.id,
        before: { name: `v${i}` },
        after: { name: `v${i + 1}`, phone: "13800000000" },
        reason: `change ${i}`,
      }),
    );
  expect(await sealAllAudit(env.db, env.keyring)).toBeGreaterThan(0);
  await env.as(systemActor, (ctx) => recordAudit(ctx, { action: "test.unsealed", reason: "after sealing" }));
  return { tree, users };
}

/** The restored database holds the same rows, its users log in, and its audit trail verifies. */
async function expectFaithfulRestore(
  source: TestEnv,
  target: TestEnv,
  data: Awaited<ReturnType<typeof buildData>>,
) {
  const before = await snapshot(source.db);
  const file = path.join(source.dir, `backup-${source.engine}-${target.engine}.jsonl.gz`);
  const made = await backup(source.db, file, source.engine);
  const total = Object.values(before).reduce((n, rows) => n + rows.length, 0);
  expect(made).toEqual({ tables: Object.keys(before).length, rows: total });

  expect(await restore(target.db, file)).toEqual({ tables: Object.keys(before).length, rows: total });
  const after = await snapshot(target.db);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const t of Object.keys(before)) expect(after[t], `table ${t}`).toEqual(before[t]);
  expect(before.users!.length).toBeGreaterThanOrEqual(3);
  expect(before.audit_log!.length).toBeGreaterThanOrEqual(9);

  for (const u of data.users) {
    const session = await login(target, {
      username: u.username,
      password: u.password,
      kind: "token",
      ip: "127.0.0.1",
    });
    expect(session.actor.userId).toBe(u.id);
    expect(session.actor.roles).toEqual(u.actor.roles);
  }

  const verified = await verifyAudit(target.db, source.keyring);
  expect(verified).toMatchObject({ ok: true, firstBadId: null });
  expect(verified.checked).toBeGreaterThanOrEqual(before.audit_log!.length);
  // the chain is keyed: another key does not verify it, so the check above means something
  const stranger = new Keyring(
    Buffer.alloc(32, 9),
    source.keyring.hashAlgorithm,
    source.config.cipherAlgorithm,
  );
  expect((await verifyAudit(target.db, stranger)).ok).toBe(false);

  // bigserial sequences continue after the restored rows
  const maxId = async (t: string) =>
    Number(
      (await queryRows<{ m: number }>(target.db, sql`select max(id) as m from ${sql.identifier(t)}`))[0]!.m,
    );
  const auditMax = await maxId("audit_log");
  const jobsMax = await maxId("jobs");
  await target.as(systemActor, (ctx) => recordAudit(ctx, { action: "test.after-restore" }));
  const jobId = await enqueueJob(target.db, { kind: "after", runAt: new Date() });
  expect(await maxId("audit_log")).toBe(auditMax + 1);
  expect(jobId).toBe(jobsMax + 1);
  const unsealed = await queryRows<{ n: number }>(
    target.db,
    sql`select count(*)::int as n from audit_log where seq is null`,
  );
  expect(unsealed[0]!.n).toBeGreaterThanOrEqual(2); // the one left unsealed in the source, and ours
  expect(await sealAllAudit(target.db, target.keyring)).toBe(unsealed[0]!.n);
  expect(await verifyAudit(target.db, target.keyring)).toMatchObject({ ok: true });
}

describe("backup and restore", () => {
  let source: TestEnv;
  let data: Awaited<ReturnType<typeof buildData>>;
  beforeAll(async () => {
    source = await testEnv();
    data = await buildData(source);
  });
  afterAll(async () => {
    await source?.close();
  });

  it("restores into a fresh database: same rows, working logins, a verifying audit chain", async () => {
    const target = onDatabase(source, await testDatabase());
    try {
      await expectFaithfulRestore(source, target, data);
    } finally {
      await target.close();
    }
  });

  it("refuses to restore into a database that has rows, and changes nothing", async () => {
    const file = path.join(source.dir, "refuse.jsonl.gz");
    await backup(source.db, file, source.engine);
    const target = onDatabase(source, await testDatabase());
    try {
      await buildTree(target);
      const before = await snapshot(target.db);
      await expect(restore(target.db, file)).rejects.toThrow(/not empty \(table \w+ has rows\)/);
      expect(await snapshot(target.db)).toEqual(before);
      expect((await counts(target.db)).areas).toBe(6);
    } finally {
      await target.close();
    }
  });

  it("refuses a file that is not a Pingan backup, and a backup from another migration", async () => {
    const target = await testDatabase();
    try {
      const dir = source.dir;
      const plain = path.join(dir, "plain.txt");
      fs.writeFileSync(plain, "id,name\n1,x\n");
      const otherJson = path.join(dir, "other.jsonl.gz");
      fs.writeFileSync(otherJson, zlib.gzipSync(JSON.stringify({ format: "something-else" }) + "\n"));
      const notJson = path.join(dir, "not-json.gz");
      fs.writeFileSync(notJson, zlib.gzipSync("hello\nworld\n"));
      const empty = path.join(dir, "empty.gz");
      fs.writeFileSync(empty, zlib.gzipSync(""));
      for (const file of [plain, otherJson, notJson, empty])
        await expect(restore(target.db, file), file).rejects.toThrow(`${file} is not a Pingan backup`);

      await expect(restore(target.db, path.join(dir, "missing.jsonl.gz"))).rejects.toThrow(/ENOENT/);

      const old = path.join(dir, "old.jsonl.gz");
      const header = {
        format: "pingan-backup",
        version: 1,
        migration: "0000_older",
        createdAt: "",
        engine: "pglite",
        tables: [],
      };
      fs.writeFileSync(old, zlib.gzipSync(JSON.stringify(header) + "\n"));
      await expect(restore(target.db, old)).rejects.toThrow(
        `The backup is at migration 0000_older but this database is at ${latestMigration()}`,
      );
      expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it("restores nothing from a truncated backup", async () => {
    const file = path.join(source.dir, "whole.jsonl.gz");
    await backup(source.db, file, source.engine);
    const bytes = fs.readFileSync(file);
    const cut = path.join(source.dir, "cut.jsonl.gz");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await testDatabase();
    try {
      await expect(restore(target.db, cut)).rejects.toThrow(/unexpected end of file/);
      expect(Object.values(await counts(target.db)).every((n) => n === 0)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it.runIf(TEST_PG_URL)("moves a deployment between PGlite and PostgreSQL both ways", async () => {
    const lite = await openDatabase({ engine: "pglite", dataDir: "memory" });
    await migrate(lite.db);
    const liteEnv = onDatabase(source, lite);
    const pgEnv = onDatabase(source, await testDatabase());
    const backToLite = await openDatabase({ engine: "pglite", dataDir: "memory" });
    await migrate(backToLite.db);
    const backToLiteEnv = onDatabase(source, backToLite);
    try {
      const liteData = await buildData(liteEnv);
      await expectFaithfulRestore(liteEnv, pgEnv, liteData);
      // and PostgreSQL → PGlite
      await expectFaithfulRestore(source, backToLiteEnv, data);
    } finally {
      await liteEnv.close();
      await pgEnv.close();
      await backToLiteEnv.close();
    }
  });
});
