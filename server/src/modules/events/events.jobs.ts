import type { JobWorker } from "../../core/jobs";
import { importJob } from "./import-feed";
import "./event-area";

/** The events module's jobs and timers; each handler works only in the transaction it is given. */
export function eventsJobs(worker: JobWorker): JobWorker {
  return worker.register("events.import", importJob);
}
