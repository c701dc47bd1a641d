/**
 * The demo population of the generated areas (东胜街道 at street scale): buildings (some high-rises
 * with safety stars), houses (owned, rented, a few group rentals), households of 2–5 with plausible
 * names and valid resident IDs, floating residents (~20%) with residence permits (some expiring),
 * key persons of Dongsheng's three categories (06 key youth, 01 released prisoners, 03 severe
 * mental disorder) at about 1–3 per thousand each with care plans and visits (some overdue), shops,
 * restaurants and bars each with a safety manager (平安经理), and things: gas cylinders,
 * extinguishers, smoke sensors with device ids, one micro fire station per community.
 *
 * Deterministic for a seed; streamed: one community at a time, rows written in bulk whenever a few
 * thousand people are ready, so memory stays flat at the district scale's three million people.
 * Rows are built by the registry's own contracts (personRow, placeRow, prepareDetails).
 */
import { asc } from "drizzle-orm";
import { recordAudit } from "../core/audit";
import type { Ctx } from "../core/context";
import { localDate } from "../core/time";
import { areas } from "../db/schema";
import { bboxOf, Sink, uuidFrom } from "./population-sink";
import { buildCommunity, type CommunityPlan } from "./population-community";
import type { Scale } from "./area-plans";
import { rng } from "./random";

export interface PopulationOptions {
  seed: number;
  scale: Scale;
  /** People to generate; by default 5,000 (street), 150,000 (chengxiang), 3,000,000 (district). */
  people?: number;
}

export const PEOPLE_BY_SCALE: Readonly<Record<Scale, number>> = {
  street: 5_000,
  chengxiang: 150_000,
  district: 3_000_000,
};

export type PopulationSummary = Sink["counts"] & { scale: Scale; seed: number };

/**
 * Generates the population into the areas already generated (call after generateDemo's areas, in
 * the same or a later transaction). Returns what was made, by table.
 */
export async function generatePopulation(ctx: Ctx, o: PopulationOptions): Promise<PopulationSummary> {
  const r = rng(o.seed * 7919 + 17);
  const today = localDate(ctx.clock.now(), ctx.services.config.timeZone);
  const all = await ctx.tx
    .select({
      id: areas.id,
      code: areas.code,
      name: areas.name,
      level: areas.level,
      path: areas.path,
      geometry: areas.geometry,
    })
    .from(areas)
    .orderBy(asc(areas.code));
  const communities = all.filter((a) => a.level === "community");
  const micro = all.filter((a) => a.level === "micro_grid" && a.geometry);
  if (communities.length === 0 || micro.length === 0)
    throw new Error("Generate the areas before the population");
  const people = o.people ?? PEOPLE_BY_SCALE[o.scale];
  const perMicro = people / micro.length;
  const sink = new Sink(ctx, uuidFrom(r), today);
  const street = all.find((a) => a.level === "street");
  let carry = 0;
  for (const c of communities) {
    const grids = micro.filter((m) => m.path.startsWith(c.path));
    if (grids.length === 0) continue;
    const plan: CommunityPlan = {
      community: { id: c.id, code: c.code, name: c.name, path: c.path },
      streetName:
        all.find((a) => a.level === "street" && c.path.startsWith(a.path))?.name ?? street?.name ?? "",
      microGrids: grids.map((g) => {
        const quota = perMicro * (0.7 + 0.6 * r.next()) + carry;
        const n = Math.max(0, Math.round(quota));
        carry = quota - n;
        return { id: g.id, code: g.code, path: g.path, box: bboxOf(g.geometry), people: n };
      }),
    };
    await buildCommunity(sink, r, plan);
  }
  await sink.flush();
  const summary = { scale: o.scale, seed: o.seed, ...sink.counts };
  await recordAudit(ctx, { action: "demo.population_generated", after: summary });
  return summary;
}
