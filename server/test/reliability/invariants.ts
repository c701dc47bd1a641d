import { sql, type SQL } from "drizzle-orm";
import { sealAllAudit, verifyAudit } from "../../src/core/audit";
import type { Keyring } from "../../src/core/crypto";
import { queryRows, type Db } from "../../src/db/database";
import { DEFAULT_STATES } from "../../src/modules/events/event-states";

/**
 * References the schema keeps without a foreign key (so the database does not guard them):
 * child table and column → parent table. Each is checked for rows pointing at nothing.
 */
export const UNGUARDED_REFERENCES: { table: string; column: string; parent: string }[] = [
  { table: "persons", column: "household_id", parent: "households" },
  { table: "persons", column: "house_id", parent: "houses" },
  { table: "persons", column: "import_id", parent: "registry_imports" },
  { table: "households", column: "house_id", parent: "houses" },
  { table: "households", column: "head_person_id", parent: "persons" },
  { table: "events", column: "merged_into_id", parent: "events" },
  { table: "event_actions", column: "actor_id", parent: "users" },
];

/** Polymorphic references (subject_type, subject_id): the table each subject type names. */
export const SUBJECT_TABLES: Record<string, string> = {
  person: "persons",
  household: "households",
  house: "houses",
  building: "buildings",
  place: "places",
  thing: "things",
  key_person: "key_persons",
  care_plan: "care_plans",
  event: "events",
  consultation: "consultations",
  supervision: "supervisions",
  task: "tasks",
};
/** Tables with a closed set of subject types: an unknown type there is a finding. */
const POLYMORPHIC_STRICT = ["ratings", "visits", "registry_changes", "event_links"];
/** Tables whose subject types are open (notices name many things): known types are checked. */
const POLYMORPHIC_OPEN = ["consultations", "notifications"];

/** Foreign keys that must exist (the database guards these references). */
export const GUARDED_REFERENCES: [string, string][] = [
  ["household_members", "persons"],
  ["household_members", "households"],
  ["event_actions", "events"],
  ["event_parts", "events"],
  ["key_persons", "persons"],
  ["tenancies", "houses"],
  ["supervisions", "events"],
];

/** Tables whose area_path is a copy of their area's path (scope filters trust it). */
const AREA_PATH_TABLES = ["persons", "households", "buildings", "houses", "places", "things", "events"];

const count = async (db: Db, q: SQL) => Number((await queryRows<{ n: number }>(db, q))[0]?.n ?? 0);

/**
 * Checks the database's invariants after a run of junk, crashes or load; returns every problem
 * found (empty: all hold). Seals and verifies the audit chain as `pingan audit verify` does.
 */
export async function checkInvariants(db: Db, keyring: Keyring): Promise<string[]> {
  const problems: string[] = [];
  for (const r of UNGUARDED_REFERENCES) {
    const n = await count(
      db,
      sql`select count(*)::int as n from ${sql.identifier(r.table)} c where c.${sql.identifier(r.column)} is not null
          and not exists (select 1 from ${sql.identifier(r.parent)} p where p.id = c.${sql.identifier(r.column)})`,
    );
    if (n) problems.push(`${n} ${r.table}.${r.column} point at no ${r.parent}`);
  }
  for (const table of [...POLYMORPHIC_STRICT, ...POLYMORPHIC_OPEN]) {
    const types = await queryRows<{ t: string; n: number }>(
      db,
      sql`select subject_type as t, count(*)::int as n from ${sql.identifier(table)} where subject_type is not null group by 1`,
    );
    for (const { t } of types) {
      const parent = SUBJECT_TABLES[t];
      if (!parent) {
        if (POLYMORPHIC_STRICT.includes(table))
          problems.push(`${table} has subject type "${t}" the check does not know`);
        continue;
      }
      const n = await count(
        db,
        sql`select count(*)::int as n from ${sql.identifier(table)} c where c.subject_type = ${t}
            and not exists (select 1 from ${sql.identifier(parent)} p where p.id::text = c.subject_id::text)`,
      );
      if (n) problems.push(`${n} ${table} rows of type ${t} point at no ${parent}`);
    }
  }
  const fks = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'`,
  );
  for (const [child, parent] of GUARDED_REFERENCES)
    if (!fks.some((f) => f.child === child && f.parent === parent))
      problems.push(`the foreign key ${child} → ${parent} is missing`);
  for (const t of AREA_PATH_TABLES) {
    const n = await count(
      db,
      sql`select count(*)::int as n from ${sql.identifier(t)} r left join areas a on a.id = r.area_id
          where (r.area_id is null) <> (r.area_path is null) or (a.id is not null and a.path <> r.area_path)`,
    );
    if (n) problems.push(`${n} ${t} rows have an area_path that is not their area's path`);
  }
  problems.push(...(await eventInvariants(db)));
  const members = await count(
    db,
    sql`select count(*)::int as n from household_members m join persons p on p.id = m.person_id
        where m.left_on is null and p.household_id is distinct from m.household_id`,
  );
  if (members) problems.push(`${members} current household members whose person names another household`);
  await sealAllAudit(db, keyring);
  const audit = await verifyAudit(db, keyring);
  if (!audit.ok) problems.push(`the audit chain breaks at row ${audit.firstBadId}`);
  return problems;
}

/** Every event in a state its state machine knows; its version = its versioned actions; unique keys. */
export async function eventInvariants(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const docs = await queryRows<{ body: unknown }>(
    db,
    sql`select body from config_documents where kind = 'states'`,
  );
  const states = new Set(DEFAULT_STATES.states.map((s) => s.code));
  for (const d of docs) {
    const body = (typeof d.body === "string" ? JSON.parse(d.body) : d.body) as {
      states?: { code: string }[];
    };
    for (const s of body.states ?? []) states.add(s.code);
  }
  const bad = await queryRows<{ state: string; n: number }>(
    db,
    sql`select state, count(*)::int as n from events group by state`,
  );
  for (const b of bad) if (!states.has(b.state)) problems.push(`${b.n} events in unknown state "${b.state}"`);
  const versions = await queryRows<{
    id: string;
    version: number;
    distinct_versions: number;
    max_version: number;
  }>(
    db,
    sql`select e.id, e.version, count(distinct a.version)::int as distinct_versions, max(a.version) as max_version
        from events e left join event_actions a on a.event_id = e.id group by e.id, e.version
        having e.version <> count(distinct a.version) or e.version <> coalesce(max(a.version), 0)`,
  );
  for (const v of versions.slice(0, 5))
    problems.push(
      `event ${v.id} is at version ${v.version} but its timeline has ${v.distinct_versions} versions (max ${v.max_version})`,
    );
  const keys = await count(
    db,
    sql`select count(*)::int as n from (select event_id, idempotency_key from event_actions
        where idempotency_key is not null group by 1, 2 having count(*) > 1) d`,
  );
  if (keys) problems.push(`${keys} idempotency keys used twice on one event`);
  return problems;
}
