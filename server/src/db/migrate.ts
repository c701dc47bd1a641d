import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./database";

const MIGRATIONS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../migrations");
/** Arbitrary constant: the advisory lock every process takes before migrating. */
const MIGRATION_LOCK = 7_355_608_001;

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

/** Reads drizzle-kit's journal and SQL files, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8");
      return {
        tag,
        hash: crypto.createHash("sha256").update(text).digest("hex"),
        statements: text
          .split("--> statement-breakpoint")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

/** The newest migration this code knows. */
export function latestMigration(): string {
  return loadMigrations().at(-1)?.tag ?? "none";
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so several processes
 * starting together apply each migration exactly once. Returns the tags applied now.
 */
export async function migrate(db: Db): Promise<{ applied: string[]; current: string }> {
  const migrations = loadMigrations();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create table if not exists pingan_migrations (
      tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
    const done = new Set(
      (await queryRows<{ tag: string }>(tx, sql`select tag from pingan_migrations`)).map((r) => r.tag),
    );
    const known = new Set(migrations.map((m) => m.tag));
    const unknown = [...done].filter((t) => !known.has(t));
    if (unknown.length > 0)
      throw new Error(
        `The database has migrations this version does not know (${unknown.join(", ")}): upgrade Pingan.`,
      );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.tag)) continue;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into pingan_migrations (tag, hash) values (${m.tag}, ${m.hash})`);
      applied.push(m.tag);
    }
    return { applied, current: migrations.at(-1)?.tag ?? "none" };
  });
}

/** The newest migration applied to this database, or undefined before the first. */
export async function currentMigration(db: Db): Promise<string | undefined> {
  const exists = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('pingan_migrations')::text as t`,
  );
  if (!exists[0]?.t) return undefined;
  const rows = await queryRows<{ tag: string }>(
    db,
    sql`select tag from pingan_migrations order by tag desc limit 1`,
  );
  return rows[0]?.tag;
}
