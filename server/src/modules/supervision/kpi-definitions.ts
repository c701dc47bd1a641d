/**
 * The closed loop's KPIs, defined once: each is a formula over the counts of one cohort of events
 * (those created in a period, in an area subtree, optionally of a category). computeKpis gets the
 * counts with one SQL aggregate; computeKpisFromRaw gets them row by row; both then apply these.
 */

/** Satisfaction values (set by the reporter's evaluation) that count as satisfied. */
export const SATISFIED_VALUES = ["satisfied", "basic"] as const;
export const DISSATISFIED_VALUES = ["dissatisfied"] as const;
/** States that leave an event out of every figure (not a matter to assess). */
export const UNCOUNTED_STATES = ["cancelled", "invalid", "merged"] as const;

/** What is counted over the cohort; every KPI is a formula over these. */
// a type, not an interface: it is also a Record<string, number> (the response schema)
export type KpiCounts = {
  /** events received in the period (merged, cancelled and invalid ones left out) */
  received: number;
  /** closed, or open past the matter's deadline (due_at) as of the report's time: 应结 */
  dueToClose: number;
  closed: number;
  /** closed with closed_on_time */
  closedOnTime: number;
  /** closed with closed_in_grid (small matters that stayed in the grid) */
  closedInGrid: number;
  /** evaluated by the reporter (any satisfaction) */
  evaluated: number;
  /** evaluated satisfied or basically satisfied */
  satisfied: number;
  dissatisfied: number;
  /** dispatched at least once */
  dispatched: number;
  /** closed after being dispatched more than once */
  redispatched: number;
  /** open and past a deadline (the stage's or the matter's) before the report's time or a pause */
  overdueOpen: number;
  /** sum over closed events of (closed_at − created_at), in hours */
  handlingHours: number;
};

export const ZERO_COUNTS: KpiCounts = {
  received: 0,
  dueToClose: 0,
  closed: 0,
  closedOnTime: 0,
  closedInGrid: 0,
  evaluated: 0,
  satisfied: 0,
  dissatisfied: 0,
  dispatched: 0,
  redispatched: 0,
  overdueOpen: 0,
  handlingHours: 0,
};

export type KpiId =
  | "closure_rate"
  | "on_time_closure_rate"
  | "satisfaction_rate"
  | "dissatisfaction_rate"
  | "closed_in_grid_rate"
  | "overdue_open"
  | "redispatch_rate"
  | "avg_handling_hours";

export interface KpiDefinition {
  id: KpiId;
  name: { zh: string; en: string };
  unit: "ratio" | "count" | "hours";
  /** the formula in words over the counts above */
  formula: string;
  description: { zh: string; en: string };
  /** the figure from the counts; null when its denominator is zero */
  compute: (c: KpiCounts) => number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

export const KPIS: readonly KpiDefinition[] = [
  {
    id: "closure_rate",
    name: { zh: "办结率", en: "Closure rate" },
    unit: "ratio",
    formula: "closed ÷ due_to_close",
    description: {
      zh: "已办结事件数 ÷ 应办结事件数（已办结的，加上已过办理时限仍未办结的）",
      en: "Events closed ÷ events due to close (those closed, plus those still open past the matter's deadline)",
    },
    compute: (c) => ratio(c.closed, c.dueToClose),
  },
  {
    id: "on_time_closure_rate",
    name: { zh: "按期办结率", en: "On-time closure rate" },
    unit: "ratio",
    formula: "closed_on_time ÷ due_to_close",
    description: {
      zh: "在时限内办结的事件数 ÷ 应办结事件数",
      en: "Events closed by their deadline ÷ events due to close",
    },
    compute: (c) => ratio(c.closedOnTime, c.dueToClose),
  },
  {
    id: "satisfaction_rate",
    name: { zh: "满意率", en: "Satisfaction rate" },
    unit: "ratio",
    formula: "(satisfied + basically_satisfied) ÷ evaluated",
    description: {
      zh: "评价为满意或基本满意的事件数 ÷ 已评价事件数",
      en: "Events rated satisfied or basically satisfied ÷ events rated",
    },
    compute: (c) => ratio(c.satisfied, c.evaluated),
  },
  {
    id: "dissatisfaction_rate",
    name: { zh: "不满意率", en: "Dissatisfaction rate" },
    unit: "ratio",
    formula: "dissatisfied ÷ dispatched",
    description: {
      zh: "评价为不满意的事件数 ÷ 已派遣事件数（12345 考核口径）",
      en: "Events rated dissatisfied ÷ events dispatched (the 12345 hotline's measure)",
    },
    compute: (c) => ratio(c.dissatisfied, c.dispatched),
  },
  {
    id: "closed_in_grid_rate",
    name: { zh: "网格自结案率", en: "Closed-in-grid rate" },
    unit: "ratio",
    formula: "closed_in_grid ÷ received",
    description: {
      zh: "在网格内办结的事件数 ÷ 受理事件总数（小事不出格）",
      en: "Events closed within the grid ÷ all events received (small matters stay in the grid)",
    },
    compute: (c) => ratio(c.closedInGrid, c.received),
  },
  {
    id: "overdue_open",
    name: { zh: "超期在办数", en: "Overdue open count" },
    unit: "count",
    formula: "count(open and past a deadline)",
    description: {
      zh: "尚未办结、且已超过环节时限或办理时限的事件数（挂起前已超期的计入）",
      en: "Open events past their stage's or the matter's deadline (counted if it passed before any pause)",
    },
    compute: (c) => c.overdueOpen,
  },
  {
    id: "redispatch_rate",
    name: { zh: "重派率", en: "Re-dispatch rate" },
    unit: "ratio",
    formula: "closed and dispatched more than once ÷ closed",
    description: {
      zh: "办结事件中被派遣超过一次的事件数 ÷ 办结事件数",
      en: "Closed events that were dispatched more than once ÷ closed events",
    },
    compute: (c) => ratio(c.redispatched, c.closed),
  },
  {
    id: "avg_handling_hours",
    name: { zh: "平均办理时长（小时）", en: "Average handling time (hours)" },
    unit: "hours",
    formula: "Σ(closed_at − created_at) ÷ closed",
    description: {
      zh: "办结事件从受理到办结的平均时长（自然小时）",
      en: "Average time from intake to closure of closed events (elapsed hours)",
    },
    compute: (c) => ratio(c.handlingHours, c.closed),
  },
];

/** Every KPI's value from one set of counts. */
export function kpiValues(c: KpiCounts): Record<KpiId, number | null> {
  return Object.fromEntries(KPIS.map((k) => [k.id, k.compute(c)])) as Record<KpiId, number | null>;
}
