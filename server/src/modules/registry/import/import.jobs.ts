/**
 * The persisted job that runs an import: each run validates the file, or loads batches for about a
 * second (so an embedded single-connection database keeps answering requests in between), then
 * enqueues the next run in the same transaction. A run that crashes is rolled back whole and run
 * again after its lease; the import resumes from its committed processed_rows.
 */
import { enqueueJob, type JobHandler, type JobWorker } from "../../../core/jobs";
import * as repo from "./import.repo";
import { runImportStep } from "./run-import";
import { IMPORT_JOB } from "./start-import";

/** Time one job run may spend loading batches before it hands over to the next run. */
export const LOAD_BUDGET_MS = 1_000;

export const registryImportJob: JobHandler = async (services, tx, job) => {
  const importId = String(job.payload.importId);
  let result;
  try {
    // a savepoint, so that on the last attempt the failure itself can still be recorded
    result = await tx.transaction((sp) =>
      runImportStep(services, sp, importId, { budgetMs: LOAD_BUDGET_MS }),
    );
  } catch (err) {
    if (job.attempts < job.maxAttempts) throw err;
    const message = err instanceof Error ? err.message : String(err);
    await repo.update(tx, importId, {
      status: "failed",
      finishedAt: services.clock.now(),
      errors: { total: 0, items: [], failure: message.slice(0, 500) },
    });
    await repo.clearStaged(tx, importId);
    return;
  }
  if (result.status === "loading")
    await enqueueJob(tx, {
      kind: IMPORT_JOB,
      payload: { importId },
      runAt: services.clock.now(),
      dedupeKey: `${IMPORT_JOB}:${importId}:${result.processed}`,
      maxAttempts: 3,
    });
};

/** Registers the import job on a worker. */
export function registryImportJobs(worker: JobWorker): JobWorker {
  return worker.register(IMPORT_JOB, registryImportJob);
}
