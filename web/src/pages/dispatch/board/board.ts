import type { EventAction, EventSummary } from "../../../api/event-types";
import { COLOUR_RANK, liveColour } from "../../../components/events/sla";

/** A queue of the dispatch board: the states it gathers, in the order of the closed loop. */
export interface BoardColumn {
  key: "toAccept" | "toDispatch" | "handling" | "toVerify" | "toEvaluate";
  states: readonly string[];
}

/** 待受理, 待分派, 处置中, 待核查, 待评价: the board's five queues. */
export const BOARD_COLUMNS: readonly BoardColumn[] = [
  { key: "toAccept", states: ["reported"] },
  { key: "toDispatch", states: ["accepted", "returned"] },
  { key: "handling", states: ["dispatched", "handling", "handled", "suspended"] },
  { key: "toVerify", states: ["feedback", "verified"] },
  { key: "toEvaluate", states: ["closed"] },
];

/** Every state the board shows, for one `GET /api/events?state=…` request. */
export const BOARD_STATES: readonly string[] = BOARD_COLUMNS.flatMap((c) => c.states);

/** One queue as shown: its events by deadline, and how many are red and yellow. */
export interface BoardQueue {
  column: BoardColumn;
  items: EventSummary[];
  red: number;
  yellow: number;
}

const deadlineOf = (e: EventSummary) =>
  e.deadline ? new Date(e.deadline).getTime() : Number.POSITIVE_INFINITY;

/**
 * Sorts events into the board's queues: each queue by deadline (the most urgent first; no deadline
 * last), ties by colour then age. Events in states no queue takes are left out.
 */
export function groupForBoard(events: readonly EventSummary[], now: Date): BoardQueue[] {
  const queues = BOARD_COLUMNS.map((column) => ({ column, items: [] as EventSummary[], red: 0, yellow: 0 }));
  const byState = new Map<string, BoardQueue>();
  for (const q of queues) for (const s of q.column.states) byState.set(s, q);
  for (const e of events) {
    const q = byState.get(e.state);
    if (!q) continue;
    q.items.push(e);
    const colour = liveColour(e, now);
    if (colour === "red") q.red += 1;
    else if (colour === "yellow") q.yellow += 1;
  }
  for (const q of queues)
    q.items.sort(
      (a, b) =>
        deadlineOf(a) - deadlineOf(b) ||
        COLOUR_RANK[liveColour(a, now)] - COLOUR_RANK[liveColour(b, now)] ||
        a.createdAt.localeCompare(b.createdAt),
    );
  return queues;
}

/**
 * The quick action of a board card: what the event's queue needs next (accept, dispatch, verify,
 * close), offered only when the server's `can` (if the row carries one) allows it.
 */
export function boardAction(column: BoardColumn, e: Pick<EventSummary, "state" | "can">): EventAction | null {
  const byState: Record<string, EventAction> = {
    reported: "accept",
    accepted: "dispatch",
    returned: "dispatch",
    feedback: "verify",
    verified: "close",
  };
  const action = column.states.includes(e.state) ? byState[e.state] : undefined;
  if (!action) return null;
  if (e.can && e.can[action] !== true) return null;
  return action;
}
