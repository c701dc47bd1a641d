import { and, count, eq, gte, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../core/context";
import { carePlans, keyPersons, persons, visits } from "../../db/schema";
import { badField } from "./registry.errors";
import { addDays, todayOf } from "./dates";
import { labelOf } from "./field-checks";
import { KEY_PERSON_CATEGORIES } from "./key-person-details";
import { keyPersonAccess } from "./key-person-grants";
import { areaPathOf } from "./locate-record";
import { likePrefix } from "../../core/authorize";

/** Working age for the group's employment rate: 16 to 59 years old (China's labour statistics). */
export const WORKING_AGE = { from: 16, to: 59 } as const;
/** A visit falls "due soon" within this many days. */
export const DUE_SOON_DAYS = 7;

const ratio = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);
const n = (v: unknown) => Number(v ?? 0);

/** The ISO date `years` years before `date` (29 Feb falls back to 28 Feb). */
function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  return md === "02-29" ? `${y}-02-28` : `${y}-${md}`;
}

/**
 * The key-person overview the centre and the seeds' outcome measures need, over the records the actor
 * may read: counts by category × attention level; visits overdue and due soon; the on-time visit rate
 * over a window (visits made by their due date ÷ visits made with a due date + visits overdue now);
 * the group's employment rate per category (employed ÷ active key persons of working age); and care
 * plans achieved ÷ closed.
 */
export async function keyPersonStats(ctx: Ctx, q: { areaCode?: string; from?: string; to?: string }) {
  const access = await keyPersonAccess(ctx);
  const today = todayOf(ctx);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -90);
  if (from > to)
    throw badField("from", "END_BEFORE_START", "开始日期不能晚于结束日期", "from cannot be after to");
  const areaPath = await areaPathOf(ctx, q.areaCode);
  const where: SQL[] = [access];
  if (areaPath) where.push(sql`${keyPersons.areaPath} like ${likePrefix(areaPath)}`);
  const active = and(...where, eq(keyPersons.status, "active"))!;

  const levels = await ctx.tx
    .select({ category: keyPersons.category, level: keyPersons.attentionLevel, n: count() })
    .from(keyPersons)
    .where(active)
    .groupBy(keyPersons.category, keyPersons.attentionLevel);
  const categories = KEY_PERSON_CATEGORIES.map((c) => {
    const byLevel: Record<string, number> = {};
    for (const r of levels.filter((l) => l.category === c)) byLevel[r.level] = n(r.n);
    return {
      category: c,
      label: labelOf("special-population-type", c),
      total: Object.values(byLevel).reduce((a, b) => a + b, 0),
      byLevel,
    };
  });

  const [due] = await ctx.tx
    .select({
      overdue: sql<number>`count(*) filter (where ${keyPersons.nextVisitOn} < ${today})`,
      soon: sql<number>`count(*) filter (where ${keyPersons.nextVisitOn} between ${today} and ${addDays(today, DUE_SOON_DAYS)})`,
      overdueInWindow: sql<number>`count(*) filter (where ${keyPersons.nextVisitOn} < ${today} and ${keyPersons.nextVisitOn} >= ${from})`,
    })
    .from(keyPersons)
    .where(active);

  const tz = ctx.services.config.timeZone;
  const doneOn = sql`(${visits.doneAt} at time zone ${tz})::date`;
  const [made] = await ctx.tx
    .select({
      made: count(),
      onTime: sql<number>`count(*) filter (where ${doneOn} <= ${visits.dueOn})`,
    })
    .from(visits)
    .innerJoin(keyPersons, eq(keyPersons.id, visits.subjectId))
    .where(
      and(
        ...where,
        eq(visits.subjectType, "key_person"),
        isNotNull(visits.doneAt),
        isNotNull(visits.dueOn),
        sql`${doneOn} between ${from} and ${to}`,
      ),
    );

  const oldest = yearsBefore(today, WORKING_AGE.to + 1);
  const youngest = yearsBefore(today, WORKING_AGE.from);
  const work = await ctx.tx
    .select({
      category: keyPersons.category,
      workingAge: count(),
      employed: sql<number>`count(*) filter (where ${keyPersons.employed} is true)`,
      unknown: sql<number>`count(*) filter (where ${keyPersons.employed} is null)`,
    })
    .from(keyPersons)
    .innerJoin(persons, eq(persons.id, keyPersons.personId))
    .where(and(active, gte(persons.birthDate, addDays(oldest, 1)), lte(persons.birthDate, youngest)))
    .groupBy(keyPersons.category);
  const employment = KEY_PERSON_CATEGORIES.map((c) => {
    const r = work.find((w) => w.category === c);
    const workingAge = n(r?.workingAge);
    const employed = n(r?.employed);
    return {
      category: c,
      label: labelOf("special-population-type", c),
      workingAge,
      employed,
      unknown: n(r?.unknown),
      rate: ratio(employed, workingAge),
    };
  });

  const plans = await ctx.tx
    .select({ kind: carePlans.kind, status: carePlans.status, outcome: carePlans.outcome, n: count() })
    .from(carePlans)
    .innerJoin(keyPersons, eq(keyPersons.id, carePlans.keyPersonId))
    .where(and(...where))
    .groupBy(carePlans.kind, carePlans.status, carePlans.outcome);
  const sum = (f: (p: (typeof plans)[number]) => boolean) => plans.filter(f).reduce((a, p) => a + n(p.n), 0);
  const closed = sum((p) => p.status === "closed");
  const achieved = sum((p) => p.status === "closed" && p.outcome === "achieved");
  const kinds = [...new Set(plans.map((p) => p.kind))].sort();

  const visitsMade = n(made?.made);
  const onTime = n(made?.onTime);
  const overdueNow = n(due?.overdueInWindow);
  return {
    asOf: today,
    window: { from, to },
    categories,
    total: categories.reduce((a, c) => a + c.total, 0),
    visits: {
      overdue: n(due?.overdue),
      dueSoon: n(due?.soon),
      made: visitsMade,
      onTime,
      overdueInWindow: overdueNow,
      onTimeRate: ratio(onTime, visitsMade + overdueNow),
    },
    employment,
    carePlans: {
      active: sum((p) => p.status === "active"),
      closed,
      achieved,
      partly: sum((p) => p.status === "closed" && p.outcome === "partly"),
      notAchieved: sum((p) => p.status === "closed" && p.outcome === "not_achieved"),
      achievedRate: ratio(achieved, closed),
      byKind: kinds.map((k) => {
        const c = sum((p) => p.kind === k && p.status === "closed");
        const a = sum((p) => p.kind === k && p.status === "closed" && p.outcome === "achieved");
        return { kind: k, closed: c, achieved: a, achievedRate: ratio(a, c) };
      }),
    },
  };
}
