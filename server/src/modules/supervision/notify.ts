import type { Executor } from "../../db/database";

/** Something users should hear about: sent to the console at once and to webhooks after commit. */
export interface Notice {
  /** e.g. "event.dispatched", "event.red", "supervision.opened", "consultation.convened" */
  kind: string;
  title: string;
  body?: string;
  subjectType?: string;
  subjectId?: string;
  /** Users to notify directly. */
  userIds?: string[];
  /** Units whose handlers are notified. */
  departmentIds?: string[];
  /** For webhooks filtered by area. */
  areaPath?: string | null;
}

/**
 * Records the notice for each user in the caller's transaction and enqueues the outgoing webhooks,
 * which a job sends after commit; a notice never blocks or fails the change that caused it.
 * (Filled in by the supervision module.)
 */
export async function notify(tx: Executor, notice: Notice): Promise<void> {
  void tx;
  void notice;
}
