import { Value } from "typebox/value";
import { ROLES } from "../../core/actor";
import { TEAM_ROLE_CODES } from "../teams/team-roles";
import { CONFIG_SCHEMAS } from "./event-config.schema";
import {
  RELATIONS,
  type CategoriesDoc,
  type ConfigBodies,
  type ConfigKind,
  type RoutingDoc,
  type SlaDoc,
  type StatesDoc,
} from "./event-config-types";
import { ACTION_FIELDS, ACTION_OUTCOMES, KNOWN_ACTIONS, type ActionName } from "./event-states";

export interface Problem {
  path: string;
  zh: string;
  en: string;
}

/** What validation needs from the database: the codes that exist and the categories in use. */
export interface ValidationFacts {
  departmentCodes: Set<string>;
  areaCodes: Set<string>;
  usedCategories: Set<string>;
}

const p = (path: string, zh: string, en: string): Problem => ({ path, zh, en });

/** Shape errors (TypeBox) as problems, at most 20. */
function shapeProblems(kind: ConfigKind, body: unknown): Problem[] {
  const out: Problem[] = [];
  for (const e of Value.Errors(CONFIG_SCHEMAS[kind], body)) {
    const path = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || kind;
    out.push(p(path, `格式不正确：${e.message}`, e.message));
    if (out.length >= 20) break;
  }
  return out;
}

function categoryProblems(doc: CategoriesDoc, facts: ValidationFacts): Problem[] {
  const out: Problem[] = [];
  const byCode = new Map(doc.categories.map((c) => [c.code, c]));
  const seen = new Set<string>();
  doc.categories.forEach((c, i) => {
    const at = `categories.${i}`;
    if (seen.has(c.code)) out.push(p(`${at}.code`, `编码 ${c.code} 重复`, `The code ${c.code} is repeated`));
    seen.add(c.code);
    if (c.parent === c.code)
      out.push(p(`${at}.parent`, `${c.code} 不能是自己的上级`, `${c.code} cannot be its own parent`));
    else if (c.parent !== null) {
      const parent = byCode.get(c.parent);
      if (!parent)
        out.push(
          p(`${at}.parent`, `上级类别 ${c.parent} 不存在`, `The parent category ${c.parent} does not exist`),
        );
      else if (parent.parent !== null)
        out.push(
          p(
            `${at}.parent`,
            `类别只有两级：${c.parent} 已是二级类别`,
            `Categories have two levels: ${c.parent} is already a child`,
          ),
        );
      else if (!c.code.startsWith(c.parent))
        out.push(
          p(
            `${at}.code`,
            `二级类别编码须以上级编码 ${c.parent} 开头`,
            `A child's code must start with its parent's ${c.parent}`,
          ),
        );
    }
    if (c.public && c.sensitive)
      out.push(p(`${at}.public`, `敏感类别不能公开`, `A sensitive category cannot be public`));
    const parent = c.parent ? byCode.get(c.parent) : undefined;
    if (parent?.sensitive && !c.sensitive)
      out.push(
        p(`${at}.sensitive`, `敏感类别的下级也须敏感`, `A child of a sensitive category must be sensitive`),
      );
  });
  for (const used of facts.usedCategories)
    if (!byCode.has(used))
      out.push(
        p(
          "categories",
          `类别 ${used} 已有事件使用，不能删除（可设为停用）`,
          `The category ${used} is used by events and cannot be removed (set active: false)`,
        ),
      );
  return out;
}

/** A category prefix must be the start of at least one category code. */
const knownPrefix = (cats: CategoriesDoc, prefix: string) =>
  cats.categories.some((c) => c.code.startsWith(prefix));
const isLeaf = (cats: CategoriesDoc, code: string) =>
  cats.categories.some((c) => c.code === code && c.parent !== null && c.active !== false);

function routingProblems(doc: RoutingDoc, cats: CategoriesDoc, facts: ValidationFacts): Problem[] {
  const out: Problem[] = [];
  const ids = new Set<string>();
  doc.rules.forEach((r, i) => {
    const at = `rules.${i}`;
    if (ids.has(r.id)) out.push(p(`${at}.id`, `规则编号 ${r.id} 重复`, `The rule id ${r.id} is repeated`));
    ids.add(r.id);
    if (r.category !== undefined && !knownPrefix(cats, r.category))
      out.push(
        p(`${at}.category`, `没有以 ${r.category} 开头的类别`, `No category starts with ${r.category}`),
      );
    if (r.areaCode !== undefined && !facts.areaCodes.has(r.areaCode))
      out.push(p(`${at}.areaCode`, `区域 ${r.areaCode} 不存在`, `The area ${r.areaCode} does not exist`));
    let leads = 0;
    r.units.forEach((u, j) => {
      const ut = `${at}.units.${j}`;
      if ((u.role ?? "lead") === "lead") leads++;
      if ("department" in u && !facts.departmentCodes.has(u.department))
        out.push(
          p(
            `${ut}.department`,
            `单位 ${u.department} 不存在`,
            `The department ${u.department} does not exist`,
          ),
        );
      if ("teamRole" in u && !(TEAM_ROLE_CODES as string[]).includes(u.teamRole))
        out.push(
          p(`${ut}.teamRole`, `网格团队没有角色 ${u.teamRole}`, `Grid teams have no role ${u.teamRole}`),
        );
    });
    if (leads > 1)
      out.push(p(`${at}.units`, `一条规则只能有一个牵头单位`, `A rule can have only one lead unit`));
  });
  if (!doc.rules.some((r) => r.category === undefined && r.areaCode === undefined && r.urgency === undefined))
    out.push(
      p(
        "rules",
        `须有一条兜底规则（不限类别、区域、紧急程度）`,
        `A catch-all rule (no category, area or urgency) is needed`,
      ),
    );
  for (const [kind, m] of Object.entries(doc.iot))
    if (!isLeaf(cats, m.category))
      out.push(
        p(
          `iot.${kind}.category`,
          `类别 ${m.category} 不是有效的末级类别`,
          `${m.category} is not an active leaf category`,
        ),
      );
  return out;
}

const WHOLE_UNITS = new Set(["working_days", "natural_days"]);

function slaProblems(doc: SlaDoc, cats: CategoriesDoc): Problem[] {
  const out: Problem[] = [];
  const budgets: [string, { amount: number; unit: string } | undefined][] = [
    ...Object.entries(doc.default).map(([k, b]) => [`default.${k}`, b] as [string, typeof b]),
    ...doc.policies.flatMap((pol, i) =>
      Object.entries(pol.budgets).map(([k, b]) => [`policies.${i}.budgets.${k}`, b] as [string, typeof b]),
    ),
  ];
  for (const [at, b] of budgets)
    if (b && WHOLE_UNITS.has(b.unit) && !Number.isInteger(b.amount))
      out.push(p(`${at}.amount`, `按天计的时限须为整数`, `Budgets in days must be whole numbers`));
  const ids = new Set<string>();
  doc.policies.forEach((pol, i) => {
    if (ids.has(pol.id))
      out.push(p(`policies.${i}.id`, `编号 ${pol.id} 重复`, `The id ${pol.id} is repeated`));
    ids.add(pol.id);
    if (pol.category !== undefined && !knownPrefix(cats, pol.category))
      out.push(
        p(
          `policies.${i}.category`,
          `没有以 ${pol.category} 开头的类别`,
          `No category starts with ${pol.category}`,
        ),
      );
  });
  return out;
}

function statesProblems(doc: StatesDoc): Problem[] {
  const out: Problem[] = [];
  const codes = new Set<string>();
  doc.states.forEach((s, i) => {
    if (codes.has(s.code))
      out.push(p(`states.${i}.code`, `状态 ${s.code} 重复`, `The state ${s.code} is repeated`));
    codes.add(s.code);
  });
  if (!codes.has(doc.initial))
    out.push(
      p("initial", `初始状态 ${doc.initial} 不存在`, `The initial state ${doc.initial} does not exist`),
    );
  const roles = new Set<string>([...ROLES, ...RELATIONS]);
  const actions = new Set<string>();
  const edges = new Map<string, Set<string>>();
  const edge = (from: string[], to: string) => {
    for (const f of from.includes("*") ? [...codes] : from) {
      if (!edges.has(f)) edges.set(f, new Set());
      edges.get(f)!.add(to);
    }
  };
  doc.transitions.forEach((t, i) => {
    const at = `transitions.${i}`;
    if (!(KNOWN_ACTIONS as readonly string[]).includes(t.action))
      out.push(p(`${at}.action`, `未知操作 ${t.action}`, `Unknown action ${t.action}`));
    if (actions.has(t.action))
      out.push(p(`${at}.action`, `操作 ${t.action} 重复定义`, `The action ${t.action} is defined twice`));
    actions.add(t.action);
    for (const f of t.from)
      if (f !== "*" && !codes.has(f))
        out.push(p(`${at}.from`, `状态 ${f} 不存在`, `The state ${f} does not exist`));
    if (t.to !== null && t.to !== "@previous") {
      if (!codes.has(t.to))
        out.push(p(`${at}.to`, `状态 ${t.to} 不存在`, `The state ${t.to} does not exist`));
      else edge(t.from, t.to);
    }
    for (const r of t.roles)
      if (!roles.has(r)) out.push(p(`${at}.roles`, `未知角色 ${r}`, `Unknown role ${r}`));
    for (const f of t.requires)
      if (!(ACTION_FIELDS as readonly string[]).includes(f))
        out.push(p(`${at}.requires`, `未知字段 ${f}`, `Unknown field ${f}`));
    const allowed = ACTION_OUTCOMES[t.action as ActionName] ?? [];
    for (const [name, o] of Object.entries(t.outcomes ?? {})) {
      if (!allowed.includes(name))
        out.push(
          p(
            `${at}.outcomes.${name}`,
            `操作 ${t.action} 没有结果 ${name}`,
            `The action ${t.action} has no outcome ${name}`,
          ),
        );
      if (!codes.has(o.to))
        out.push(p(`${at}.outcomes.${name}.to`, `状态 ${o.to} 不存在`, `The state ${o.to} does not exist`));
      else edge(t.from, o.to);
    }
  });
  // every state must be reachable from the initial one ("@previous" returns to a state already reached)
  const reached = new Set([doc.initial]);
  const queue = [doc.initial];
  while (queue.length)
    for (const next of edges.get(queue.shift()!) ?? [])
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
  for (const code of codes)
    if (!reached.has(code))
      out.push(
        p("states", `状态 ${code} 无法到达`, `The state ${code} cannot be reached from ${doc.initial}`),
      );
  if (!doc.states.some((s) => s.closes))
    out.push(
      p("states", `须至少有一个结案状态（closes）`, `At least one state must close the matter (closes)`),
    );
  return out;
}

/**
 * Every problem with a configuration document, checked against the others in force (a category
 * removed while a rule still names it is a problem) and against the database's codes.
 */
export function validateConfig<K extends ConfigKind>(
  kind: K,
  body: unknown,
  current: ConfigBodies,
  facts: ValidationFacts,
): Problem[] {
  const shape = shapeProblems(kind, body);
  if (shape.length) return shape;
  const next = { ...current, [kind]: body } as ConfigBodies;
  switch (kind) {
    case "categories":
      return [
        ...categoryProblems(next.categories, facts),
        ...routingProblems(next.routing, next.categories, facts).map(prefixed("routing")),
        ...slaProblems(next.sla, next.categories).map(prefixed("sla")),
      ];
    case "routing":
      return routingProblems(next.routing, next.categories, facts);
    case "sla":
      return slaProblems(next.sla, next.categories);
    default:
      return statesProblems(next.states);
  }
}

const prefixed = (doc: string) => (q: Problem) => ({ ...q, path: `${doc}.${q.path}` });

/** Area and department codes a routing document names, for the facts query. */
export function referencedCodes(routing: unknown): { areas: string[]; departments: string[] } {
  const doc = routing as Partial<RoutingDoc> | null;
  const rules = Array.isArray(doc?.rules) ? doc.rules : [];
  const areas = rules.map((r) => r?.areaCode).filter((c): c is string => typeof c === "string");
  const departments = rules
    .flatMap((r) => (Array.isArray(r?.units) ? r.units : []))
    .map((u) => (u && typeof u === "object" && "department" in u ? u.department : undefined))
    .filter((c): c is string => typeof c === "string");
  return { areas, departments };
}
