import type { JobWorker } from "../../core/jobs";

/** The registry module's jobs and timers; each handler works only in the transaction it is given. */
export function registryJobs(worker: JobWorker): JobWorker {
  return worker;
}
