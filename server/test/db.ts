import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/database";
import { migrate } from "../src/db/migrate";

/** PostgreSQL for tests comes only from TEST_DATABASE_URL, never DATABASE_URL. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL || undefined;
export const testEngine: "pglite" | "postgres" = TEST_PG_URL ? "postgres" : "pglite";

/** A URL to a database of the same server under another name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty PostgreSQL database for one test file; returns its URL and a dropper. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_PG_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `pingan_t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(TEST_PG_URL, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, a new database on
 * TEST_DATABASE_URL's server when that is set. close() drops it.
 */
export async function testDatabase(): Promise<Database> {
  if (!TEST_PG_URL) {
    const database = await openDatabase({ engine: "pglite", dataDir: "memory" });
    await migrate(database.db);
    return database;
  }
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ engine: "postgres", url, poolSize: 5 });
  await migrate(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
