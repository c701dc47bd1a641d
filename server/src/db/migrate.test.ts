import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPgDatabase, TEST_PG_URL } from "../../test/db";
import { testEnv, type TestEnv } from "../../test/services";
import { systemActor } from "../core/actor";
import { recordAudit, sealAllAudit } from "../core/audit";
import { DataDirLockedError } from "./data-dir-lock";
import { openDatabase, queryRows, type Database } from "./database";
import { currentMigration, latestMigration, loadMigrations, migrate } from "./migrate";
import { auditLog } from "./schema";

const tags = loadMigrations().map((m) => m.tag);

/** A fresh, unmigrated database on the engine under test; close() also drops it. */
async function emptyDatabase(): Promise<Database> {
  if (!TEST_PG_URL) return openDatabase({ engine: "pglite", dataDir: "memory" });
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ engine: "postgres", url, poolSize: 2 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

async function recordedTags(database: Database): Promise<string[]> {
  const rows = await queryRows<{ tag: string }>(
    database.db,
    sql`select tag from pingan_migrations order by tag`,
  );
  return rows.map((r) => r.tag);
}

describe("migrate", () => {
  it("applies every migration to an empty database once; a second call applies nothing", async () => {
    const database = await emptyDatabase();
    try {
      expect(tags.length).toBeGreaterThan(0);
      expect(await currentMigration(database.db)).toBeUndefined();

      const first = await migrate(database.db);
      expect(first).toEqual({ applied: tags, current: latestMigration() });
      expect(await currentMigration(database.db)).toBe(tags.at(-1));

      const second = await migrate(database.db);
      expect(second).toEqual({ applied: [], current: latestMigration() });
      expect(await recordedTags(database)).toEqual(tags);
    } finally {
      await database.close();
    }
  });

  it("refuses a database that has migrations this version does not know", async () => {
    const database = await emptyDatabase();
    try {
      await migrate(database.db);
      await database.db.execute(sql`insert into pingan_migrations (tag, hash) values ('9999_future', 'x')`);
      await expect(migrate(database.db)).rejects.toThrow(/9999_future.*upgrade Pingan/);
    } finally {
      await database.close();
    }
  });

  it.runIf(TEST_PG_URL)(
    "lets two processes migrate one fresh PostgreSQL database at once, each migration applied once",
    async () => {
      const { url, drop } = await createPgDatabase();
      const a = await openDatabase({ engine: "postgres", url, poolSize: 2 });
      const b = await openDatabase({ engine: "postgres", url, poolSize: 2 });
      try {
        const results = await Promise.all([migrate(a.db), migrate(b.db), migrate(a.db), migrate(b.db)]);
        for (const r of results) expect(r.current).toBe(latestMigration());
        expect(results.flatMap((r) => r.applied).sort()).toEqual(tags);
        expect(await recordedTags(a)).toEqual(tags);
        expect(await currentMigration(b.db)).toBe(tags.at(-1));
      } finally {
        await a.close();
        await b.close();
        await drop();
      }
    },
  );
});

describe("the audit_log guard", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  /** The statement failed because the guard trigger refused it (drizzle wraps the driver's error). */
  async function refused(op: "UPDATE" | "DELETE" | "TRUNCATE", query: Promise<unknown>) {
    const err = await query.then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(err, "the statement was not refused").toBeInstanceOf(Error);
    expect(err!.cause?.message ?? err!.message).toBe(`audit_log is append-only: ${op} refused`);
  }

  async function auditRow(reason: string) {
    await env.as(systemActor, (ctx) => recordAudit(ctx, { action: "test.guard", subjectId: reason, reason }));
    const [row] = await env.db.select().from(auditLog).where(eq(auditLog.subjectId, reason));
    return row!;
  }

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows", async () => {
    const row = await auditRow("guard-1");
    await refused("UPDATE", env.db.execute(sql`update audit_log set reason = 'x' where id = ${row.id}`));
    await refused("DELETE", env.db.execute(sql`delete from audit_log where id = ${row.id}`));
    await refused("TRUNCATE", env.db.execute(sql`truncate audit_log`));
    const [after] = await env.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(after).toEqual(row);
  });

  it("allows sealing a row once (seq and chain_hash from null), and nothing after", async () => {
    const row = await auditRow("guard-2");
    // sealing must not change the content
    await refused(
      "UPDATE",
      env.db.execute(
        sql`update audit_log set seq = 999999, chain_hash = 'h', reason = 'x' where id = ${row.id}`,
      ),
    );

    expect(await sealAllAudit(env.db, env.keyring)).toBeGreaterThanOrEqual(1);
    const [sealed] = await env.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(sealed!.seq).not.toBeNull();
    expect(sealed!.chainHash).not.toBeNull();
    expect({ ...sealed, seq: null, chainHash: null }).toEqual(row);

    await refused(
      "UPDATE",
      env.db.execute(sql`update audit_log set seq = seq + 100000, chain_hash = 'h' where id = ${row.id}`),
    );
    await refused("DELETE", env.db.execute(sql`delete from audit_log where id = ${row.id}`));
  });
});

describe("the data folder lock", () => {
  const dirs: string[] = [];
  const open: Database[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("refuses a second open of a PGlite folder while the first is open, and allows it after close()", async () => {
    const dir = tempDir();
    const first = await openDatabase({ engine: "pglite", dataDir: dir });
    open.push(first);
    await first.db.execute(sql`create table kept (n int)`);
    await first.db.execute(sql`insert into kept values (42)`);

    const second = openDatabase({ engine: "pglite", dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(dir);
    await expect(second).rejects.toThrow(/in use/);

    await open.pop()!.close();
    expect(fs.existsSync(path.join(dir, "pingan.lock"))).toBe(false);
    const again = await openDatabase({ engine: "pglite", dataDir: dir });
    open.push(again);
    expect(await queryRows(again.db, sql`select n from kept`)).toEqual([{ n: 42 }]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "pingan.lock"), "utf8")).pid).toBe(process.pid);
  });

  it("takes over a stale lock left by a process that is gone", async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    fs.writeFileSync(
      path.join(dir, "pingan.lock"),
      JSON.stringify({ pid: gone, host: os.hostname(), at: new Date().toISOString() }),
    );
    const database = await openDatabase({ engine: "pglite", dataDir: dir });
    open.push(database);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "pingan.lock"), "utf8")).pid).toBe(process.pid);
    expect(await queryRows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("respects a lock held by a live process", async () => {
    const dir = tempDir();
    // our parent is alive and is not us
    fs.writeFileSync(
      path.join(dir, "pingan.lock"),
      JSON.stringify({ pid: process.ppid, host: os.hostname() }),
    );
    const attempt = openDatabase({ engine: "pglite", dataDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(String(process.ppid));
    expect(JSON.parse(fs.readFileSync(path.join(dir, "pingan.lock"), "utf8")).pid).toBe(process.ppid);
  });
});
