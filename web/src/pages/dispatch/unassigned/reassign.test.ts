import { describe, expect, it } from "vitest";
import type { Job } from "../../../api/area-types";
import { isFinished, waitForJob } from "./reassign";

const job = (status: Job["status"]): Job => ({
  id: 7,
  kind: "areas.reassign",
  status,
  payload: status === "done" ? { report: { checked: 3, assigned: 2, stillOutside: 1 } } : {},
  lastError: null,
});

describe("waitForJob", () => {
  it("reads until the job is finished, backing off between reads", async () => {
    const answers = [job("pending"), job("running"), job("running"), job("done")];
    const sleeps: number[] = [];
    const result = await waitForJob(async () => answers.shift() as Job, {
      intervalMs: 100,
      maxIntervalMs: 200,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(result.payload?.report).toEqual({ checked: 3, assigned: 2, stillOutside: 1 });
    expect(sleeps).toEqual([100, 150, 200]);
  });

  it("returns a failed job rather than waiting for ever", async () => {
    await expect(
      waitForJob(async () => job("failed"), { sleep: async () => undefined }),
    ).resolves.toMatchObject({
      status: "failed",
    });
    expect(isFinished(job("cancelled"))).toBe(true);
    expect(isFinished(job("pending"))).toBe(false);
  });

  it("gives up after the timeout, and stops when cancelled", async () => {
    let t = 0;
    await expect(
      waitForJob(async () => job("running"), {
        timeoutMs: 1000,
        now: () => t,
        sleep: async (ms) => void (t += ms),
      }),
    ).rejects.toThrow("timeout");
    let reads = 0;
    let cancelled = false;
    await expect(
      waitForJob(
        async () => {
          reads++;
          cancelled = true;
          return job("running");
        },
        { sleep: async () => undefined, cancelled: () => cancelled },
      ),
    ).rejects.toThrow("aborted");
    expect(reads).toBe(1);
  });
});
