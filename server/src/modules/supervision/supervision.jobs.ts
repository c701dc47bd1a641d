import type { JobWorker } from "../../core/jobs";
import { slaOverdueJob, slaSweepJob, slaWarnJob } from "./fire-sla-timer";
import { WEBHOOK_DELIVER } from "./notify";
import { SLA_OVERDUE, SLA_SWEEP, SLA_WARN } from "./sla-timers";
import { deliverWebhookJob } from "./webhooks";

/** How often the sweep looks for overdue stages whose red card is missing. */
export const SLA_SWEEP_EVERY_MS = 60_000;

/** The supervision module's jobs and timers; each handler works only in the transaction it is given. */
export function supervisionJobs(worker: JobWorker): JobWorker {
  return worker
    .register(SLA_WARN, slaWarnJob)
    .register(SLA_OVERDUE, slaOverdueJob)
    .register(WEBHOOK_DELIVER, deliverWebhookJob)
    .every(SLA_SWEEP, SLA_SWEEP_EVERY_MS, slaSweepJob);
}
