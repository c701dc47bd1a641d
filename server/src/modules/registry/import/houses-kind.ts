/**
 * Houses and rooms (房屋) for the import pipeline: a row becomes a HouseInput checked by the
 * registry's `checkHouseInput`. Identity: address + unit + room. Owner and landlord are registry
 * persons named by their document number (imported first); an unknown one is a problem.
 */
import { sql } from "drizzle-orm";
import { can } from "../../../core/authorize";
import { queryRows } from "../../../db/database";
import { houses } from "../../../db/schema";
import { snapshot } from "../buildings";
import { normalizeDocumentNumber, validateDocument } from "../codes/id-documents";
import { checkHouseInput, houseRow, type HouseInput } from "../house-input";
import { HOUSE_TRACKED } from "../read-house";
import { idIndexOf } from "../sensitive";
import type { Column, RowProblem } from "./columns";
import { writeHistory, type HistoryRow } from "./history-rows";
import {
  duplicateInFile,
  fieldProblem,
  type ImportEnv,
  type KindSpec,
  type KindValidator,
  type LoadCounts,
  type StagedRow,
} from "./kind";
import { sameValue, updateById } from "./simple-load";

export const HOUSE_COLUMNS: Column[] = [
  {
    key: "address",
    header: "地址",
    type: "text",
    required: true,
    note: "必填：小区、楼栋地址，最多 200 字",
    width: 30,
  },
  { key: "unit", header: "单元", type: "text", note: "如 2单元", width: 8 },
  { key: "room", header: "房号", type: "text", note: "如 1203；地址+单元+房号识别同一房屋", width: 8 },
  { key: "lng", header: "经度", type: "number", note: "WGS84 经度；与纬度成对填写", width: 11 },
  { key: "lat", header: "纬度", type: "number", note: "WGS84 纬度", width: 11 },
  {
    key: "use",
    header: "用途",
    type: "code",
    table: "house-use",
    note: "住宅 / 商业 / 商住两用 / 办公 / 工业 / 其他；默认住宅",
    width: 10,
  },
  { key: "floorArea", header: "建筑面积", type: "number", note: "平方米", width: 9 },
  { key: "ownerName", header: "房主姓名", type: "text", note: "与房主证件号码对应", width: 10 },
  {
    key: "ownerIdNumber",
    header: "房主证件号码",
    type: "id",
    note: "房主须已在人员库中登记（先导入人员）",
    width: 22,
  },
  { key: "landlordName", header: "房东姓名", type: "text", note: "出租时的房东（可与房主不同）", width: 10 },
  { key: "landlordIdNumber", header: "房东证件号码", type: "id", note: "房东须已在人员库中登记", width: 22 },
  { key: "isRented", header: "是否出租", type: "bool", note: "是 / 否", width: 8 },
  { key: "isGroupRental", header: "是否群租", type: "bool", note: "是 / 否（群租房）", width: 8 },
  {
    key: "areaCode",
    header: "所属网格编码",
    type: "text",
    note: "空则按经纬度定位，或取导入时选择的默认区域",
    width: 18,
  },
];
const EXTRA = new Set(["ownerName", "ownerIdNumber", "landlordName", "landlordIdNumber"]);
const col = (key: string) => HOUSE_COLUMNS.find((c) => c.key === key)!.header;

const keyOf = (i: Partial<HouseInput>) =>
  [i.address, i.unit, i.room].map((s) => (s ?? "").replace(/\s+/g, "")).join("|");

/** The blind index of a document number as people write it (resident IDs normalised to 18 digits). */
function personIndex(env: ImportEnv, raw: string): string {
  const doc = validateDocument("resident_id", raw, env.today);
  return idIndexOf(env.keyring, doc.ok ? doc.normalized : normalizeDocumentNumber(raw));
}

type Found = {
  id: string;
  address: string;
  unit: string | null;
  room: string | null;
  area_path: string | null;
};

async function existingByKey(env: ImportEnv, inputs: Partial<HouseInput>[]): Promise<Map<string, Found>> {
  const addresses = [...new Set(inputs.map((i) => i.address).filter((a): a is string => !!a))];
  if (addresses.length === 0) return new Map();
  const found = await queryRows<Found>(
    env.tx,
    sql`select id, address, unit, room, area_path from houses
        where status = 'active' and address in (${sql.join(
          addresses.map((a) => sql`${a}`),
          sql`, `,
        )})`,
  );
  return new Map(found.map((f) => [keyOf({ address: f.address, unit: f.unit, room: f.room }), f]));
}

function housesValidator(_env: ImportEnv): KindValidator {
  const first = new Map<string, number>();
  return {
    prepare(values, row) {
      const input: Record<string, unknown> = {};
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(values)) (EXTRA.has(k) ? extra : input)[k] = v;
      const problems = checkHouseInput(input as Partial<HouseInput>).map((p) =>
        fieldProblem(row, HOUSE_COLUMNS, p),
      );
      const key = input.address ? keyOf(input as Partial<HouseInput>) : undefined;
      if (key) {
        const at = first.get(key);
        if (at !== undefined)
          problems.push(
            duplicateInFile(row, at, "address", col("address"), {
              zh: "地址、单元和房号",
              en: "address, unit and room",
            }),
          );
        else first.set(key, row);
      }
      const where = {
        areaCode: input.areaCode as string,
        lat: input.lat as number,
        lng: input.lng as number,
      };
      return { prepared: { row, input, extra, where, key, bad: false }, problems };
    },
    async checkBatch(env, rows) {
      const out: RowProblem[] = [];
      const found = await existingByKey(
        env,
        rows.map((r) => r.input as Partial<HouseInput>),
      );
      for (const r of rows) {
        const f = r.key ? found.get(r.key) : undefined;
        if (f && (!f.area_path || !can(env.actor, "registry.import", { areaPath: f.area_path })))
          out.push({
            row: r.row,
            field: "address",
            column: col("address"),
            code: "HOUSE_ELSEWHERE",
            message: {
              zh: "该房屋已在您管辖范围以外的区域登记",
              en: "This house is registered in an area outside your scope",
            },
          });
      }
      await resolvePeople(env, rows, "owner", out);
      await resolvePeople(env, rows, "landlord", out);
      return out;
    },
    async finish() {
      return [];
    },
  };
}

/** Finds the owner (landlord) of each row among registered persons; sets input.ownerPersonId. */
async function resolvePeople(
  env: ImportEnv,
  rows: { row: number; input: Record<string, unknown>; extra: Record<string, unknown> }[],
  who: "owner" | "landlord",
  out: RowProblem[],
) {
  const wanted = rows.filter((r) => r.extra[`${who}IdNumber`]);
  if (wanted.length === 0) return;
  const indexes = wanted.map((r) => personIndex(env, r.extra[`${who}IdNumber`] as string));
  const found = await queryRows<{ id: string; id_index: string; name: string }>(
    env.tx,
    sql`select id, id_index, name from persons where status = 'active' and id_index in (${sql.join(
      indexes.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  const byIndex = new Map(found.map((f) => [f.id_index, f]));
  wanted.forEach((r, i) => {
    const p = byIndex.get(indexes[i]!);
    const field = `${who}IdNumber`;
    const name = r.extra[`${who}Name`] as string | undefined;
    const label = who === "owner" ? { zh: "房主", en: "owner" } : { zh: "房东", en: "landlord" };
    if (!p)
      out.push({
        row: r.row,
        field,
        column: col(field),
        code: "PERSON_NOT_REGISTERED",
        message: {
          zh: `${label.zh}未在人员库中登记：请先导入或登记此人`,
          en: `The ${label.en} is not registered: import or register the person first`,
        },
      });
    else if (name && name.trim() !== p.name.trim())
      out.push({
        row: r.row,
        field: `${who}Name`,
        column: col(`${who}Name`),
        code: "NAME_MISMATCH",
        message: {
          zh: `${label.zh}姓名与证件号码登记的姓名不符`,
          en: `The ${label.en}'s name does not match the registered person`,
        },
      });
    else r.input[`${who}PersonId`] = p.id;
  });
}

/** Loads a batch of house rows: new houses in one insert, changed ones updated. */
async function loadHouses(env: ImportEnv, rows: StagedRow[]): Promise<LoadCounts> {
  const inputs = rows.map((r) => r.input as unknown as HouseInput);
  const found = await existingByKey(env, inputs);
  const ids = [...found.values()].map((f) => f.id);
  const existing = ids.length
    ? await env.tx
        .select()
        .from(houses)
        .where(
          sql`${houses.id} in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        )
    : [];
  const byId = new Map(existing.map((e) => [e.id, e]));
  const counts: LoadCounts = { created: 0, updated: 0, unchanged: 0 };
  const fresh: (typeof houses.$inferInsert)[] = [];
  const history: HistoryRow[] = [];
  for (const [i, s] of rows.entries()) {
    const input = inputs[i]!;
    const row = { ...houseRow(input), areaId: s.areaId, areaPath: s.areaPath };
    const before = byId.get(found.get(keyOf(input))?.id ?? "");
    if (!before) {
      fresh.push({ ...row, createdBy: env.actor.userId, createdAt: env.now, updatedAt: env.now });
      continue;
    }
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      // an empty cell keeps what is stored (houseRow fills defaults for use and the flags)
      const given =
        k === "use" || k === "isRented" || k === "isGroupRental"
          ? input[k] !== undefined
          : v !== null && v !== undefined;
      if (!given || (k.startsWith("area") && s.extra.areaFrom === "default")) continue;
      if (!sameValue(before[k as keyof typeof before], v)) patch[k] = v;
    }
    if (Object.keys(patch).length === 0) {
      counts.unchanged++;
      continue;
    }
    const after = await updateById(env, houses, before.id, patch);
    counts.updated++;
    history.push({
      subjectType: "house",
      subjectId: before.id,
      version: after.version,
      before: snapshot(before, HOUSE_TRACKED),
      after: snapshot(after as typeof before, HOUSE_TRACKED),
    });
  }
  if (fresh.length) {
    const created = await env.tx.insert(houses).values(fresh).returning();
    counts.created += created.length;
    for (const c of created)
      history.push({
        subjectType: "house",
        subjectId: c.id,
        version: c.version,
        before: null,
        after: snapshot(c, HOUSE_TRACKED),
      });
  }
  await writeHistory(env, history);
  return counts;
}

/** Houses: the spec the import pipeline runs. */
export const housesKind: KindSpec = {
  kind: "houses",
  sheet: "房屋",
  columns: HOUSE_COLUMNS,
  keyLabel: { zh: "地址", en: "address" },
  validator: housesValidator,
  load: loadHouses,
};
