/**
 * One step of an import in the transaction it is given: validation of the whole file (an import
 * that is `validating`) or loading batches (one that is `loading`) until a time budget is spent.
 * The job handler and the CLI both drive imports through it; the import's row lock keeps two
 * drivers from working on the same import at once.
 */
import { recordAudit } from "../../../core/audit";
import { systemActor, type Actor } from "../../../core/actor";
import { makeCtx, type Services } from "../../../core/context";
import { localDate } from "../../../core/time";
import type { Executor } from "../../../db/database";
import * as usersRepo from "../../users/users.repo";
import type { ImportKind } from "./columns";
import * as repo from "./import.repo";
import type { ImportEnv } from "./kind";
import { KIND_SPECS } from "./kinds";
import { finishImport, loadBatch } from "./load-import";
import { headOf, sniffFormat, type FileSource } from "./read-rows";
import { openImportFile } from "./store-file";
import { validateImport } from "./validate-import";

export interface StepResult {
  status: string;
  processed: number;
  total: number;
}

export interface StepOptions {
  /** Keep loading batches in this transaction until this much time has passed (0: one batch). */
  budgetMs?: number;
  /** The file, when the caller has it (the CLI reads it from disk); else it comes from the file store. */
  source?: FileSource;
  onValidated?: (rows: number) => void;
  /** Rows per batch (tests use small ones). */
  batchSize?: number;
}

/** The importer as an actor, with their current roles and scopes (the system for CLI imports). */
async function importerOf(tx: Executor, userId: string | null): Promise<Actor> {
  if (!userId) return systemActor;
  const user = await usersRepo.findById(tx, userId);
  if (!user || user.disabled) throw new Error("The importing user no longer exists or is disabled");
  return usersRepo.actorFor(tx, user, "token");
}

/** Runs the next step of an import in `tx`. */
export async function runImportStep(
  services: Services,
  tx: Executor,
  importId: string,
  o: StepOptions = {},
): Promise<StepResult> {
  const imp = await repo.find(tx, importId, true);
  if (!imp) throw new Error(`No import ${importId}`);
  const actor = await importerOf(tx, imp.createdBy);
  const ctx = makeCtx(services, { actor }, tx);
  const now = services.clock.now();
  const env: ImportEnv = {
    tx,
    actor,
    keyring: services.keyring,
    services,
    today: localDate(now, services.config.timeZone),
    now,
    importId,
    ctx,
  };
  const spec = KIND_SPECS[imp.kind as ImportKind];
  if (imp.status === "validating") {
    const source = o.source ?? { bytes: await openImportFile(services, imp.fileId!) };
    const format = sniffFormat(await headOf(source));
    if (typeof format !== "string") throw new Error(format.problem.en);
    const defaultArea = imp.areaId && imp.areaPath ? { areaId: imp.areaId, areaPath: imp.areaPath } : null;
    const result = await validateImport(env, spec, {
      source,
      format,
      defaultArea,
      onProgress: o.onValidated,
      batchSize: o.batchSize,
    });
    const errors = {
      total: result.problemCount,
      items: result.problems,
      ignoredColumns: result.ignoredColumns,
    };
    if (result.problemCount > 0) {
      await repo.update(tx, importId, {
        status: "invalid",
        totalRows: result.totalRows,
        errors,
        finishedAt: now,
      });
      await recordAudit(ctx, {
        action: "registry.import_invalid",
        subjectType: "registry_import",
        subjectId: importId,
        after: {
          kind: imp.kind,
          fileDigest: imp.fileDigest,
          totalRows: result.totalRows,
          problems: result.problemCount,
        },
      });
      return { status: "invalid", processed: 0, total: result.totalRows };
    }
    await repo.update(tx, importId, { status: "loading", totalRows: result.staged, errors });
    if (result.staged === 0) {
      await finishImport(env, importId);
      return { status: "done", processed: 0, total: 0 };
    }
    return { status: "loading", processed: 0, total: result.staged };
  }
  if (imp.status !== "loading")
    return { status: imp.status, processed: imp.processedRows, total: imp.totalRows };
  const started = performance.now();
  for (;;) {
    const r = await loadBatch(env, spec);
    if (r.done) return { status: "done", processed: r.processed, total: r.total };
    if (performance.now() - started >= (o.budgetMs ?? 0))
      return { status: "loading", processed: r.processed, total: r.total };
  }
}
