import { and, desc, eq } from "drizzle-orm";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import type { Message } from "../../core/errors";
import type { Executor } from "../../db/database";
import { ratings, users } from "../../db/schema";
import { presentBuilding, visibleBuilding } from "./buildings";
import { iso, todayOf } from "./dates";
import { recordChange } from "./history";
import * as repo from "./houses.repo";
import { notHighRise } from "./places.errors";
import { fieldProblems, type FieldProblem } from "./registry.errors";

/** One item of the high-rise safety checklist (高楼安全星级评定); an essential one caps the stars when unmet. */
export interface StarCriterion {
  code: string;
  label: Message;
  essential: boolean;
}

/** The checklist as data: what an inspector ticks on site. */
export const HIGH_RISE_CRITERIA: readonly StarCriterion[] = [
  {
    code: "fire_passages_clear",
    label: { zh: "疏散通道、安全出口畅通无堵塞", en: "Escape routes and exits clear" },
    essential: true,
  },
  {
    code: "fire_doors_closed",
    label: { zh: "常闭式防火门保持关闭、闭门器完好", en: "Fire doors kept shut, closers working" },
    essential: false,
  },
  {
    code: "extinguishers_in_date",
    label: { zh: "灭火器配置到位且在有效期内", en: "Extinguishers in place and in date" },
    essential: true,
  },
  {
    code: "hydrants_working",
    label: { zh: "室内消火栓有水、器材齐全", en: "Indoor hydrants charged and complete" },
    essential: false,
  },
  {
    code: "smoke_sensors",
    label: { zh: "公共区域安装独立式或联网烟感", en: "Smoke sensors in the common areas" },
    essential: false,
  },
  {
    code: "ebike_charging_rules",
    label: {
      zh: "电动自行车集中停放充电，不进楼入户、不飞线充电",
      en: "E-bikes parked and charged outside, never in the building",
    },
    essential: true,
  },
  {
    code: "building_head_appointed",
    label: { zh: "楼长（消防安全管理人）已落实", en: "Building head (fire-safety manager) appointed" },
    essential: false,
  },
  {
    code: "evacuation_drill_this_year",
    label: { zh: "本年度开展过疏散演练", en: "Evacuation drill held this year" },
    essential: false,
  },
  {
    code: "fire_facilities_maintained",
    label: {
      zh: "自动消防设施有维保、消防控制室有人值守",
      en: "Automatic fire systems maintained, control room staffed",
    },
    essential: false,
  },
  {
    code: "no_illegal_occupancy",
    label: { zh: "无群租、无违规住人的地下室和杂物间", en: "No group rentals or people living in basements" },
    essential: false,
  },
  {
    code: "safety_publicity",
    label: { zh: "消防安全宣传入户、张贴到位", en: "Fire-safety notices posted and delivered" },
    essential: false,
  },
];

/**
 * Stars from the checklist, as data: the first level whose conditions hold. A building that fails an
 * essential item gets at most 2 stars however much else it meets.
 */
export const STAR_LEVELS: readonly { stars: number; minMet: number; allEssential: boolean }[] = [
  { stars: 5, minMet: 11, allEssential: true },
  { stars: 4, minMet: 9, allEssential: true },
  { stars: 3, minMet: 7, allEssential: true },
  { stars: 2, minMet: 4, allEssential: false },
  { stars: 1, minMet: 0, allEssential: false },
];

/** The stars a set of answers earns, and which items were met. */
export function starsFor(answers: Record<string, boolean>) {
  const met = HIGH_RISE_CRITERIA.filter((c) => answers[c.code] === true).map((c) => c.code);
  const essentialMissed = HIGH_RISE_CRITERIA.filter((c) => c.essential && answers[c.code] !== true).map(
    (c) => c.code,
  );
  const level = STAR_LEVELS.find(
    (l) => met.length >= l.minMet && (!l.allEssential || essentialMissed.length === 0),
  )!;
  return { stars: level.stars, met, essentialMissed, total: HIGH_RISE_CRITERIA.length };
}

/** Every problem of a checklist: each item answered true or false, no unknown items. */
export function checkAnswers(answers: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(HIGH_RISE_CRITERIA.map((c) => c.code));
  for (const key of Object.keys(answers))
    if (!known.has(key))
      problems.push({
        field: `criteria.${key}`,
        code: "UNKNOWN_CRITERION",
        message: { zh: `评定标准中没有“${key}”`, en: `The checklist has no item “${key}”` },
      });
  for (const c of HIGH_RISE_CRITERIA)
    if (typeof answers[c.code] !== "boolean")
      problems.push({
        field: `criteria.${c.code}`,
        code: "CRITERION_UNANSWERED",
        message: { zh: `请判定“${c.label.zh}”是否达标`, en: `Answer whether “${c.label.en}” is met` },
      });
  return problems;
}

/** Rates a high-rise from the checklist: stars follow from the items met; the rating joins its history. */
export async function rateBuilding(
  ctx: Ctx,
  id: string,
  input: { criteria: Record<string, unknown>; note?: string },
) {
  const row = await visibleBuilding(ctx, id, true);
  authorize(ctx.actor, "registry.edit", { areaPath: row.areaPath ?? "" });
  if (!row.isHighRise) throw notHighRise();
  const problems = checkAnswers(input.criteria);
  if (problems.length) throw fieldProblems(problems);
  const answers = input.criteria as Record<string, boolean>;
  const result = starsFor(answers);
  const today = todayOf(ctx);
  await ctx.tx.insert(ratings).values({
    subjectType: "building",
    subjectId: id,
    kind: "stars",
    value: String(result.stars),
    criteria: { answers, met: result.met, essentialMissed: result.essentialMissed, total: result.total },
    reason: input.note?.trim() || null,
    ratedBy: ctx.actor.userId,
    ratedAt: ctx.clock.now(),
  });
  const updated = await repo.updateBuilding(
    ctx.tx,
    id,
    { starRating: result.stars, ratedOn: today },
    ctx.clock.now(),
  );
  await recordChange(ctx, {
    subjectType: "building",
    subjectId: id,
    version: updated.version,
    action: "rated",
    before: { starRating: row.starRating, ratedOn: row.ratedOn },
    after: { starRating: result.stars, ratedOn: today, criteriaMet: result.met.length },
    reason: input.note,
  });
  return { ...(await presentBuilding(ctx, updated)), rating: { ...result } };
}

/** The rating history of a record (newest first), as responses show it. */
export async function ratingHistory(db: Executor, subjectType: "building" | "place", subjectId: string) {
  const rows = await db
    .select({ r: ratings, by: users.displayName })
    .from(ratings)
    .leftJoin(users, eq(users.id, ratings.ratedBy))
    .where(and(eq(ratings.subjectType, subjectType), eq(ratings.subjectId, subjectId)))
    .orderBy(desc(ratings.ratedAt), desc(ratings.id));
  return rows.map(({ r, by }) => ({
    id: r.id,
    kind: r.kind,
    value: r.value,
    criteria: r.criteria ?? null,
    reason: r.reason,
    ratedBy: by ?? null,
    ratedAt: iso(r.ratedAt)!,
  }));
}

/** A building's star-rating history, newest first. */
export async function buildingRatings(ctx: Ctx, id: string) {
  await visibleBuilding(ctx, id);
  return { items: await ratingHistory(ctx.tx, "building", id) };
}
