/** Databases for benchmarks: a fresh migrated PGlite in a temp folder, or a fresh database on a PostgreSQL. */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/database";
import { migrate } from "../src/db/migrate";

/** A migrated PGlite in its own temp folder (on disk, as deployments run it); close() removes it. */
export async function benchPglite(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-bench-db-"));
  const database = await openDatabase({ engine: "pglite", dataDir: dir });
  await migrate(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database on the given server, migrated; close() drops it. */
export async function benchPostgres(serverUrl: string, poolSize = 10): Promise<Database & { url: string }> {
  const name = `pingan_bench_${crypto.randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openDatabase({ engine: "postgres", url, poolSize });
  await migrate(database.db);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The shared real data folder (PINGAN_SHARED_DATA, default ../shared/data from the repository). */
export function sharedDataFile(root: string, rel: string): string | undefined {
  const base = process.env.PINGAN_SHARED_DATA || path.resolve(root, "../shared/data");
  const file = path.join(base, rel);
  if (fs.existsSync(file)) return file;
  console.error(`  skipped: ${file} is absent (set PINGAN_SHARED_DATA)`);
  return undefined;
}
