import { describe, expect, it } from "vitest";
import type { EventSummary } from "../../../api/event-types";
import { BOARD_COLUMNS, BOARD_STATES, boardAction, groupForBoard } from "./board";

const now = new Date("2026-11-23T08:00:00Z");
let n = 0;
const ev = (state: string, deadline: string | null, extra: Partial<EventSummary> = {}): EventSummary => ({
  id: `e${++n}`,
  no: String(n),
  title: `event ${n}`,
  category: { code: "0501", name: { zh: "火灾", en: "Fire" } },
  state,
  stateName: { zh: state, en: state },
  urgency: "normal",
  source: "desk",
  colour: "green",
  handlingLevel: null,
  slaStage: null,
  deadline,
  dueAt: null,
  overdue: false,
  area: null,
  createdAt: `2026-11-23T0${n % 8}:00:00Z`,
  closedAt: null,
  version: 1,
  ...extra,
});

describe("dispatch board", () => {
  it("has the five queues of the loop and asks for all their states", () => {
    expect(BOARD_COLUMNS.map((c) => c.key)).toEqual([
      "toAccept",
      "toDispatch",
      "handling",
      "toVerify",
      "toEvaluate",
    ]);
    expect(BOARD_STATES).toContain("reported");
    expect(BOARD_STATES).toContain("returned");
    expect(BOARD_STATES).not.toContain("evaluated");
  });

  it("sorts each queue by deadline, overdue first, no deadline last, and counts red and yellow", () => {
    const late = ev("reported", "2026-11-23T07:00:00Z");
    const soon = ev("reported", "2026-11-23T09:00:00Z", { colour: "yellow" });
    const later = ev("reported", "2026-11-24T09:00:00Z");
    const none = ev("reported", null);
    const dispatched = ev("handling", "2026-11-23T10:00:00Z");
    const finished = ev("evaluated", null);
    const queues = groupForBoard([none, later, soon, late, dispatched, finished], now);
    const toAccept = queues.find((q) => q.column.key === "toAccept")!;
    expect(toAccept.items.map((e) => e.id)).toEqual([late.id, soon.id, later.id, none.id]);
    expect(toAccept.red).toBe(1);
    expect(toAccept.yellow).toBe(1);
    expect(queues.find((q) => q.column.key === "handling")!.items).toEqual([dispatched]);
    expect(queues.flatMap((q) => q.items)).not.toContain(finished);
  });

  it("offers the queue's next step, unless the row says the user may not", () => {
    const [toAccept, toDispatch, handling, toVerify] = BOARD_COLUMNS;
    expect(boardAction(toAccept!, { state: "reported" })).toBe("accept");
    expect(boardAction(toDispatch!, { state: "returned" })).toBe("dispatch");
    expect(boardAction(toVerify!, { state: "feedback" })).toBe("verify");
    expect(boardAction(toVerify!, { state: "verified" })).toBe("close");
    expect(boardAction(handling!, { state: "handling" })).toBeNull();
    expect(boardAction(toAccept!, { state: "reported", can: { accept: false } })).toBeNull();
  });
});
