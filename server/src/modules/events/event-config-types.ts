import type { SlaUnit } from "../../core/working-days";

/** The four documents an administrator edits, each versioned in config_documents. */
export const CONFIG_KINDS = ["categories", "routing", "sla", "states"] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export type Bilingual = { zh: string; en: string };

export const URGENCIES = ["normal", "urgent", "critical"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The handling ladder: grid → community → street → district (小事不出格，大事不出镇). */
export const LEVELS = ["grid", "community", "street", "district"] as const;
export type Level = (typeof LEVELS)[number];

export const SOURCES = [
  "desk",
  "grid",
  "resident",
  "volunteer",
  "department",
  "hotline_12345",
  "police_110",
  "iot",
  "open311",
] as const;
export type Source = (typeof SOURCES)[number];

/** One node of the two-level category tree; a level-2 code starts with its parent's code. */
export interface Category {
  code: string;
  parent: string | null;
  name: Bilingual;
  /** Offered to the public (Open311 services); never together with sensitive. */
  public: boolean;
  /** Family, key persons, disputes, police, petitions: never public, reporter always protected. */
  sensitive: boolean;
  /** Retired categories stay for old events but take no new ones. */
  active?: boolean;
}

export interface CategoriesDoc {
  categories: Category[];
}

/** Who a routing rule sends the matter to; resolved against the event's area at dispatch. */
export type UnitRef =
  { department: string } | { departmentKind: string } | { teamRole: string } | { police: true };

export type RouteUnit = UnitRef & { role?: "lead" | "assist"; required?: boolean };

/** Area subtree × category prefix × urgency → handling level and units. */
export interface RoutingRule {
  id: string;
  name?: string;
  /** The rule applies in this area's subtree (absent: everywhere). */
  areaCode?: string;
  /** A category code prefix ("09" matches 0901…); absent: every category. */
  category?: string;
  /** Only for these urgencies (absent: all); at equal category prefix, a rule naming urgencies wins. */
  urgency?: Urgency[];
  level: Level;
  units: RouteUnit[];
  /** Dispatch at once on acceptance, without waiting for a dispatcher (alarms, 110 non-police help). */
  autoDispatch?: boolean;
}

export interface IotMapping {
  category: string;
  urgency: Urgency;
  name: Bilingual;
}

export interface RoutingDoc {
  /** The best match wins: longest category prefix, then a rule naming the urgency, then the deepest area. */
  rules: RoutingRule[];
  /** Skip-level (越级): matters of this urgency are handled at least at this level. */
  skipLevel: Partial<Record<Urgency, Level>>;
  /** IoT alarm kind (smoke, gas…) → the category and urgency of the event it raises. */
  iot: Record<string, IotMapping>;
}

export const STAGES = ["accept", "dispatch", "handle", "verify"] as const;
export type Stage = (typeof STAGES)[number];

export interface Budget {
  amount: number;
  unit: SlaUnit;
  /** Share of the budget after which the stage turns yellow (overrides the policy's). */
  yellowFraction?: number;
}

/** Budgets of the stages, the whole matter (total, from receipt) and a second handling (redo). */
export type StageBudgets = Record<Stage | "total" | "redo", Budget>;
export const BUDGET_KEYS = [...STAGES, "total", "redo"] as const;

export interface SlaPolicy {
  id: string;
  name?: string;
  category?: string;
  urgency?: Urgency[];
  budgets: Partial<StageBudgets>;
  yellowFraction?: number;
}

export interface SlaDoc {
  yellowFraction: number;
  /** Extensions (延期): at most this many days in all, in at most this many approvals. */
  maxExtensionDays: number;
  maxExtensions: number;
  default: StageBudgets;
  /** Layered onto the default, least specific first (urgency outranks category, longer prefixes win). */
  policies: SlaPolicy[];
}

/** The budgets an event runs on, fixed at intake (later policy edits do not move running clocks). */
export interface EffectivePolicy extends StageBudgets {
  yellowFraction: number;
  policyIds: string[];
}

export interface StateDef {
  code: string;
  name: Bilingual;
  /** What reporters see on the public tracking page. */
  publicName?: Bilingual;
  /** The SLA stage timed while the event is here (null: no stage clock). */
  stage: Stage | null;
  /** The clock stops while here (挂起); the deadline moves by the time spent. */
  paused?: boolean;
  /** Entering this state ends the matter (sets closed_at). */
  closes?: boolean;
  /** Nothing but comments after this. */
  final?: boolean;
}

/**
 * What a transition does to the clock: auto = follow the target state's stage (start a new stage when it
 * changes, stop when it has none, pause/resume for paused states); restart = start the stage anew;
 * redo = start the handle stage with the second-handling budget; keep = leave it.
 */
export type ClockEffect = "auto" | "restart" | "redo" | "keep";

export interface Outcome {
  to: string;
  clock?: ClockEffect;
}

export interface TransitionDef {
  action: string;
  /** States it may be taken from; "*" for any. */
  from: string[];
  /** The state after; null to stay; "@previous" for the state before a pause. */
  to: string | null;
  /** Roles, or relations: reporter, part_unit (a unit with a part), assignee. */
  roles: string[];
  /** Body fields the action needs. */
  requires: string[];
  clock?: ClockEffect;
  /** Named results of the action that lead elsewhere (verify → failed, evaluate → dissatisfied…). */
  outcomes?: Record<string, Outcome>;
}

export interface StatesDoc {
  initial: string;
  states: StateDef[];
  transitions: TransitionDef[];
  /** How often an event may be returned (退回) before it must be handled or escalated. */
  maxReturns: number;
}

export interface ConfigBodies {
  categories: CategoriesDoc;
  routing: RoutingDoc;
  sla: SlaDoc;
  states: StatesDoc;
}

/** The configuration in force: each document at its latest version; `version` identifies the set. */
export interface EventConfig {
  version: number;
  versions: Record<ConfigKind, number>;
  categories: CategoriesDoc;
  routing: RoutingDoc;
  sla: SlaDoc;
  states: StatesDoc;
  /** Derived look-ups, built once per version set. */
  index: {
    categories: Map<string, Category>;
    states: Map<string, StateDef>;
    transitions: Map<string, TransitionDef>;
  };
}

/** Relations a transition may name besides roles. */
export const RELATIONS = ["reporter", "part_unit", "assignee"] as const;
