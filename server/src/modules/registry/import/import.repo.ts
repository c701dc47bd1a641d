/** SQL for registry imports and their staged rows, and only here. */
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/database";
import { areas, registryImportRows, registryImports, users } from "../../../db/schema";
import { insertMany } from "./bulk";

export type ImportRow = typeof registryImports.$inferSelect;
export type ImportWithArea = ImportRow & {
  areaCode: string | null;
  areaName: string | null;
  areaPath: string | null;
  createdByName: string | null;
};

const withArea = {
  id: registryImports.id,
  kind: registryImports.kind,
  fileId: registryImports.fileId,
  fileDigest: registryImports.fileDigest,
  fileName: registryImports.fileName,
  status: registryImports.status,
  totalRows: registryImports.totalRows,
  processedRows: registryImports.processedRows,
  created: registryImports.created,
  updated: registryImports.updated,
  unchanged: registryImports.unchanged,
  errors: registryImports.errors,
  areaId: registryImports.areaId,
  createdBy: registryImports.createdBy,
  createdAt: registryImports.createdAt,
  finishedAt: registryImports.finishedAt,
  areaCode: areas.code,
  areaName: areas.name,
  areaPath: areas.path,
  createdByName: users.displayName,
};

const joined = (db: Executor) =>
  db
    .select(withArea)
    .from(registryImports)
    .leftJoin(areas, eq(areas.id, registryImports.areaId))
    .leftJoin(users, eq(users.id, registryImports.createdBy));

export async function insert(db: Executor, values: typeof registryImports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(registryImports).values(values).returning();
  return row!;
}

/** One import with its default area and its importer's name; `lock` for the job that works on it. */
export async function find(db: Executor, id: string, lock = false): Promise<ImportWithArea | undefined> {
  const q = joined(db).where(eq(registryImports.id, id));
  const rows = lock ? await q.for("update", { of: registryImports }) : await q;
  return rows[0];
}

/** The newest import of the same file, kind and default area that is done or still running. */
export async function findSameFile(db: Executor, kind: string, digest: string, areaId: string | null) {
  const rows = await joined(db)
    .where(
      and(
        eq(registryImports.kind, kind),
        eq(registryImports.fileDigest, digest),
        areaId ? eq(registryImports.areaId, areaId) : sql`${registryImports.areaId} is null`,
        inArray(registryImports.status, ["done", "validating", "loading"]),
      ),
    )
    .orderBy(desc(registryImports.createdAt))
    .limit(1);
  return rows[0];
}

/** A page of imports matching `where`, newest first. */
export async function page(db: Executor, where: SQL, limit: number, offset: number) {
  return joined(db)
    .where(where)
    .orderBy(desc(registryImports.createdAt), desc(registryImports.id))
    .limit(limit)
    .offset(offset);
}

export async function update(db: Executor, id: string, values: Partial<typeof registryImports.$inferInsert>) {
  await db.update(registryImports).set(values).where(eq(registryImports.id, id));
}

/** Adds the counts of a loaded batch and moves processed_rows, in the batch's transaction. */
export async function advance(
  db: Executor,
  id: string,
  processed: number,
  c: { created: number; updated: number; unchanged: number },
) {
  await db
    .update(registryImports)
    .set({
      processedRows: processed,
      created: sql`${registryImports.created} + ${c.created}`,
      updated: sql`${registryImports.updated} + ${c.updated}`,
      unchanged: sql`${registryImports.unchanged} + ${c.unchanged}`,
    })
    .where(eq(registryImports.id, id));
}

export interface StagedRecord {
  seq: number;
  rowNo: number;
  data: string;
}

/** Stages checked rows (in bulk). */
export async function stage(db: Executor, importId: string, rows: StagedRecord[]): Promise<void> {
  await insertMany(
    db,
    registryImportRows,
    rows.map((r) => ({ importId, ...r })),
  );
}

/** The next staged chunks after `afterSeq` (a chunk's seq is the ordinal of its first row), in file order. */
export async function nextStaged(
  db: Executor,
  importId: string,
  afterSeq: number,
  limit: number,
): Promise<StagedRecord[]> {
  return db
    .select({ seq: registryImportRows.seq, rowNo: registryImportRows.rowNo, data: registryImportRows.data })
    .from(registryImportRows)
    .where(and(eq(registryImportRows.importId, importId), gt(registryImportRows.seq, afterSeq)))
    .orderBy(asc(registryImportRows.seq))
    .limit(limit);
}

/** Drops an import's staged rows (when it is done, invalid or failed). */
export async function clearStaged(db: Executor, importId: string): Promise<void> {
  await db.delete(registryImportRows).where(eq(registryImportRows.importId, importId));
}
