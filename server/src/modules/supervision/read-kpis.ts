import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import * as areasRepo from "../areas/areas.repo";
import { computeKpis, type KpiRow } from "./kpis";
import { areaOutOfScope, periodInvalid } from "./supervision.errors";

export interface ReadKpisQuery {
  areaCode?: string;
  from?: string;
  to?: string;
  category?: string;
  groupBy?: "area";
}

export interface KpiReport {
  area: { code: string; name: string; path: string } | null;
  from: string;
  to: string;
  asOf: string;
  category: string | null;
  groupBy: "area" | null;
  rows: KpiRow[];
}

const DAY = 86_400_000;

/**
 * GET /api/kpis: the closed loop's KPIs for an area (the actor's primary area by default; everything
 * for an administrator without one) over events created in [from, to) (the last 30 days by default),
 * optionally of one category, optionally one row per child area for the rankings (晾晒比拼).
 */
export async function readKpis(ctx: Ctx, q: ReadKpisQuery): Promise<KpiReport> {
  authorize(ctx.actor, "kpi.read");
  const now = ctx.clock.now();
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY);
  if (!(to.getTime() > from.getTime())) throw periodInvalid();
  let area: KpiReport["area"] = null;
  const code = q.areaCode ?? ctx.actor.scopes[0]?.code;
  if (code) {
    const row = await areasRepo.findByCode(ctx.tx, code);
    if (!row) throw areaOutOfScope(code);
    authorize(ctx.actor, "kpi.read", { areaPath: row.path }, { zh: "区域", en: "area" });
    area = { code: row.code, name: row.name, path: row.path };
  } else if (!ctx.actor.allAreas) {
    authorize(ctx.actor, "kpi.read", { areaPath: "" });
  }
  const rows = await computeKpis(ctx.tx, {
    areaPath: area?.path ?? "",
    from,
    to,
    categoryPrefix: q.category || undefined,
    groupByChildArea: q.groupBy === "area",
    asOf: now,
  });
  return {
    area,
    from: from.toISOString(),
    to: to.toISOString(),
    asOf: now.toISOString(),
    category: q.category || null,
    groupBy: q.groupBy ?? null,
    rows,
  };
}
