import type { Ctx } from "../../core/context";
import type { WorkingCalendar } from "../../core/working-days";
import type { Executor } from "../../db/database";
import type { Notice } from "../supervision/notify";
import type { EventConfig, Level, TransitionDef } from "./event-config-types";
import type { EventRow } from "./event-clock";
import type { Relations } from "./event-access";
import { unknownFiles } from "./events.errors";
import * as repo from "./events.repo";

/** The body of POST /api/events/{id}/actions: the action, the version acted on, and its fields. */
export interface ActionBody {
  action: string;
  version?: number;
  idempotencyKey?: string;
  partId?: string;
  reason?: string;
  result?: string;
  note?: string;
  comment?: string;
  photos?: string[];
  ok?: boolean;
  satisfaction?: "satisfied" | "basic" | "dissatisfied";
  days?: number;
  level?: Level;
  intoId?: string;
  /** Comments: visible to the reporter too. */
  public?: boolean;
  units?: { departmentId?: string; userId?: string; role?: "lead" | "assist"; required?: boolean }[];
}

/** What an action handler is given: the locked event, its parts, who acts and in which roles. */
export interface Step {
  ctx: Ctx;
  config: EventConfig;
  cal: WorkingCalendar;
  event: EventRow;
  /** Other events locked with this one (the merge target). */
  locked: EventRow[];
  parts: repo.PartWithNames[];
  rel: Relations;
  roles: Set<string>;
  body: ActionBody;
  transition: TransitionDef;
  now: Date;
  today: string;
}

/** What a handler decides; the dispatcher applies the state, the clock, the timeline and the audit. */
export interface StepResult {
  /** A named outcome of the transition (see TransitionDef.outcomes). */
  outcome?: string;
  changes?: Partial<repo.NewEvent>;
  note?: string | null;
  data?: Record<string, unknown>;
  photos?: string[];
  notices?: Omit<Notice, "subjectType" | "subjectId" | "areaPath">[];
  /** Runs after the event row is updated, in the same transaction. */
  after?: (updated: EventRow) => Promise<void>;
  /** Leaves the version as it is (comments do not conflict with actions). */
  keepVersion?: boolean;
  /** A follow-up action the system takes at once (dispatch on acceptance by rule). */
  then?: ActionBody;
}

export type ActionHandler = (s: Step) => Promise<StepResult>;

/** Checks that photo file ids were uploaded; 422 names the missing ones. */
export async function checkPhotos(
  tx: Executor,
  ids: string[] | undefined,
  field = "photos",
): Promise<string[]> {
  const list = [...new Set(ids ?? [])];
  if (list.length === 0) return [];
  const found = await repo.existingFiles(tx, list);
  const missing = list.filter((id) => !found.has(id));
  if (missing.length) throw unknownFiles(missing, field);
  return list;
}

/** The user who dispatched the event last (to hear of returns, extension requests, dissatisfaction). */
export async function lastDispatcher(tx: Executor, eventId: string): Promise<string[]> {
  const a = await repo.lastActionOf(tx, eventId, "dispatch");
  return a?.actorId ? [a.actorId] : [];
}

/** The units holding open parts, for notices. */
export function partUnits(parts: repo.PartWithNames[], states = ["pending", "accepted"]) {
  const open = parts.filter((p) => states.includes(p.state));
  return {
    departmentIds: [...new Set(open.map((p) => p.departmentId).filter((x): x is string => !!x))],
    userIds: [...new Set(open.map((p) => p.assigneeUserId).filter((x): x is string => !!x))],
  };
}
