/**
 * Phase 2 of an import: loads the staged rows a chunk (batch) at a time. Each batch writes its records, its
 * history and the import's processed_rows in the caller's one transaction, so a crash loses at most
 * the batch in flight and the next run resumes after the last committed row, without duplicates.
 */
import { recordAudit } from "../../../core/audit";
import * as repo from "./import.repo";
import type { ImportEnv, KindSpec } from "./kind";
import { openStaged } from "./validate-import";

export interface BatchResult {
  processed: number;
  total: number;
  done: boolean;
}

/**
 * Loads the next batch of an import that is `loading` (locking its row, so two workers never load
 * the same rows), and finishes it after the last one: status done, staged rows dropped, one audit
 * row `registry.imported` with the counts and the file's digest.
 */
export async function loadBatch(env: ImportEnv, spec: KindSpec): Promise<BatchResult> {
  const imp = await repo.find(env.tx, env.importId, true);
  if (!imp || imp.status !== "loading")
    return { processed: imp?.processedRows ?? 0, total: imp?.totalRows ?? 0, done: true };
  // the next chunk staged by validation (one per batch of rows)
  const [chunk] = await repo.nextStaged(env.tx, imp.id, imp.processedRows, 1);
  let processed = imp.processedRows;
  if (chunk) {
    const decode = spec.unstage ?? openStaged;
    const rows = (JSON.parse(chunk.data) as unknown[]).map((d) => decode(env, d));
    const counts = await spec.load(env, rows);
    processed = chunk.seq + rows.length - 1;
    await repo.advance(env.tx, imp.id, processed, counts);
  }
  if (processed < imp.totalRows && chunk) return { processed, total: imp.totalRows, done: false };
  await finishImport(env, imp.id);
  return { processed, total: imp.totalRows, done: true };
}

/** Marks a loaded import done and writes its one audit record. */
export async function finishImport(env: ImportEnv, importId: string): Promise<void> {
  await repo.clearStaged(env.tx, importId);
  await repo.update(env.tx, importId, { status: "done", finishedAt: env.now });
  const imp = (await repo.find(env.tx, importId))!;
  await recordAudit(env.ctx, {
    action: "registry.imported",
    subjectType: "registry_import",
    subjectId: importId,
    after: {
      kind: imp.kind,
      fileName: imp.fileName,
      fileDigest: imp.fileDigest,
      totalRows: imp.totalRows,
      created: imp.created,
      updated: imp.updated,
      unchanged: imp.unchanged,
      area: imp.areaCode,
    },
  });
}
