import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./database";
import { currentMigration } from "./migrate";

const FORMAT = "pingan-backup";
const BATCH = 1000;

interface Header {
  format: typeof FORMAT;
  version: 1;
  migration: string;
  createdAt: string;
  engine: string;
  tables: string[];
}

/** Public tables in an order that satisfies their foreign keys (parents first). */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await queryRows<{ t: string }>(
      db,
      sql`select tablename as t from pg_tables where schemaname = 'public' and tablename <> 'pingan_migrations' order by tablename`,
    )
  ).map((r) => r.t);
  const deps = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent);
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}

/**
 * Writes every table as gzipped JSON lines (a header, then per table its name and rows), in one
 * repeatable-read snapshot. The format is ours, so it restores into PGlite or PostgreSQL alike.
 */
export async function backup(
  db: Db,
  file: string,
  engine: string,
): Promise<{ tables: number; rows: number }> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    gzip.on("error", reject);
  });
  gzip.pipe(out);
  const write = (obj: unknown) => {
    if (!gzip.write(JSON.stringify(obj) + "\n"))
      return new Promise<void>((r) => gzip.once("drain", () => r()));
  };
  let rows = 0;
  const tables = await tablesInDependencyOrder(db);
  await db.transaction(
    async (tx) => {
      const migration = (await currentMigration(tx as unknown as Db)) ?? "none";
      const header: Header = {
        format: FORMAT,
        version: 1,
        migration,
        createdAt: new Date().toISOString(),
        engine,
        tables,
      };
      await write(header);
      for (const table of tables) {
        await write({ table });
        for (let offset = 0; ; offset += BATCH) {
          const batch = await queryRows<{ r: unknown }>(
            tx,
            sql`select to_jsonb(t) as r from ${sql.identifier(table)} t order by ctid limit ${BATCH} offset ${offset}`,
          );
          for (const { r } of batch) await write({ row: typeof r === "string" ? JSON.parse(r) : r });
          rows += batch.length;
          if (batch.length < BATCH) break;
        }
      }
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  gzip.end();
  await done;
  return { tables: tables.length, rows };
}

/**
 * Loads a backup into a migrated, empty database in one transaction: all or nothing.
 * Refuses a backup from a different migration, or a database that already holds data.
 */
export async function restore(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const lines = readline.createInterface({
    // pipeline, not pipe: a read error (missing file) must reach the reader, not crash the process
    input: pipeline(fs.createReadStream(file), zlib.createGunzip(), () => {}),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  let header: Header;
  try {
    // a file that is not gzip fails here too (zlib: "incorrect header check")
    const first = await it.next();
    header = JSON.parse(first.value as string) as Header;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).syscall) throw err; // unreadable, not malformed
    throw new Error(`${file} is not a Pingan backup`);
  }
  if (header?.format !== FORMAT) throw new Error(`${file} is not a Pingan backup`);
  const migration = (await currentMigration(db)) ?? "none";
  if (header.migration !== migration)
    throw new Error(
      `The backup is at migration ${header.migration} but this database is at ${migration}; use the Pingan version that made it.`,
    );
  const tables = await tablesInDependencyOrder(db);
  for (const t of tables) {
    const n = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t)}`);
    if (Number(n[0]?.n) > 0)
      throw new Error(
        `The database is not empty (table ${t} has rows): restore into a new database or data folder.`,
      );
  }
  let rows = 0;
  await db.transaction(async (tx) => {
    let table: string | undefined;
    let pending: unknown[] = [];
    const flush = async () => {
      if (!table || pending.length === 0) return;
      await tx.execute(
        sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(pending)}::jsonb)`,
      );
      rows += pending.length;
      pending = [];
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = JSON.parse(next.value as string) as { table?: string; row?: unknown };
      if (line.table) {
        await flush();
        if (!tables.includes(line.table)) throw new Error(`The backup has an unknown table ${line.table}`);
        table = line.table;
      } else if (line.row) {
        pending.push(line.row);
        if (pending.length >= BATCH) await flush();
      }
    }
    await flush();
    const serials = await queryRows<{ t: string; c: string }>(
      tx,
      sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const { t, c } of serials)
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${t}, ${c}), coalesce((select max(${sql.identifier(c)}) from ${sql.identifier(t)}), 0) + 1, false)`,
      );
  });
  return { tables: header.tables.length, rows };
}
