import type { Actor } from "../../core/actor";
import type { EventConfig, TransitionDef } from "./event-config-types";
import type { EventRow, EventSla } from "./event-clock";
import { holdsPart, standing, type Relations } from "./event-access";
import type { PartRow } from "./events.repo";

type Part = Pick<PartRow, "id" | "state" | "departmentId" | "assigneeUserId">;

/** Whether the transition may be taken from the event's state. */
export function fromAllowed(t: TransitionDef, state: string): boolean {
  return t.from.includes("*") || t.from.includes(state);
}

/** Whether the actor holds one of the transition's roles or relations on this event. */
export function hasStanding(t: TransitionDef, roles: Set<string>): boolean {
  return t.roles.some((r) => roles.has(r));
}

const PART_STATES: Record<string, string[]> = {
  accept_part: ["pending"],
  reject_part: ["pending", "accepted"],
  finish_part: ["pending", "accepted"],
};

/** Whether the actor may act on this part: their own unit's, or on behalf of a unit as the desk. */
export function mayActOnPart(actor: Actor, t: TransitionDef, roles: Set<string>, part: Part): boolean {
  if (holdsPart(actor, part)) return true;
  return t.roles.some((r) => r !== "part_unit" && r !== "reporter" && r !== "assignee" && roles.has(r));
}

/** Conditions beyond state and role, checked again (with their own errors) when the action runs. */
function guard(
  action: string,
  e: EventRow,
  config: EventConfig,
  actor: Actor,
  parts: Relations["parts"],
): boolean {
  const sla = e.sla as EventSla | null;
  switch (action) {
    case "approve_extension":
    case "reject_extension":
      return Boolean(sla?.extensionRequest);
    case "request_extension":
      return !sla?.extensionRequest;
    case "return":
      return e.returnCount < config.states.maxReturns;
    case "verify":
      return !parts.some((p) => p.state === "done" && holdsPart(actor, p));
    default:
      return true;
  }
}

/**
 * What the actor may do next, per action, from the state machine (the UI's buttons; the server
 * still checks each action when it comes).
 */
export function computeCan(
  actor: Actor,
  config: EventConfig,
  e: EventRow,
  rel: Relations,
): { can: Record<string, boolean>; parts: Map<string, Record<"accept" | "reject" | "finish", boolean>> } {
  const roles = standing(actor, e, rel);
  const can: Record<string, boolean> = {};
  const partCan = new Map<string, Record<"accept" | "reject" | "finish", boolean>>();
  for (const p of rel.parts) partCan.set(p.id, { accept: false, reject: false, finish: false });
  for (const t of config.states.transitions) {
    let ok = fromAllowed(t, e.state) && hasStanding(t, roles) && guard(t.action, e, config, actor, rel.parts);
    const partStates = PART_STATES[t.action];
    if (partStates) {
      const key = t.action === "accept_part" ? "accept" : t.action === "reject_part" ? "reject" : "finish";
      let any = false;
      for (const p of rel.parts) {
        const allowed = ok && partStates.includes(p.state) && mayActOnPart(actor, t, roles, p);
        partCan.get(p.id)![key] = allowed;
        any ||= allowed;
      }
      ok = any;
    }
    can[t.action] = ok;
  }
  can.revealReporter = false;
  return { can, parts: partCan };
}
