import type { Executor } from "../../db/database";

/** What the SLA timers need to know about an event after a change. */
export interface ClockedEvent {
  id: string;
  state: string;
  slaStage: string | null;
  deadline: Date | null;
  warnAt: Date | null;
  pausedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Called by the event module in the same transaction after every change to an event's clock:
 * cancels the timers of the stage that ended and schedules the yellow-warning and deadline timers
 * of the current one, as persisted jobs (dedupe keys, so a timer fires once).
 * (Filled in by the supervision module.)
 */
export async function scheduleSlaTimers(tx: Executor, event: ClockedEvent): Promise<void> {
  void tx;
  void event;
}
