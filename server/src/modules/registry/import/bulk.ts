/**
 * Inserting many new rows fast. On embedded PGlite every INSERT row costs a trip through the WASM
 * engine's parameter handling, so rows go in with one COPY … FROM '/dev/blob' (CSV) per chunk; on
 * PostgreSQL multi-row INSERTs are already fast and are used. No conflict handling: callers insert
 * rows they know to be new (a conflict aborts the transaction, and the job runs again).
 */
import { getTableColumns, getTableName, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/database";

type PgliteLike = { query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };

/** The PGlite connection under a drizzle executor, when it is one (its `query` takes a blob for COPY). */
function pgliteClient(tx: Executor): PgliteLike | undefined {
  const session = (tx as unknown as { session?: { client?: unknown; constructor?: { name?: string } } })
    .session;
  const client = session?.client as { query?: unknown; constructor?: { name?: string } } | undefined;
  if (!client || typeof client.query !== "function") return undefined;
  // PGlite itself, or the transaction object PGlite hands to drizzle (node-postgres' pool has neither)
  const name = client.constructor?.name ?? "";
  return name === "PGlite" || ("exec" in client && !("connect" in client))
    ? (client as PgliteLike)
    : undefined;
}

/** A value as one CSV field for COPY: unquoted empty is NULL, everything else quoted. */
function csvField(column: Column, value: unknown): string {
  if (value === null || value === undefined) return "";
  const driver = column.mapToDriverValue(value);
  const text =
    typeof driver === "string"
      ? driver
      : typeof driver === "object"
        ? JSON.stringify(driver)
        : String(driver);
  return `"${text.replace(/"/g, '""')}"`;
}

const CHUNK = 5_000;

/** Inserts rows (all new) into a table, in chunks, in the caller's transaction. */
export async function insertMany<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const client = pgliteClient(tx);
  if (!client) {
    for (let i = 0; i < rows.length; i += 1_000)
      await tx.insert(table as PgTable).values(rows.slice(i, i + 1_000) as never);
    return;
  }
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = Object.keys(columns).filter((k) =>
    rows.some((r) => (r as Record<string, unknown>)[k] !== undefined),
  );
  const list = keys.map((k) => `"${columns[k]!.name}"`).join(", ");
  for (let i = 0; i < rows.length; i += CHUNK) {
    const csv = rows
      .slice(i, i + CHUNK)
      .map((r) => keys.map((k) => csvField(columns[k]!, (r as Record<string, unknown>)[k])).join(","))
      .join("\n");
    await client.query(`copy "${getTableName(table)}" (${list}) from '/dev/blob' with (format csv)`, [], {
      blob: new Blob([csv]),
    });
  }
}
