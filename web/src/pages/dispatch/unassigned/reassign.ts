import type { Job } from "../../../api/area-types";

const FINISHED: readonly Job["status"][] = ["done", "failed", "cancelled"];

/** True once a job will not change any more. */
export function isFinished(job: Pick<Job, "status">): boolean {
  return FINISHED.includes(job.status);
}

export interface PollOptions {
  /** Milliseconds between reads; grows by half each time up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up (rejecting with `timeout`) after this long. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Stops polling (rejecting with `aborted`) when it returns true, e.g. after the page closed. */
  cancelled?: () => boolean;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads a job until it is finished, backing off between reads; resolves to the finished job. */
export async function waitForJob(read: () => Promise<Job>, options: PollOptions = {}): Promise<Job> {
  const { intervalMs = 500, maxIntervalMs = 4000, timeoutMs = 5 * 60_000 } = options;
  const sleep = options.sleep ?? wait;
  const now = options.now ?? Date.now;
  const start = now();
  let interval = intervalMs;
  for (;;) {
    if (options.cancelled?.()) throw new Error("aborted");
    const job = await read();
    if (isFinished(job)) return job;
    if (now() - start >= timeoutMs) throw new Error("timeout");
    await sleep(interval);
    interval = Math.min(maxIntervalMs, Math.round(interval * 1.5));
  }
}
