import type { JobWorker } from "../../core/jobs";

/** The events module's jobs and timers; each handler works only in the transaction it is given. */
export function eventsJobs(worker: JobWorker): JobWorker {
  return worker;
}
