import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import { areas, configDocuments, departments, users } from "../../db/schema";
import { DEFAULT_CATEGORIES } from "./default-categories";
import { DEFAULT_ROUTING } from "./default-routing";
import { DEFAULT_SLA } from "./default-sla";
import {
  CONFIG_KINDS,
  type Category,
  type ConfigBodies,
  type ConfigKind,
  type EventConfig,
} from "./event-config-types";
import { DEFAULT_STATES } from "./event-states";
import { configInvalid } from "./events.errors";
import { referencedCodes, validateConfig } from "./validate-config";

/** The documents a fresh deployment starts with (version 1 of each). */
export const DEFAULT_CONFIG: ConfigBodies = {
  categories: DEFAULT_CATEGORIES,
  routing: DEFAULT_ROUTING,
  sla: DEFAULT_SLA,
  states: DEFAULT_STATES,
};

const CONFIG_LOCK = 7_355_608_105;
/** Documents never change once written: cached by kind and version for the life of the process. */
const bodies = new Map<string, unknown>();
const configs = new Map<string, EventConfig>();

type Latest = Partial<Record<ConfigKind, { version: number; stamp: number }>>;

/** Each kind's latest version (not above atMost), with its write time: the cache key, safe across databases. */
async function latestVersions(tx: Executor, atMost?: number): Promise<Latest> {
  const rows = await queryRows<{ kind: string; version: number; stamp: string | number }>(
    tx,
    sql`select distinct on (kind) kind, version, (extract(epoch from created_at) * 1000)::bigint as stamp
        from config_documents ${atMost === undefined ? sql`` : sql`where version <= ${atMost}`}
        order by kind, version desc`,
  );
  return Object.fromEntries(
    rows.map((r) => [r.kind, { version: Number(r.version), stamp: Number(r.stamp) }]),
  );
}

async function seedMissing(tx: Executor, missing: ConfigKind[]): Promise<void> {
  await tx
    .insert(configDocuments)
    .values(
      missing.map((kind) => ({
        kind,
        version: 1,
        body: DEFAULT_CONFIG[kind],
        note: "默认配置 Default configuration",
      })),
    )
    .onConflictDoNothing();
}

async function bodyOf(
  tx: Executor,
  kind: ConfigKind,
  v: { version: number; stamp: number },
): Promise<unknown> {
  const key = `${kind}@${v.version}@${v.stamp}`;
  if (!bodies.has(key)) {
    const [row] = await tx
      .select({ body: configDocuments.body })
      .from(configDocuments)
      .where(and(eq(configDocuments.kind, kind), eq(configDocuments.version, v.version)));
    if (bodies.size > 200) bodies.clear();
    bodies.set(key, row!.body);
  }
  return bodies.get(key);
}

function build(versions: Record<ConfigKind, number>, b: ConfigBodies): EventConfig {
  return {
    version: Math.max(...Object.values(versions)),
    versions,
    ...b,
    index: {
      categories: new Map(b.categories.categories.map((c) => [c.code, c])),
      states: new Map(b.states.states.map((s) => [s.code, s])),
      transitions: new Map(b.states.transitions.map((t) => [t.action, t])),
    },
  };
}

async function assemble(tx: Executor, latest: Latest): Promise<EventConfig> {
  const key = CONFIG_KINDS.map((k) => `${latest[k]!.version}@${latest[k]!.stamp}`).join(",");
  let config = configs.get(key);
  if (!config) {
    const b = {} as Record<ConfigKind, unknown>;
    for (const kind of CONFIG_KINDS) b[kind] = await bodyOf(tx, kind, latest[kind]!);
    const versions = Object.fromEntries(CONFIG_KINDS.map((k) => [k, latest[k]!.version])) as Record<
      ConfigKind,
      number
    >;
    config = build(versions, b as unknown as ConfigBodies);
    if (configs.size > 50) configs.clear();
    configs.set(key, config);
  }
  return config;
}

/**
 * The configuration in force: the latest version of each document (defaults seeded on first use).
 * Its `version` (the highest of the four) identifies the set; events store it as config_version.
 */
export async function loadEventConfig(tx: Executor): Promise<EventConfig> {
  let latest = await latestVersions(tx);
  const missing = CONFIG_KINDS.filter((k) => latest[k] === undefined);
  if (missing.length) {
    await seedMissing(tx, missing);
    latest = await latestVersions(tx);
  }
  return assemble(tx, latest);
}

/** The configuration as it was at a version (each document's latest version not above it). */
export async function loadEventConfigAt(tx: Executor, version: number): Promise<EventConfig> {
  const current = await loadEventConfig(tx); // seeds
  if (version >= current.version) return current;
  const latest = await latestVersions(tx, Math.max(version, 1));
  return assemble(tx, latest);
}

/** Validates and stores a new version of one document, with a note; 422 lists every problem. */
export async function saveEventConfig(
  ctx: Ctx,
  kind: ConfigKind,
  body: unknown,
  note: string,
): Promise<{ kind: ConfigKind; version: number }> {
  authorize(ctx.actor, "event.configure");
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${CONFIG_LOCK})`);
  const current = await loadEventConfig(ctx.tx);
  const refs = referencedCodes(kind === "routing" ? body : current.routing);
  const deps = refs.departments.length
    ? await ctx.tx
        .select({ code: departments.code })
        .from(departments)
        .where(inArray(departments.code, refs.departments))
    : [];
  const areaRows = refs.areas.length
    ? await ctx.tx.select({ code: areas.code }).from(areas).where(inArray(areas.code, refs.areas))
    : [];
  const used =
    kind === "categories"
      ? await queryRows<{ code: string }>(ctx.tx, sql`select distinct category_code as code from events`)
      : [];
  const problems = validateConfig(kind, body, current, {
    departmentCodes: new Set(deps.map((d) => d.code)),
    areaCodes: new Set(areaRows.map((a) => a.code)),
    usedCategories: new Set(used.map((u) => u.code)),
  });
  if (problems.length) throw configInvalid(kind, problems);
  const version = current.version + 1;
  await ctx.tx.insert(configDocuments).values({
    kind,
    version,
    body: body as object,
    note,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
  });
  await recordAudit(ctx, {
    action: "event_config.updated",
    subjectType: "event_config",
    subjectId: `${kind}@${version}`,
    before: { version: current.versions[kind] },
    after: { version, note },
  });
  return { kind, version };
}

export interface ConfigVersionView {
  kind: ConfigKind;
  version: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** Every version of one document, newest first. */
export async function listConfigVersions(ctx: Ctx, kind: ConfigKind): Promise<ConfigVersionView[]> {
  await loadEventConfig(ctx.tx);
  const rows = await ctx.tx
    .select({ doc: configDocuments, username: users.username })
    .from(configDocuments)
    .leftJoin(users, eq(users.id, configDocuments.createdBy))
    .where(eq(configDocuments.kind, kind))
    .orderBy(desc(configDocuments.version));
  return rows.map(({ doc, username }) => ({
    kind,
    version: doc.version,
    note: doc.note,
    createdBy: username,
    createdAt: doc.createdAt.toISOString(),
  }));
}

/** One document at a version (default: the one in force). */
export async function readConfigDocument(
  ctx: Ctx,
  kind: ConfigKind,
  version?: number,
): Promise<ConfigVersionView & { body: unknown }> {
  const config = await loadEventConfig(ctx.tx);
  const v = version ?? config.versions[kind];
  const rows = await ctx.tx
    .select({ doc: configDocuments, username: users.username })
    .from(configDocuments)
    .leftJoin(users, eq(users.id, configDocuments.createdBy))
    .where(and(eq(configDocuments.kind, kind), eq(configDocuments.version, v)));
  const row = rows[0];
  if (!row) throw notFound({ zh: `配置版本 ${kind}@${v}`, en: `configuration version ${kind}@${v}` });
  return {
    kind,
    version: row.doc.version,
    note: row.doc.note,
    createdBy: row.username,
    createdAt: row.doc.createdAt.toISOString(),
    body: row.doc.body,
  };
}

/** An active leaf category by code, or undefined. */
export function leafCategory(config: EventConfig, code: string): Category | undefined {
  const c = config.index.categories.get(code);
  return c && c.parent !== null && c.active !== false ? c : undefined;
}

/** The leaf categories offered to the public (Open311 services): public, not sensitive, active. */
export function publicCategories(config: EventConfig): Category[] {
  return config.categories.categories.filter(
    (c) => c.parent !== null && c.public && !c.sensitive && c.active !== false,
  );
}

/** The category and its parent's names, for views. */
export function categoryNames(config: EventConfig, code: string) {
  const c = config.index.categories.get(code);
  const parent = c?.parent ? config.index.categories.get(c.parent) : undefined;
  return {
    code,
    name: c?.name ?? { zh: code, en: code },
    parent: parent ? { code: parent.code, name: parent.name } : null,
    sensitive: c?.sensitive ?? false,
    public: c?.public ?? false,
  };
}
