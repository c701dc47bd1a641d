/** The four configuration documents as the console edits them (the server's TypeBox schemas). */
import type { Bilingual, Urgency } from "../../../api/event-types";

export type ConfigKind = "categories" | "routing" | "sla" | "states";
export type Level = "grid" | "community" | "street" | "district";
export const LEVELS: readonly Level[] = ["grid", "community", "street", "district"];

export interface Category {
  code: string;
  parent: string | null;
  name: Bilingual;
  public: boolean;
  sensitive: boolean;
  active?: boolean;
}
export interface CategoriesDoc {
  categories: Category[];
}

export type RouteUnit = (
  { department: string } | { departmentKind: string } | { teamRole: string } | { police: true }
) & {
  role?: "lead" | "assist";
  required?: boolean;
};
export interface RoutingRule {
  id: string;
  name?: string;
  areaCode?: string;
  category?: string;
  urgency?: Urgency[];
  level: Level;
  units: RouteUnit[];
  autoDispatch?: boolean;
}
export interface RoutingDoc {
  rules: RoutingRule[];
  skipLevel: Partial<Record<Urgency, Level>>;
  iot: Record<string, { category: string; urgency: Urgency; name: Bilingual }>;
}

export type SlaUnit = "working_days" | "working_hours" | "natural_hours" | "natural_days";
export const SLA_UNITS: readonly SlaUnit[] = [
  "working_days",
  "working_hours",
  "natural_hours",
  "natural_days",
];
export interface Budget {
  amount: number;
  unit: SlaUnit;
  yellowFraction?: number;
}
export const BUDGET_KEYS = ["accept", "dispatch", "handle", "verify", "total", "redo"] as const;
export type BudgetKey = (typeof BUDGET_KEYS)[number];
export interface SlaPolicy {
  id: string;
  name?: string;
  category?: string;
  urgency?: Urgency[];
  budgets: Partial<Record<BudgetKey, Budget>>;
  yellowFraction?: number;
}
export interface SlaDoc {
  yellowFraction: number;
  maxExtensionDays: number;
  maxExtensions: number;
  default: Record<BudgetKey, Budget>;
  policies: SlaPolicy[];
}

export interface StateDef {
  code: string;
  name: Bilingual;
  publicName?: Bilingual;
  stage: "accept" | "dispatch" | "handle" | "verify" | null;
  paused?: boolean;
  closes?: boolean;
  final?: boolean;
}
export interface TransitionDef {
  action: string;
  from: string[];
  to: string | null;
  roles: string[];
  requires: string[];
  clock?: "auto" | "restart" | "redo" | "keep";
  outcomes?: Record<string, { to: string; clock?: string }>;
}
export interface StatesDoc {
  initial: string;
  maxReturns: number;
  states: StateDef[];
  transitions: TransitionDef[];
}

export interface Bodies {
  categories: CategoriesDoc;
  routing: RoutingDoc;
  sla: SlaDoc;
  states: StatesDoc;
}

/** `GET /api/event-config/{kind}` and the answer of its PUT. */
export interface ConfigDoc<K extends ConfigKind> {
  kind: K;
  version: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  body: Bodies[K];
}

/** One entry of `GET /api/event-config/{kind}/versions`. */
export interface ConfigVersion {
  kind: string;
  version: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** A problem the server found in a document it refused (422). */
export interface ConfigProblem {
  path: string;
  zh: string;
  en: string;
}
