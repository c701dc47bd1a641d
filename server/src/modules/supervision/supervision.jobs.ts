import type { JobWorker } from "../../core/jobs";

/** The supervision module's jobs and timers; each handler works only in the transaction it is given. */
export function supervisionJobs(worker: JobWorker): JobWorker {
  return worker;
}
