/**
 * Writes a batch of checked person rows: one multi-row upsert on the ID's blind index that carries
 * only the rows that are new or changed (so loading the same rows again writes nothing), the
 * households of their 户号 and the memberships, and the history rows of the batch in one insert.
 */
import crypto from "node:crypto";
import { and, getTableColumns, inArray, isNull, ne, sql } from "drizzle-orm";
import { stableStringify } from "../../../core/audit";
import { householdMembers, households, persons } from "../../../db/schema";
import { HEAD_RELATIONS } from "../household-members";
import { personRow, type PersonInput } from "../person-input";
import { changedFields, historyView } from "../present-person";
import { insertMany } from "./bulk";
import { writeHistory, type HistoryRow } from "./history-rows";
import type { ImportEnv, LoadCounts, PreparedRow, StagedRow } from "./kind";

type PersonRow = typeof persons.$inferSelect;
type NewPerson = typeof persons.$inferInsert;

/** Columns an import writes; the rest (status, version, created…) are the database's or other commands'. */
const WRITTEN = [
  "name",
  "formerNames",
  "namePinyin",
  "nameInitials",
  "docType",
  "idEnc",
  "idIndex",
  "idMasked",
  "idTail",
  "phoneEnc",
  "phoneIndex",
  "phoneMasked",
  "phoneTail",
  "sex",
  "birthDate",
  "ethnicity",
  "maritalStatus",
  "education",
  "politicalStatus",
  "religion",
  "nationality",
  "occupation",
  "workplace",
  "hukouDivision",
  "hukouAddress",
  "currentAddress",
  "houseId",
  "householdId",
  "residentType",
  "floating",
  "permitExpiresOn",
  "livesAlone",
  "areaId",
  "areaPath",
  "importId",
] as const satisfies readonly (keyof NewPerson)[];

/** What decides "changed": sealed values compare by their blind index, derived keys follow their source. */
const COMPARED = WRITTEN.filter(
  (k) =>
    ![
      "namePinyin",
      "nameInitials",
      "idEnc",
      "idMasked",
      "idTail",
      "phoneEnc",
      "phoneMasked",
      "phoneTail",
      "areaPath",
      "importId",
    ].includes(k),
);
const PHONE_SEALED = ["phoneEnc", "phoneMasked", "phoneTail"] as const;
/**
 * A checked person row as staged: already the persons-table row (ID and phone sealed, pinyin keys
 * made) with the input fields the row gave, so the load does no per-row work twice and the staging
 * table holds no ID number or phone in clear.
 */
export function stagePerson(env: ImportEnv, r: PreparedRow): StagedRow {
  const row = personRow(env.keyring, r.input as unknown as PersonInput, env.today);
  // nulls are what an absent key means here; leaving them out keeps the staged chunk small
  const input = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
  return {
    row: r.row,
    input,
    extra: { ...r.extra, given: Object.keys(r.input) },
    areaId: r.area!.areaId,
    areaPath: r.area!.areaPath,
  };
}

export const unstagePerson = (_env: ImportEnv, data: unknown): StagedRow => data as StagedRow;

/** Columns whose value personRow defaults when the cell is empty: an empty cell keeps the stored value. */
const DEFAULTED: Partial<Record<(typeof WRITTEN)[number], keyof PersonInput>> = {
  docType: "docType",
  residentType: "residentType",
  nationality: "nationality",
  livesAlone: "livesAlone",
};

const columns = getTableColumns(persons);
const excluded = Object.fromEntries(
  WRITTEN.map((k) => [k, sql.raw(`excluded."${columns[k].name}"`)]),
) as Record<(typeof WRITTEN)[number], ReturnType<typeof sql.raw>>;

/** Every written column as null: the staged row leaves its nulls out. */
const BLANK = Object.fromEntries(WRITTEN.map((k) => [k, null])) as Partial<NewPerson>;

const same = (a: unknown, b: unknown) => stableStringify(a ?? null) === stableStringify(b ?? null);

/**
 * An existing person with the row's values over theirs: an empty cell keeps what is stored, the area
 * moves only when the row itself placed the person (grid code or house), not by the import's default.
 */
function merge(existing: PersonRow, fresh: NewPerson, s: StagedRow): NewPerson {
  const given = new Set(s.extra.given as string[]);
  const out: Record<string, unknown> = { ...existing };
  for (const k of WRITTEN) {
    const v = fresh[k];
    const source = DEFAULTED[k];
    if (source) {
      if (given.has(source)) out[k] = v;
    } else if (k === "floating" || k === "permitExpiresOn") {
      if (given.has("residentType") && fresh.residentType !== "floating") out[k] = null;
      else if (v !== null && v !== undefined) out[k] = v;
    } else if (k === "areaId" || k === "areaPath") {
      if (s.extra.areaFrom !== "default") out[k] = v;
    } else if (["idEnc", "idMasked", "idTail"].includes(k) || PHONE_SEALED.includes(k as never)) {
      // re-sealing the same value would differ only by its random IV: keep the stored ciphertext
    } else if (k === "importId") out[k] = v;
    else if (v !== null && v !== undefined) out[k] = v;
  }
  if (fresh.phoneIndex && fresh.phoneIndex !== existing.phoneIndex)
    for (const k of PHONE_SEALED) out[k] = fresh[k];
  return out as NewPerson;
}

/** Loads one batch of person rows in env.tx; returns what happened to them. */
export async function loadPersons(env: ImportEnv, rows: StagedRow[]): Promise<LoadCounts> {
  const { tx, now } = env;
  const fresh = rows.map((s) => ({
    ...BLANK,
    ...(s.input as NewPerson),
    areaId: s.areaId,
    areaPath: s.areaPath,
    importId: env.importId,
  }));
  const keys = fresh.map((f) => f.idIndex!).filter(Boolean);
  const existingRows = keys.length
    ? await tx
        .select()
        .from(persons)
        .where(and(inArray(persons.idIndex, keys), ne(persons.status, "purged")))
    : [];
  const existing = new Map(existingRows.map((p) => [p.idIndex!, p]));
  const memberships = existingRows.length
    ? await tx
        .select()
        .from(householdMembers)
        .where(
          and(
            inArray(
              householdMembers.personId,
              existingRows.map((p) => p.id),
            ),
            isNull(householdMembers.leftOn),
          ),
        )
    : [];
  const membershipOf = new Map(memberships.map((m) => [m.personId, m]));
  const householdIds = await ensureHouseholds(env, rows, fresh);

  const add: NewPerson[] = [];
  const write: NewPerson[] = [];
  const plan: { s: StagedRow; before: PersonRow | undefined; after: NewPerson; changed: boolean }[] = [];
  rows.forEach((s, i) => {
    const f = fresh[i]!;
    const code = s.extra.householdCode as string | undefined;
    if (code) f.householdId = householdIds.get(code)!;
    const before = existing.get(f.idIndex!);
    if (!before) {
      const row = {
        ...f,
        id: crypto.randomUUID(),
        createdBy: env.actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      add.push(row);
      plan.push({ s, before, after: row, changed: true });
      return;
    }
    const after = merge(before, f, s);
    const m = membershipOf.get(before.id);
    const relationChanged =
      code !== undefined && (m?.householdId !== f.householdId || m?.relation !== s.extra.relation);
    const personChanged = COMPARED.some((k) => !same(before[k], after[k]));
    if (personChanged) write.push({ ...after, updatedAt: now });
    plan.push({ s, before, after, changed: personChanged || relationChanged });
  });

  const written = write.length
    ? await tx
        .insert(persons)
        .values(write)
        .onConflictDoUpdate({
          target: persons.idIndex,
          targetWhere: sql`${persons.idIndex} is not null and ${persons.status} <> 'purged'`,
          set: {
            ...excluded,
            version: sql`${persons.version} + 1`,
            updatedAt: sql.raw(`excluded."updated_at"`),
          },
        })
        .returning({ id: persons.id, idIndex: persons.idIndex, version: persons.version })
    : [];
  await insertMany(tx, persons, add);
  const ids = new Map(written.map((w) => [w.idIndex!, w]));
  for (const p of add) ids.set(p.idIndex!, { id: p.id!, idIndex: p.idIndex!, version: 1 });
  for (const p of existingRows)
    if (!ids.has(p.idIndex!)) ids.set(p.idIndex!, { id: p.id, idIndex: p.idIndex, version: p.version });

  await writeMemberships(env, plan, ids, membershipOf);
  await setHeads(env, plan, ids, householdIds);

  const history: HistoryRow[] = [];
  const counts: LoadCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const p of plan) {
    const w = ids.get(p.after.idIndex!)!;
    if (!p.before) {
      counts.created++;
      history.push({
        subjectType: "person",
        subjectId: w.id,
        version: w.version,
        before: null,
        after: Object.fromEntries(Object.entries(historyView(p.after)).filter(([, v]) => v !== null)),
      });
    } else if (p.changed) {
      counts.updated++;
      const diff = changedFields(historyView(p.before), historyView(p.after));
      const m = membershipOf.get(p.before.id);
      const rel = p.s.extra.relation as string | undefined;
      const before = {
        ...(diff?.before ?? {}),
        ...(rel && m?.relation !== rel ? { relation: m?.relation ?? null } : {}),
      };
      const after = { ...(diff?.after ?? {}), ...(rel && m?.relation !== rel ? { relation: rel } : {}) };
      history.push({ subjectType: "person", subjectId: w.id, version: w.version, before, after });
    } else counts.unchanged++;
  }
  await writeHistory(env, history);
  return counts;
}

/** The households of the batch's 户号, created when new (placed where their head, or first member, is). */
async function ensureHouseholds(
  env: ImportEnv,
  rows: StagedRow[],
  fresh: NewPerson[],
): Promise<Map<string, string>> {
  const byCode = new Map<string, { s: StagedRow; f: NewPerson }>();
  rows.forEach((s, i) => {
    const code = s.extra.householdCode as string | undefined;
    if (!code) return;
    const isHead = HEAD_RELATIONS.includes(s.extra.relation as string);
    if (!byCode.has(code) || isHead) byCode.set(code, { s, f: fresh[i]! });
  });
  if (byCode.size === 0) return new Map();
  const codes = [...byCode.keys()];
  const found = await env.tx
    .select({ id: households.id, code: households.code })
    .from(households)
    .where(inArray(households.code, codes));
  const ids = new Map(found.map((h) => [h.code!, h.id]));
  const missing = codes.filter((c) => !ids.has(c));
  if (missing.length) {
    const created = missing.map((code) => {
      const { s, f } = byCode.get(code)!;
      return {
        id: crypto.randomUUID(),
        code,
        houseId: f.houseId ?? null,
        address: f.currentAddress ?? null,
        areaId: s.areaId,
        areaPath: s.areaPath,
        createdBy: env.actor.userId,
        createdAt: env.now,
        updatedAt: env.now,
      };
    });
    await insertMany(env.tx, households, created);
    for (const h of created) ids.set(h.code, h.id);
    await writeHistory(
      env,
      created.map((h) => ({
        subjectType: "household" as const,
        subjectId: h.id,
        version: 1,
        before: null,
        after: { code: h.code, houseId: h.houseId, address: h.address, note: null, areaId: h.areaId },
      })),
    );
  }
  return ids;
}

type Plan = { s: StagedRow; before: PersonRow | undefined; after: NewPerson }[];
type Ids = Map<string, { id: string }>;

/** Joins each person to their row's household; a person in another household leaves it today. */
async function writeMemberships(
  env: ImportEnv,
  plan: Plan,
  ids: Ids,
  current: Map<string, typeof householdMembers.$inferSelect>,
) {
  const add: (typeof householdMembers.$inferInsert)[] = [];
  const leave: string[] = [];
  for (const p of plan) {
    const relation = p.s.extra.relation as string | undefined;
    if (!p.after.householdId || !relation) continue;
    const personId = ids.get(p.after.idIndex!)!.id;
    const m = current.get(personId);
    if (m && m.householdId === p.after.householdId) {
      if (m.relation !== relation)
        await env.tx
          .update(householdMembers)
          .set({ relation })
          .where(sql`${householdMembers.id} = ${m.id}`);
      continue;
    }
    if (m) leave.push(m.id);
    add.push({ householdId: p.after.householdId, personId, relation, joinedOn: env.today });
  }
  if (leave.length)
    await env.tx
      .update(householdMembers)
      .set({ leftOn: env.today })
      .where(inArray(householdMembers.id, leave));
  await insertMany(env.tx, householdMembers, add);
}

/** Makes each head row's person the head of their household (when not already), in one statement. */
async function setHeads(env: ImportEnv, plan: Plan, ids: Ids, householdIds: Map<string, string>) {
  const pairs = new Map<string, string>();
  for (const p of plan) {
    const code = p.s.extra.householdCode as string | undefined;
    if (!code || !HEAD_RELATIONS.includes(p.s.extra.relation as string)) continue;
    pairs.set(householdIds.get(code)!, ids.get(p.after.idIndex!)!.id);
  }
  if (pairs.size === 0) return;
  const values = sql.join(
    [...pairs].map(([h, p]) => sql`(${h}::uuid, ${p}::uuid)`),
    sql`, `,
  );
  await env.tx.execute(
    sql`update households h set head_person_id = v.person_id, version = h.version + 1, updated_at = ${env.now}
        from (values ${values}) as v(household_id, person_id)
        where h.id = v.household_id and h.head_person_id is distinct from v.person_id`,
  );
}
