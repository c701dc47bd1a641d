import { sql, type SQL, type AnyColumn } from "drizzle-orm";
import type { Actor } from "./actor";
import { hasRole } from "./actor";
import { forbidden, notFound, type Message } from "./errors";

/** Every action the platform authorises. Modules add theirs here, so the union stays complete. */
export type Action =
  | "me.read"
  | "me.password"
  | "user.list"
  | "user.create"
  | "user.update"
  | "apikey.manage"
  | "audit.search"
  | "audit.verify"
  | "area.read"
  | "area.locate"
  | "area.import"
  | "police_district.read"
  | "police_district.manage"
  | "team.read"
  | "team.manage"
  | "team.reveal_phone"
  | "user.handover"
  | "area.edit"
  | "unassigned.manage"
  | "department.list"
  | "clock.set"
  | "file.upload"
  | "file.read"
  | "system.status"
  // registry (人房企事物)
  | "registry.read"
  | "registry.edit"
  | "registry.import"
  | "registry.export"
  | "registry.purge"
  | "person.reveal"
  | "key_person.read"
  | "key_person.edit"
  | "key_person.grant"
  | "visit.record"
  // events (事件闭环)
  | "event.report"
  | "event.read"
  | "event.act"
  | "event.reveal_reporter"
  | "event.import"
  | "event.configure"
  | "event.supervise"
  | "event.consult"
  | "kpi.read"
  | "notification.read"
  | "webhook.manage";

/** Anything that lives in an area carries its materialised path. */
export interface Scoped {
  areaPath: string;
}

type Policy = (actor: Actor, subject?: Scoped) => boolean;

const staff = (a: Actor) =>
  hasRole(a, "admin", "leader", "dispatcher", "grid_worker", "department_handler", "mediator", "police");
const anyone = () => true;
const admin = (a: Actor) => hasRole(a, "admin");

/** Who may do what; an action without a policy is denied. */
const policies: Record<Action, Policy> = {
  "me.read": anyone,
  "me.password": (a) => a.via !== "api_key" && a.userId !== null,
  "user.list": admin,
  "user.create": admin,
  "user.update": admin,
  "apikey.manage": admin,
  "audit.search": admin,
  "audit.verify": admin,
  "area.read": (a, s) => staff(a) && (!s || inScope(a, s.areaPath)),
  // anyone signed in may locate a point: residents and volunteers report events by location
  "area.locate": anyone,
  "area.import": (a, s) => admin(a) && (!s || inScope(a, s.areaPath)),
  "police_district.read": staff,
  // the subject, when given, is a grid being mapped: only grids in the administrator's scope
  "police_district.manage": (a, s) => admin(a) && (!s || inScope(a, s.areaPath)),
  "team.read": (a, s) => staff(a) && (!s || inScope(a, s.areaPath)),
  "team.manage": (a, s) => hasRole(a, "admin", "dispatcher", "leader") && (!s || inScope(a, s.areaPath)),
  // a team member's phone in clear: only those who coordinate the grid, each time with a reason
  "team.reveal_phone": (a, s) =>
    hasRole(a, "admin", "dispatcher", "leader", "police") && (!s || inScope(a, s.areaPath)),
  "user.handover": (a, s) => admin(a) && (!s || inScope(a, s.areaPath)),
  "area.edit": (a, s) => admin(a) && (!s || inScope(a, s.areaPath)),
  // the queue of records outside every area belongs to the centre: dispatchers and administrators
  "unassigned.manage": (a, s) => hasRole(a, "admin", "dispatcher") && (!s || inScope(a, s.areaPath)),
  "department.list": staff,
  "clock.set": admin,
  "file.upload": anyone,
  "file.read": anyone,
  "system.status": admin,

  // registry: staff read within their scope; residents and volunteers see none of it
  "registry.read": (a, s) => staff(a) && (!s || inScope(a, s.areaPath)),
  "registry.edit": (a, s) =>
    hasRole(a, "admin", "dispatcher", "grid_worker", "police") && (!s || inScope(a, s.areaPath)),
  "registry.import": (a, s) => hasRole(a, "admin", "dispatcher") && (!s || inScope(a, s.areaPath)),
  "registry.export": (a, s) => hasRole(a, "admin", "dispatcher", "leader") && (!s || inScope(a, s.areaPath)),
  "registry.purge": admin,
  // an ID number or phone in clear: with a reason, audited
  "person.reveal": (a, s) =>
    hasRole(a, "admin", "dispatcher", "grid_worker", "police") && (!s || inScope(a, s.areaPath)),
  // key-person files: only the roles that care for them, in scope; others by a grant per category
  "key_person.read": (a, s) =>
    hasRole(a, "admin", "dispatcher", "grid_worker", "police", "leader") && (!s || inScope(a, s.areaPath)),
  "key_person.edit": (a, s) =>
    hasRole(a, "admin", "dispatcher", "grid_worker", "police") && (!s || inScope(a, s.areaPath)),
  "key_person.grant": admin,
  "visit.record": (a, s) =>
    hasRole(a, "admin", "dispatcher", "grid_worker", "police", "mediator") && (!s || inScope(a, s.areaPath)),

  // events: anyone signed in may report; staff read in scope; the state machine names who takes each step
  "event.report": anyone,
  "event.read": (a, s) => staff(a) && (!s || inScope(a, s.areaPath)),
  "event.act": (a, s) => staff(a) && (!s || inScope(a, s.areaPath)),
  "event.reveal_reporter": (a, s) => hasRole(a, "admin", "dispatcher") && (!s || inScope(a, s.areaPath)),
  "event.import": (a, s) => hasRole(a, "admin", "dispatcher") && (!s || inScope(a, s.areaPath)),
  "event.configure": admin,
  "event.supervise": (a, s) => hasRole(a, "admin", "dispatcher", "leader") && (!s || inScope(a, s.areaPath)),
  "event.consult": (a, s) => hasRole(a, "admin", "dispatcher", "leader") && (!s || inScope(a, s.areaPath)),
  "kpi.read": (a, s) => hasRole(a, "admin", "dispatcher", "leader") && (!s || inScope(a, s.areaPath)),
  "notification.read": anyone,
  "webhook.manage": admin,
};

/** True when the path lies in one of the actor's area subtrees. */
export function inScope(actor: Actor, areaPath: string): boolean {
  return actor.allAreas || actor.scopes.some((s) => areaPath.startsWith(s.path));
}

/** Whether the actor may perform the action (on the subject, when given). */
export function can(actor: Actor, action: Action, subject?: Scoped): boolean {
  const policy = policies[action] as Policy | undefined;
  return policy ? policy(actor, subject) : false;
}

/**
 * Throws unless the actor may act. A subject outside the actor's scope answers 404 (its
 * existence must not leak); inside scope but not permitted answers 403.
 */
export function authorize(actor: Actor, action: Action, subject?: Scoped, what?: Message): void {
  if (can(actor, action, subject)) return;
  if (subject && !inScope(actor, subject.areaPath)) throw notFound(what);
  throw forbidden();
}

/** A LIKE pattern matching every string that starts with `prefix` (its %, _ and \\ escaped). */
export function likePrefix(path: string): string {
  return path.replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
}

/** SQL condition keeping rows whose area path lies in the actor's scope (prefix match, index-friendly). */
export function scopeCondition(actor: Actor, pathColumn: AnyColumn | SQL): SQL {
  if (actor.allAreas) return sql`true`;
  if (actor.scopes.length === 0) return sql`false`;
  // parenthesised: drizzle's and() does not wrap its parts, and "a or b and c" would drop c for a
  return sql`(${sql.join(
    actor.scopes.map((s) => sql`${pathColumn} like ${likePrefix(s.path)}`),
    sql` or `,
  )})`;
}
