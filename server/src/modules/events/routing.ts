import type { Executor } from "../../db/database";
import { pathDepth } from "../areas/geo/spatial-index";
import {
  LEVELS,
  type EventConfig,
  type Level,
  type RouteUnit,
  type RoutingRule,
  type Urgency,
} from "./event-config-types";
import * as unitsRepo from "./units.repo";
import * as repo from "./events.repo";

export interface Route {
  ruleId: string;
  level: Level;
  units: RouteUnit[];
  autoDispatch: boolean;
}

/** The higher of two levels on the ladder grid → community → street → district. */
export const higherLevel = (a: Level, b: Level | undefined): Level =>
  b && LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a;

/**
 * The routing rule for an event (area subtree × category prefix × urgency): the longest matching
 * category prefix wins, then a rule naming the urgency, then the deepest area; the level is raised to
 * the skip-level floor of the urgency (越级).
 */
export async function routeEvent(
  tx: Executor,
  config: EventConfig,
  e: { categoryCode: string; urgency: string; areaPath: string | null },
): Promise<Route> {
  const urgency = e.urgency as Urgency;
  const areaCodes = config.routing.rules.map((r) => r.areaCode).filter((c): c is string => !!c);
  const paths = areaCodes.length ? await repo.areaPathsByCodes(tx, areaCodes) : new Map<string, string>();
  let best: { rule: RoutingRule; score: number } | undefined;
  for (const rule of config.routing.rules) {
    if (rule.category && !e.categoryCode.startsWith(rule.category)) continue;
    if (rule.urgency && !rule.urgency.includes(urgency)) continue;
    let depth = 0;
    if (rule.areaCode) {
      const path = paths.get(rule.areaCode);
      if (!path || !e.areaPath?.startsWith(path)) continue;
      depth = pathDepth(path);
    }
    const score = (rule.category?.length ?? 0) * 100 + (rule.urgency ? 50 : 0) + Math.min(depth, 49);
    if (!best || score > best.score) best = { rule, score };
  }
  const rule = best?.rule;
  const floor = config.routing.skipLevel[urgency];
  return {
    ruleId: rule?.id ?? "none",
    level: higherLevel(rule?.level ?? "community", floor),
    units: rule?.units ?? [],
    autoDispatch: rule?.autoDispatch ?? false,
  };
}

export interface ResolvedUnit {
  departmentId: string | null;
  userId: string | null;
  role: "lead" | "assist";
  required: boolean;
}

/**
 * Resolves a rule's units against the event's area: a department by code; the department of a kind
 * nearest the area; the grid team's member in a role (e.g. the micro fire station); the police
 * district's officer (警网融合, else its station). Units that resolve to nobody are left out; the same
 * unit twice counts once; without a lead the first unit leads.
 */
export async function resolveUnits(
  tx: Executor,
  areaPath: string | null,
  units: RouteUnit[],
  today: string,
): Promise<ResolvedUnit[]> {
  const chain = areaPath ? repo.ancestorPaths(areaPath) : [];
  const out: ResolvedUnit[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    let found: { departmentId: string | null; userId: string | null } | undefined;
    if ("department" in u) {
      const d = await unitsRepo.departmentByCode(tx, u.department);
      if (d) found = { departmentId: d.id, userId: null };
    } else if ("departmentKind" in u) {
      const candidates = await unitsRepo.departmentsOfKind(tx, u.departmentKind);
      const covering = candidates
        .filter((d) => !d.areaPath || (areaPath ?? "").startsWith(d.areaPath))
        .sort((a, b) => (b.areaPath?.length ?? 0) - (a.areaPath?.length ?? 0));
      const d = covering[0] ?? candidates[0];
      if (d) found = { departmentId: d.id, userId: null };
    } else if ("teamRole" in u) {
      const members = await unitsRepo.teamUsers(tx, chain, u.teamRole, today);
      const userId =
        members[0]?.userId ??
        (u.teamRole === "grid_worker"
          ? (await unitsRepo.scopedUsers(tx, chain, "grid_worker"))[0]?.user_id
          : undefined);
      if (userId) found = { departmentId: null, userId };
    } else if ("police" in u) {
      const p = await unitsRepo.policeFor(tx, chain);
      if (p?.officerIds[0]) found = { departmentId: null, userId: p.officerIds[0] };
      else if (p?.stationId) found = { departmentId: p.stationId, userId: null };
    }
    if (!found) continue;
    const key = `${found.departmentId}|${found.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...found, role: u.role ?? "lead", required: u.required ?? true });
  }
  if (out.length && !out.some((u) => u.role === "lead"))
    out[0] = { ...out[0]!, role: "lead", required: true };
  // a unit that lost its lead to an unresolved one: keep exactly one lead
  let leadSeen = false;
  return out.map((u) => {
    if (u.role !== "lead") return u;
    if (leadSeen) return { ...u, role: "assist" as const };
    leadSeen = true;
    return u;
  });
}
