/**
 * Persons (人员) for the import pipeline: a row becomes a PersonInput checked by the registry's own
 * `checkPersonInput`; the ID number is the identity (a row with the ID of a registered person of the
 * same name updates them, of another name is a problem); rows with the same 户号 form one household.
 */
import { sql } from "drizzle-orm";
import { can, inScope } from "../../../core/authorize";
import { queryRows } from "../../../db/database";
import { validateDocument, type DocumentType } from "../codes/id-documents";
import { HEAD_RELATIONS } from "../household-members";
import { checkPersonInput, type PersonInput } from "../person-input";
import { idIndexOf } from "../sensitive";
import { setPath, type RowProblem } from "./columns";
import {
  duplicateInFile,
  fieldProblem,
  type ImportEnv,
  type KindSpec,
  type KindValidator,
  type PreparedRow,
} from "./kind";
import { PERSON_COLUMNS, PERSON_EXTRA_KEYS } from "./persons-columns";
import { loadPersons, stagePerson, unstagePerson } from "./persons-load";

const column = (key: string) => PERSON_COLUMNS.find((c) => c.key === key)!;

const problem = (row: number, key: string, code: string, zh: string, en: string): RowProblem => ({
  row,
  field: key,
  column: column(key).header,
  code,
  message: { zh, en },
});

interface HouseholdSeen {
  rows: number[];
  heads: { row: number; key?: string }[];
  existing?: { id: string; areaPath: string | null; status: string; headIndex: string | null } | null;
}

function personsValidator(env: ImportEnv): KindValidator {
  const households = new Map<string, HouseholdSeen>();
  const label = { zh: "证件号码", en: "document number" };
  const firstRowOfKey = new Map<string, number>();

  return {
    prepare(values, row) {
      const input: Record<string, unknown> = {};
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(values)) {
        if (PERSON_EXTRA_KEYS.has(k)) extra[k] = v;
        else setPath(input, k, v);
      }
      const problems = checkPersonInput(input as unknown as PersonInput, env.today).map((p) =>
        fieldProblem(row, PERSON_COLUMNS, p),
      );
      const prepared: PreparedRow = {
        row,
        input,
        extra,
        where: { areaCode: input.areaCode as string },
        bad: false,
      };
      const idNumber = input.idNumber as string | undefined;
      if (!idNumber)
        problems.push(
          problem(
            row,
            "idNumber",
            "ID_REQUIRED",
            "导入的人员须填写证件号码（据此识别同一人，再次导入时更新而不重复登记）",
            "Imported persons need a document number (it tells whether the person is already registered)",
          ),
        );
      else {
        const doc = validateDocument((input.docType as DocumentType) ?? "resident_id", idNumber, env.today);
        if (doc.ok) {
          prepared.key = idIndexOf(env.keyring, doc.normalized);
          const first = firstRowOfKey.get(prepared.key);
          if (first !== undefined)
            problems.push(duplicateInFile(row, first, "idNumber", column("idNumber").header, label));
          else firstRowOfKey.set(prepared.key, row);
        }
      }
      problems.push(...prepareHousehold(row, extra, prepared.key, households));
      return { prepared, problems };
    },

    async checkBatch(env, rows) {
      const problems: RowProblem[] = [];
      await checkExisting(env, rows, problems);
      await linkHouses(env, rows);
      await lookUpHouseholds(env, households);
      return problems;
    },

    async finish() {
      return householdProblems(households, env);
    },
  };
}

function prepareHousehold(
  row: number,
  extra: Record<string, unknown>,
  key: string | undefined,
  households: Map<string, HouseholdSeen>,
): RowProblem[] {
  const code = extra.householdCode as string | undefined;
  const relation = extra.relation as string | undefined;
  if (!code && !relation) return [];
  if (!code)
    return [
      problem(
        row,
        "householdCode",
        "HOUSEHOLD_CODE_MISSING",
        "填写了与户主关系时须填写户号",
        "A relation to the head needs the household number (户号)",
      ),
    ];
  if (!/^[0-9A-Za-z-]{1,40}$/.test(code))
    return [
      problem(
        row,
        "householdCode",
        "CODE_INVALID",
        "户号应为 1–40 位字母、数字或连字符",
        "The household number must be 1–40 letters, digits or hyphens",
      ),
    ];
  if (!relation)
    return [
      problem(
        row,
        "relation",
        "RELATION_MISSING",
        "填写了户号时须填写与户主关系",
        "A household number needs the relation to the head",
      ),
    ];
  let seen = households.get(code);
  if (!seen) households.set(code, (seen = { rows: [], heads: [] }));
  seen.rows.push(row);
  if (HEAD_RELATIONS.includes(relation)) seen.heads.push({ row, key });
  return [];
}

/** Same ID already registered: the same name updates; another name, a closed file or another area is a problem. */
async function checkExisting(env: ImportEnv, rows: PreparedRow[], out: RowProblem[]) {
  const keyed = rows.filter((r) => r.key);
  if (keyed.length === 0) return;
  const found = await queryRows<{ id_index: string; name: string; status: string; area_path: string | null }>(
    env.tx,
    sql`select id_index, name, status, area_path from persons
        where id_index in (${sql.join(
          keyed.map((r) => sql`${r.key}`),
          sql`, `,
        )}) and status <> 'purged'`,
  );
  const byKey = new Map(found.map((f) => [f.id_index, f]));
  for (const r of keyed) {
    const existing = byKey.get(r.key!);
    if (!existing) continue;
    const push = (code: string, zh: string, en: string) => {
      out.push(problem(r.row, "idNumber", code, zh, en));
      r.bad = true;
    };
    if (!existing.area_path || !can(env.actor, "registry.import", { areaPath: existing.area_path }))
      push(
        "ID_REGISTERED_ELSEWHERE",
        "该证件号码的人员已在您管辖范围以外的区域登记",
        "A person with this document number is registered in an area outside your scope",
      );
    else if (existing.name.trim() !== String(r.input.name ?? "").trim())
      push(
        "ID_NAME_MISMATCH",
        "该证件号码已登记在另一姓名下：如确已改名，请先在人员档案中修改姓名",
        "This document number is registered under another name: if the person changed their name, change it in their file first",
      );
    else if (existing.status !== "active")
      push(
        "PERSON_NOT_ACTIVE",
        "该证件号码的人员已注销或归档，请先在档案中恢复",
        "The person with this document number was deregistered or archived; restore the file first",
      );
  }
}

/** A current address that is exactly one registered house's address links the person to it. */
async function linkHouses(env: ImportEnv, rows: PreparedRow[]) {
  const wanted = [
    ...new Set(rows.map((r) => r.input.currentAddress as string | undefined).filter((a): a is string => !!a)),
  ];
  if (wanted.length === 0) return;
  const found = await queryRows<{
    id: string;
    address: string;
    area_id: string | null;
    area_path: string | null;
  }>(
    env.tx,
    sql`select id, address, area_id, area_path from houses
        where address in (${sql.join(
          wanted.map((a) => sql`${a}`),
          sql`, `,
        )}) and status = 'active'`,
  );
  const byAddress = new Map<string, (typeof found)[number][]>();
  for (const f of found) byAddress.set(f.address, [...(byAddress.get(f.address) ?? []), f]);
  for (const r of rows) {
    const hits = byAddress.get(r.input.currentAddress as string);
    const house = hits?.length === 1 ? hits[0]! : undefined;
    if (!house?.area_id || !house.area_path || !inScope(env.actor, house.area_path)) continue;
    if (!r.input.houseId) r.input.houseId = house.id;
    r.fallback = { areaId: house.area_id, areaPath: house.area_path };
  }
}

async function lookUpHouseholds(env: ImportEnv, households: Map<string, HouseholdSeen>) {
  const codes = [...households.entries()].filter(([, h]) => h.existing === undefined).map(([c]) => c);
  if (codes.length === 0) return;
  const found = await queryRows<{
    code: string;
    id: string;
    area_path: string | null;
    status: string;
    head_index: string | null;
  }>(
    env.tx,
    sql`select h.code, h.id, h.area_path, h.status, p.id_index as head_index
        from households h left join persons p on p.id = h.head_person_id
        where h.code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
  );
  const byCode = new Map(found.map((f) => [f.code, f]));
  for (const code of codes) {
    const f = byCode.get(code);
    households.get(code)!.existing = f
      ? { id: f.id, areaPath: f.area_path, status: f.status, headIndex: f.head_index }
      : null;
  }
}

function householdProblems(households: Map<string, HouseholdSeen>, env: ImportEnv): RowProblem[] {
  const out: RowProblem[] = [];
  for (const [code, h] of households) {
    const existing = h.existing ?? null;
    if (existing && (!existing.areaPath || !inScope(env.actor, existing.areaPath))) {
      for (const row of h.rows)
        out.push(
          problem(
            row,
            "householdCode",
            "HOUSEHOLD_ELSEWHERE",
            `户号 ${code} 已在您管辖范围以外登记`,
            `Household ${code} is registered outside your scope`,
          ),
        );
      continue;
    }
    if (existing && existing.status !== "active") {
      for (const row of h.rows)
        out.push(
          problem(
            row,
            "householdCode",
            "HOUSEHOLD_NOT_ACTIVE",
            `户号 ${code} 已注销`,
            `Household ${code} is closed`,
          ),
        );
      continue;
    }
    if (h.heads.length > 1)
      for (const head of h.heads.slice(1))
        out.push(
          problem(
            head.row,
            "relation",
            "HOUSEHOLD_TWO_HEADS",
            `户号 ${code} 有多名户主（第 ${h.heads[0]!.row} 行已是户主）`,
            `Household ${code} has more than one head (row ${h.heads[0]!.row} is the head)`,
          ),
        );
    else if (h.heads.length === 0 && !existing?.headIndex)
      out.push(
        problem(
          h.rows[0]!,
          "relation",
          "HOUSEHOLD_WITHOUT_HEAD",
          `户号 ${code} 没有户主：请将其中一人的与户主关系填为“户主”`,
          `Household ${code} has no head: give one member the relation 户主 (head)`,
        ),
      );
    else if (h.heads.length === 1 && existing?.headIndex && h.heads[0]!.key !== existing.headIndex)
      out.push(
        problem(
          h.heads[0]!.row,
          "relation",
          "HOUSEHOLD_HEAD_CONFLICT",
          `户号 ${code} 已有另一名户主：更换户主请在户档案中操作`,
          `Household ${code} already has another head: change the head in the household's file`,
        ),
      );
  }
  return out;
}

/** Persons: the spec the import pipeline runs. */
export const personsKind: KindSpec = {
  kind: "persons",
  sheet: "人员",
  columns: PERSON_COLUMNS,
  keyLabel: { zh: "证件号码", en: "document number" },
  validator: personsValidator,
  stage: stagePerson,
  unstage: unstagePerson,
  load: loadPersons,
};
