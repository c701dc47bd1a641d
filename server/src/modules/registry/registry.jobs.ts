import type { JobWorker } from "../../core/jobs";
import { registryImportJobs } from "./import/import.jobs";
import { remindExpiringPermits } from "./permit-reminders";
import { purgeDuePersons } from "./purge-persons";

const DAY_MS = 86_400_000;

/** The registry module's jobs and timers; each handler works only in the transaction it is given. */
export function registryJobs(worker: JobWorker): JobWorker {
  return (
    registryImportJobs(worker)
      // personal data of persons deregistered longer than the retention setting
      .every("registry.purge", DAY_MS, async (services, tx) => {
        await purgeDuePersons(services, tx);
      })
      // one task per floating resident whose permit expires within 30 days
      .every("registry.permit_reminders", DAY_MS, async (services, tx) => {
        await remindExpiringPermits(services, tx);
      })
  );
}
