import crypto from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/core/actor";
import { sealAllAudit, verifyAudit } from "../../src/core/audit";
import { MovableClock } from "../../src/core/clock";
import { inTransaction, makeCtx, type Services } from "../../src/core/context";
import { backup, restore, tablesInDependencyOrder } from "../../src/db/backup";
import { openDatabase, queryRows, type Database, type Db } from "../../src/db/database";
import { migrate } from "../../src/db/migrate";
import { buildDepartment, buildUser } from "../factories";
import { testDatabase, TEST_PG_URL } from "../db";
import { bearer, testApp, testEnv, type TestEnv } from "../services";
import { injectHttp, login, ok } from "./http";
import { buildWorld, USER_PASSWORD, type World } from "./world";

// PGlite (registry and events written through the API) → backup → PostgreSQL → backup → a new PGlite:
// every table's rows identical (count and a digest of its ordered rows), the audit chain verifying on
// each, and the last copy serving the same answers. Needs TEST_DATABASE_URL (CI sets it).
if (!TEST_PG_URL)
  console.warn("Skipping the PGlite → PostgreSQL → PGlite round trip: TEST_DATABASE_URL is not set");

/** A test environment over another database, sharing the keyring, config and folder of `base`. */
function envOn(base: TestEnv, database: Database): TestEnv {
  const clock = new MovableClock(database.db);
  const services: Services = { ...base, db: database.db, engine: database.engine, clock };
  const info = { requestId: "test", ip: "127.0.0.1" };
  return {
    ...services,
    clock,
    database,
    dir: base.dir,
    as: (actor, fn) => inTransaction(services, { ...info, actor }, fn),
    ctx: (actor = systemActor) => makeCtx(services, { ...info, actor }),
    close: () => database.close(),
  };
}

async function freshLite(base: TestEnv): Promise<TestEnv> {
  const database = await openDatabase({ engine: "pglite", dataDir: "memory" });
  await migrate(database.db);
  return envOn(base, database);
}

/** Per table: its row count and a SHA-256 of its rows as JSON text in order (timestamps in UTC). */
async function digests(db: Db): Promise<Record<string, string>> {
  const tables = await tablesInDependencyOrder(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const rows = await queryRows<{ r: string }>(
        tx,
        sql`select to_jsonb(x)::text as r from ${sql.identifier(t)} x order by 1`,
      );
      const h = crypto.createHash("sha256");
      for (const r of rows) h.update(r.r).update("\n");
      out[t] = `${rows.length}:${h.digest("hex").slice(0, 16)}`;
    }
    return out;
  });
}

describe.runIf(TEST_PG_URL)("backup round trip PGlite → PostgreSQL → PGlite", () => {
  let base: TestEnv;
  let lite: TestEnv;
  let w: World;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    base = await testEnv();
    closers.push(() => base.close());
    lite = await freshLite(base);
    closers.push(() => lite.close());
    const app = await testApp(lite);
    const http = injectHttp(app);
    const root = await bearer(app, (await buildUser(lite, { roles: ["admin"] })).username);
    w = await buildWorld(http, root, {
      prefix: `B${Date.now().toString(36)}`,
      departmentCode: (await buildDepartment(lite)).code,
    });
    // some history: an event accepted, a person changed, part of the audit trail sealed
    const e = await ok(http, {
      method: "POST",
      url: "/api/events",
      headers: w.users.grid_worker.auth,
      json: { category: "0101", description: "备份测试", areaCode: w.tree.gridA.code },
    });
    await ok(http, {
      method: "POST",
      url: `/api/events/${e.id}/actions`,
      headers: w.users.dispatcher.auth,
      json: { action: "accept", version: e.version },
    });
    await ok(http, {
      method: "PATCH",
      url: `/api/persons/${w.a.ids.person}`,
      headers: w.users.dispatcher.auth,
      json: { version: w.a.personVersion, occupation: "教师" },
    });
    await sealAllAudit(lite.db, lite.keyring);
    await ok(http, {
      method: "POST",
      url: `/api/persons/${w.a.ids.person}/reveal`,
      headers: w.users.dispatcher.auth,
      json: { field: "phone", reason: "电话回访核实身份" },
    });
    await app.close();
  }, 300_000);
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  });

  it("keeps every table's rows and the audit chain, and the last copy serves the same answers", async () => {
    const want = await digests(lite.db);
    expect(Number(want.persons!.split(":")[0])).toBeGreaterThanOrEqual(4);
    expect(Number(want.event_actions!.split(":")[0])).toBeGreaterThanOrEqual(3);

    const file1 = path.join(base.dir, "lite.jsonl.gz");
    await backup(lite.db, file1, "pglite");
    const pg = envOn(base, await testDatabase());
    closers.push(() => pg.close());
    await restore(pg.db, file1);
    expect(await digests(pg.db)).toEqual(want);
    expect(await verifyAudit(pg.db, base.keyring)).toMatchObject({ ok: true });

    const file2 = path.join(base.dir, "pg.jsonl.gz");
    await backup(pg.db, file2, "postgres");
    const back = await freshLite(base);
    closers.push(() => back.close());
    await restore(back.db, file2);
    expect(await digests(back.db)).toEqual(want);
    const verified = await verifyAudit(back.db, base.keyring);
    expect(verified).toMatchObject({ ok: true, firstBadId: null });
    expect(verified.checked).toBeGreaterThan(20);

    // the copy works: a grid worker logs in and reads the same person; new audit rows chain on
    const app = await testApp(back);
    try {
      const http = injectHttp(app);
      const auth = await login(http, w.users.grid_worker.username, USER_PASSWORD);
      const person = await ok(http, { url: `/api/persons/${w.a.ids.person}`, headers: auth });
      expect(person).toMatchObject({ id: w.a.ids.person, occupation: "教师" });
      expect((await http.send({ url: `/api/persons/${w.b.ids.person}`, headers: auth })).status).toBe(404);
    } finally {
      await app.close();
    }
    await sealAllAudit(back.db, back.keyring);
    expect(await verifyAudit(back.db, back.keyring)).toMatchObject({ ok: true });
  });
});
