import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction in it: what repositories take. */
export type Executor = Db | Tx;

export interface Database {
  engine: "pglite" | "postgres";
  db: Db;
  /** Where the embedded database lives (undefined for PostgreSQL and in-memory PGlite). */
  dataDir?: string;
  close(): Promise<void>;
}

export type OpenOptions =
  | { engine: "postgres"; url: string; poolSize?: number }
  | { engine: "pglite"; dataDir: string | "memory"; lock?: boolean };

// int8 (bigint) and numeric come back as strings from node-postgres; ids and counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the configured database; PGlite folders are locked so a second process is refused. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on("error", () => {}); // idle-client errors surface on the next query instead of crashing
    await pool.query("select 1");
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { engine: "postgres", db, close: () => pool.end() };
  }
  if (options.dataDir === "memory") {
    const client = await PGlite.create();
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return { engine: "pglite", db, close: () => client.close() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  let lock: DataDirLock | undefined;
  if (options.lock !== false) lock = acquireDataDirLock(options.dataDir);
  try {
    const client = await PGlite.create(path.join(options.dataDir, "pgdata"));
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      engine: "pglite",
      db,
      dataDir: options.dataDir,
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Runs raw SQL and returns plain rows, the same shape on both drivers. */
export async function queryRows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
