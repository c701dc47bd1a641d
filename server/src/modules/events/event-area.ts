import { sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { pathDepth } from "../areas/geo/spatial-index";
import { onUnassignedResolved } from "../areas/unassigned";
import { scheduleSlaTimers } from "../supervision/sla-timers";
import { loadEventConfig } from "./event-config";
import type { Urgency } from "./event-config-types";
import * as repo from "./events.repo";
import { routeEvent } from "./routing";

/**
 * The area an address names, from the area names it contains: names contained in a longer matched
 * name are dropped (longest match: "十一网格" beats "一网格"), then the deepest area wins, ties broken by
 * how many of its ancestors the address also names. Undefined when nothing matches or it stays ambiguous.
 */
export async function matchAddress(
  tx: Executor,
  address: string,
  today: string,
): Promise<repo.AreaRow | undefined> {
  const text = address.replace(/\s+/g, "");
  if (text.length < 2) return undefined;
  const found = await repo.areasNamedIn(tx, text, today);
  if (found.length === 0) return undefined;
  // occurrences of each name; a name is dropped when every occurrence lies inside a longer matched name
  const spans = (name: string) => {
    const out: [number, number][] = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push([i, i + name.length]);
    return out;
  };
  const longer = found.map((a) => ({ a, spans: spans(a.name) }));
  const kept = longer.filter(
    ({ a, spans: own }) =>
      !own.every(([s, e]) =>
        longer.some((o) => o.a.name.length > a.name.length && o.spans.some(([os, oe]) => os <= s && e <= oe)),
      ),
  );
  const paths = new Set(kept.map((k) => k.a.path));
  const scored = kept.map(({ a }) => ({
    a,
    depth: pathDepth(a.path),
    ancestors: repo.ancestorPaths(a.path).filter((p) => p !== a.path && paths.has(p)).length,
  }));
  scored.sort((x, y) => y.depth - x.depth || y.ancestors - x.ancestors || y.a.name.length - x.a.name.length);
  const [best, second] = scored;
  if (!best) return undefined;
  if (
    second &&
    second.depth === best.depth &&
    second.ancestors === best.ancestors &&
    second.a.name.length === best.a.name.length &&
    second.a.id !== best.a.id
  )
    return undefined; // two areas of the same name and standing: let a person decide
  return best.a;
}

/**
 * When a dispatcher (or the re-assignment job) gives a queued event its area: the event takes the
 * area and its routing level, and the timeline records it.
 */
export async function assignEventArea(tx: Executor, eventId: string, area: repo.AreaRow): Promise<void> {
  const [e] = await repo.lockEvents(tx, [eventId]);
  if (!e || e.areaId === area.id) return;
  const config = await loadEventConfig(tx);
  // the queue row was just resolved at the (possibly moved) clock's time: the same instant here
  const [q] = await queryRows<{ at: Date | string | null }>(
    tx,
    sql`select resolved_at as at from unassigned_locations where source_type = 'event' and source_id = ${eventId}`,
  );
  const at = q?.at ? new Date(q.at) : new Date();
  const route = await routeEvent(tx, config, {
    categoryCode: e.categoryCode,
    urgency: e.urgency as Urgency,
    areaPath: area.path,
  });
  const updated = await repo.updateEvent(tx, e.id, {
    areaId: area.id,
    areaPath: area.path,
    handlingLevel: e.handlingLevel ?? route.level,
    version: e.version + 1,
    updatedAt: at,
  });
  await repo.insertAction(tx, {
    eventId: e.id,
    action: "locate",
    fromState: e.state,
    toState: e.state,
    version: updated.version,
    actorName: "system",
    note: `区域 ${area.name}（${area.code}）`,
    data: { areaCode: area.code, rule: route.ruleId },
    at: updated.updatedAt,
  });
  await scheduleSlaTimers(tx, updated);
}

onUnassignedResolved("event", assignEventArea);
