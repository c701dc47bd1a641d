import type { Ctx } from "../../core/context";
import { invalid } from "../../core/errors";
import { loadEventConfig } from "./event-config";
import type { Bilingual } from "./event-config-types";
import { isStaffViewer } from "./event-access";
import { unknownArea } from "./events.errors";
import * as listRepo from "./list-events.repo";
import * as repo from "./events.repo";
import { eventNo } from "./present-event";

export interface ListFilters {
  state?: string;
  category?: string;
  areaCode?: string;
  colour?: "green" | "yellow" | "red";
  source?: string;
  urgency?: string;
  overdue?: boolean;
  open?: boolean;
  mine?: boolean;
  q?: string;
  from?: string;
  to?: string;
  sort?: "deadline" | "created" | "-created";
  limit?: number;
  offset?: number;
}

export interface EventSummary {
  id: string;
  no: string;
  title: string;
  category: { code: string; name: Bilingual };
  state: string;
  stateName: Bilingual;
  urgency: string;
  source: string;
  area: { code: string; name: string } | null;
  handlingLevel: string | null;
  slaStage: string | null;
  colour: string;
  overdue: boolean;
  deadline: string | null;
  dueAt: string | null;
  createdAt: string;
  closedAt: string | null;
  version: number;
}

const date = (field: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime()))
    throw invalid(field, `${field} 不是有效时间`, `${field} is not a valid time`);
  return d;
};

/**
 * The events the actor may see (scoped in SQL), filtered by state (comma-separated), category prefix,
 * area subtree, colour, source, urgency, overdue, mine (assigned to me or my unit's open parts), text,
 * or time of receipt; sorted by deadline or by time of receipt; paged, with the total.
 */
export async function listEvents(ctx: Ctx, f: ListFilters) {
  const config = await loadEventConfig(ctx.tx);
  const tz = ctx.services.config.timeZone;
  const area = f.areaCode !== undefined ? await repo.areaByCode(ctx.tx, f.areaCode) : undefined;
  if (f.areaCode !== undefined && !area) throw unknownArea(f.areaCode);
  const q = f.q?.trim() || undefined;
  const seqMatch = q ? /^(?:\d{8}-)?0*(\d{1,15})$/.exec(q) : null;
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 200);
  const offset = Math.max(f.offset ?? 0, 0);
  const { rows, total } = await listRepo.listEvents(
    ctx.tx,
    ctx.actor,
    {
      states: f.state
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      categoryPrefix: f.category,
      areaPath: area?.path,
      colour: f.colour,
      source: f.source,
      urgency: f.urgency,
      overdue: f.overdue,
      open: f.open,
      mine: f.mine && ctx.actor.userId ? true : undefined,
      q,
      seq: seqMatch ? Number(seqMatch[1]) : undefined,
      from: date("from", f.from),
      to: date("to", f.to),
      sort: f.sort ?? "-created",
      limit,
      offset,
    },
    ctx.clock.now(),
  );
  const staff = isStaffViewer(ctx.actor);
  const items: EventSummary[] = rows.map(({ event: e, colour, areaCode, areaName }) => {
    const st = config.index.states.get(e.state);
    return {
      id: e.id,
      no: eventNo(e, tz),
      title: e.title,
      category: {
        code: e.categoryCode,
        name: config.index.categories.get(e.categoryCode)?.name ?? { zh: e.categoryCode, en: e.categoryCode },
      },
      state: e.state,
      stateName: (staff ? st?.name : (st?.publicName ?? st?.name)) ?? { zh: e.state, en: e.state },
      urgency: e.urgency,
      source: e.source,
      area: areaCode ? { code: areaCode, name: areaName ?? "" } : null,
      handlingLevel: e.handlingLevel,
      slaStage: e.slaStage,
      colour,
      overdue: !e.closedAt && colour === "red",
      deadline: e.deadline?.toISOString() ?? null,
      dueAt: e.dueAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
      closedAt: e.closedAt?.toISOString() ?? null,
      version: e.version,
    };
  });
  return { items, total, limit, offset };
}
