import type { Actor } from "../../core/actor";
import { hasRole } from "../../core/actor";
import { can, inScope } from "../../core/authorize";
import type { EventRow } from "./event-clock";
import type { PartRow } from "./events.repo";
import { SCOPED_READERS } from "./events.repo";

/** Who stands in what relation to an event: its reporters (with those of merged reports) and its parts. */
export interface Relations {
  reporterIds: string[];
  parts: Pick<PartRow, "id" | "departmentId" | "assigneeUserId" | "state">[];
}

/** Whether the actor's unit (department or person) holds this part. */
export function holdsPart(actor: Actor, part: Pick<PartRow, "departmentId" | "assigneeUserId">): boolean {
  return (
    (actor.userId !== null && part.assigneeUserId === actor.userId) ||
    (actor.departmentId !== null && part.departmentId === actor.departmentId)
  );
}

const inEventScope = (actor: Actor, e: Pick<EventRow, "areaPath">) =>
  actor.allAreas || (e.areaPath !== null && inScope(actor, e.areaPath));

/** The JavaScript twin of repo.visibleCondition, for one event already loaded. */
export function isVisible(actor: Actor, e: EventRow, rel: Relations): boolean {
  if (actor.allAreas) return true;
  if (hasRole(actor, ...SCOPED_READERS) && inEventScope(actor, e)) return true;
  const me = actor.userId;
  if (me && (e.createdBy === me || e.assigneeUserId === me || rel.reporterIds.includes(me))) return true;
  return rel.parts.some((p) => holdsPart(actor, p));
}

/**
 * The roles the actor can act in on this event: each staff role only in scope (the system and an
 * administrator of the whole deployment everywhere), plus the relations reporter, part_unit, assignee.
 */
export function standing(actor: Actor, e: EventRow, rel: Relations): Set<string> {
  const out = new Set<string>();
  const scoped = inEventScope(actor, e);
  for (const role of actor.roles) if (role === "resident" || role === "volunteer" || scoped) out.add(role);
  const me = actor.userId;
  if (me && rel.reporterIds.includes(me)) out.add("reporter");
  if (me && e.assigneeUserId === me) out.add("assignee");
  if (rel.parts.some((p) => p.state !== "withdrawn" && holdsPart(actor, p))) out.add("part_unit");
  return out;
}

/** Whether the reporter's identity shows in clear: the intake desk in scope, and the reporter. */
export function seesReporter(actor: Actor, e: EventRow, rel: Relations): boolean {
  if (actor.userId && rel.reporterIds.includes(actor.userId)) return true;
  if (e.anonymous) return false;
  if (e.areaPath === null)
    return hasRole(actor, "admin", "dispatcher") && (actor.allAreas || e.createdBy === actor.userId);
  return can(actor, "event.reveal_reporter", { areaPath: e.areaPath });
}

/** Staff see the internal record; residents and volunteers see their own reports' public side. */
export function isStaffViewer(actor: Actor): boolean {
  return (
    actor.allAreas ||
    hasRole(actor, "admin", "leader", "dispatcher", "grid_worker", "department_handler", "mediator", "police")
  );
}
