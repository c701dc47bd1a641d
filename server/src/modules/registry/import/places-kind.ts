/**
 * Places and enterprises (场所) for the import pipeline: a row becomes a PlaceInput checked by the
 * registry's `checkPlaceInput`. Identity: the unified social credit code, or (without one) name and
 * address. A place found again is updated where the row says something new; a new colour joins the
 * place's rating history.
 */
import { sql } from "drizzle-orm";
import { can } from "../../../core/authorize";
import { normalizeChinesePhone } from "../../../core/privacy";
import { queryRows } from "../../../db/database";
import { places, ratings } from "../../../db/schema";
import { snapshot } from "../buildings";
import { validateCreditCode } from "../codes/credit-code";
import { checkPlaceInput, placeRow, type PlaceInput } from "../place-input";
import { PLACE_TRACKED } from "../read-place";
import { setPath, type Column, type RowProblem } from "./columns";
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

export const PLACE_COLUMNS: Column[] = [
  { key: "name", header: "名称", type: "text", required: true, note: "必填，最多 100 字", width: 24 },
  {
    key: "kind",
    header: "类型",
    type: "code",
    table: "place-type",
    required: true,
    aliases: {
      商店: "shop",
      超市: "shop",
      饭店: "restaurant",
      餐馆: "restaurant",
      酒吧: "bar",
      涉酒场所: "bar",
      KTV: "entertainment",
      宾馆: "hotel",
      旅馆: "hotel",
      工地: "construction_site",
    },
    note: "必填：商铺、餐饮、酒吧等涉酒场所…（见下方代码表）",
    width: 12,
  },
  {
    key: "creditCode",
    header: "统一社会信用代码",
    type: "id",
    note: "18 位，校验位须正确；有则据此识别同一场所",
    width: 22,
  },
  {
    key: "address",
    header: "地址",
    type: "text",
    note: "最多 200 字；无信用代码时以名称+地址识别同一场所",
    width: 28,
  },
  { key: "lng", header: "经度", type: "number", note: "WGS84 经度，如 121.58；与纬度成对填写", width: 11 },
  { key: "lat", header: "纬度", type: "number", note: "WGS84 纬度，如 29.87", width: 11 },
  { key: "responsibleName", header: "负责人", type: "text", note: "最多 50 字", width: 10 },
  {
    key: "responsiblePhone",
    header: "负责人电话",
    type: "phone",
    note: "手机 11 位，或 区号-号码",
    width: 14,
  },
  {
    key: "safetyManagerName",
    header: "平安经理",
    type: "text",
    note: "场所的平安经理（涉酒场所必备）",
    width: 10,
  },
  {
    key: "safetyManagerPhone",
    header: "平安经理电话",
    type: "phone",
    note: "手机 11 位，或 区号-号码",
    width: 14,
  },
  {
    key: "colour",
    header: "评级颜色",
    type: "code",
    table: "colour-rating",
    aliases: { 红: "red", 黄: "yellow", 绿: "green", 红牌: "red", 黄牌: "yellow", 绿牌: "green" },
    note: "红 / 黄 / 绿；变更计入评级记录",
    width: 8,
  },
  { key: "employees", header: "从业人数", type: "number", note: "整数", width: 8 },
  {
    key: "areaCode",
    header: "所属网格编码",
    type: "text",
    note: "空则按经纬度定位，或取导入时选择的默认区域",
    width: 18,
  },
];

const keyOf = (input: PlaceInput): string | undefined => {
  if (input.creditCode) {
    const cc = validateCreditCode(input.creditCode);
    return cc.ok ? `cc:${cc.normalized}` : undefined;
  }
  return `na:${input.name?.replace(/\s+/g, "")}|${(input.address ?? "").replace(/\s+/g, "")}`;
};

type Found = {
  id: string;
  name: string;
  address: string | null;
  credit_code: string | null;
  area_path: string | null;
};

/** Active places that the rows' keys name, by key. */
async function existingByKey(env: ImportEnv, inputs: PlaceInput[]): Promise<Map<string, Found>> {
  const codes = inputs
    .map((i) => keyOf(i))
    .filter((k) => k?.startsWith("cc:"))
    .map((k) => k!.slice(3));
  const names = [...new Set(inputs.filter((i) => !i.creditCode).map((i) => i.name))];
  if (codes.length + names.length === 0) return new Map();
  const found = await queryRows<Found>(
    env.tx,
    sql`select id, name, address, credit_code, area_path from places where status = 'active' and (
        ${
          codes.length
            ? sql`credit_code in (${sql.join(
                codes.map((c) => sql`${c}`),
                sql`, `,
              )})`
            : sql`false`
        }
        or ${
          names.length
            ? sql`(credit_code is null and name in (${sql.join(
                names.map((n) => sql`${n}`),
                sql`, `,
              )}))`
            : sql`false`
        })`,
  );
  return new Map(
    found.map((f) => [
      f.credit_code
        ? `cc:${f.credit_code}`
        : `na:${f.name.replace(/\s+/g, "")}|${(f.address ?? "").replace(/\s+/g, "")}`,
      f,
    ]),
  );
}

function placesValidator(_env: ImportEnv): KindValidator {
  const first = new Map<string, number>();
  return {
    prepare(values, row) {
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(values)) setPath(input, k, v);
      const problems = checkPlaceInput(input as Partial<PlaceInput>).map((p) =>
        fieldProblem(row, PLACE_COLUMNS, p),
      );
      const key = keyOf(input as unknown as PlaceInput);
      if (key) {
        const at = first.get(key);
        if (at !== undefined)
          problems.push(
            key.startsWith("cc:")
              ? duplicateInFile(row, at, "creditCode", "统一社会信用代码", {
                  zh: "统一社会信用代码",
                  en: "credit code",
                })
              : duplicateInFile(row, at, "name", "名称", { zh: "名称和地址", en: "name and address" }),
          );
        else first.set(key, row);
      }
      const where = {
        areaCode: input.areaCode as string,
        lat: input.lat as number,
        lng: input.lng as number,
      };
      return { prepared: { row, input, extra: {}, where, key, bad: false }, problems };
    },
    async checkBatch(env, rows) {
      const out: RowProblem[] = [];
      const found = await existingByKey(
        env,
        rows.map((r) => r.input as unknown as PlaceInput),
      );
      for (const r of rows) {
        const f = r.key ? found.get(r.key) : undefined;
        if (!f) continue;
        const p = (code: string, zh: string, en: string) =>
          out.push({
            row: r.row,
            field: "creditCode",
            column: "统一社会信用代码",
            code,
            message: { zh, en },
          });
        if (!f.area_path || !can(env.actor, "registry.import", { areaPath: f.area_path }))
          p(
            "PLACE_ELSEWHERE",
            "该场所已在您管辖范围以外的区域登记",
            "This place is registered in an area outside your scope",
          );
        else if (f.credit_code && f.name.trim() !== String(r.input.name).trim())
          p(
            "CREDIT_CODE_NAME_MISMATCH",
            "该统一社会信用代码已登记在另一名称下：如确已更名，请先在场所档案中修改名称",
            "This credit code is registered under another name: if the place was renamed, change it in its file first",
          );
      }
      return out;
    },
    async finish() {
      return [];
    },
  };
}

/** Loads a batch of place rows: new places in one insert, changed ones updated, colours rated. */
async function loadPlaces(env: ImportEnv, rows: StagedRow[]): Promise<LoadCounts> {
  const inputs = rows.map((r) => r.input as unknown as PlaceInput);
  const found = await existingByKey(env, inputs);
  const existing = found.size
    ? await env.tx
        .select()
        .from(places)
        .where(
          sql`${places.id} in (${sql.join(
            [...found.values()].map((f) => sql`${f.id}`),
            sql`, `,
          )})`,
        )
    : [];
  const byId = new Map(existing.map((e) => [e.id, e]));
  const counts: LoadCounts = { created: 0, updated: 0, unchanged: 0 };
  const fresh: (typeof places.$inferInsert)[] = [];
  const history: HistoryRow[] = [];
  const rated: { id: string; colour: string }[] = [];
  for (const [i, s] of rows.entries()) {
    const input = inputs[i]!;
    const row = { ...placeRow(env.keyring, input), areaId: s.areaId, areaPath: s.areaPath };
    const before = byId.get(found.get(keyOf(input) ?? "")?.id ?? "");
    if (!before) {
      fresh.push({
        ...row,
        colourSince: input.colour ? env.today : null,
        createdBy: env.actor.userId,
        createdAt: env.now,
        updatedAt: env.now,
      });
      continue;
    }
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (v === null || v === undefined || k.endsWith("PhoneEnc") || k.endsWith("PhoneMasked")) continue;
      if (k.startsWith("area") && s.extra.areaFrom === "default") continue;
      if (!sameValue(before[k as keyof typeof before], v)) patch[k] = v;
    }
    for (const who of ["responsible", "safetyManager"] as const) {
      const raw = input[`${who}Phone`];
      if (!raw) continue;
      const old = before[`${who}PhoneEnc`] ? env.keyring.decrypt(before[`${who}PhoneEnc`]!) : null;
      if (normalizeChinesePhone(raw) !== old) {
        patch[`${who}PhoneEnc`] = row[`${who}PhoneEnc`];
        patch[`${who}PhoneMasked`] = row[`${who}PhoneMasked`];
      }
    }
    if (Object.keys(patch).length === 0) {
      counts.unchanged++;
      continue;
    }
    if (patch.colour) {
      patch.colourSince = env.today;
      rated.push({ id: before.id, colour: patch.colour as string });
    }
    const after = await updateById(env, places, before.id, patch);
    counts.updated++;
    history.push({
      subjectType: "place",
      subjectId: before.id,
      version: after.version as number,
      before: snapshot(before, PLACE_TRACKED),
      after: snapshot(after as typeof before, PLACE_TRACKED),
    });
  }
  if (fresh.length) {
    const created = await env.tx.insert(places).values(fresh).returning();
    counts.created += created.length;
    for (const c of created) {
      if (c.colour) rated.push({ id: c.id, colour: c.colour });
      history.push({
        subjectType: "place",
        subjectId: c.id,
        version: c.version,
        before: null,
        after: snapshot(c, PLACE_TRACKED),
      });
    }
  }
  if (rated.length)
    await env.tx.insert(ratings).values(
      rated.map((r) => ({
        subjectType: "place",
        subjectId: r.id,
        kind: "colour",
        value: r.colour,
        reason: "导入时评定 Rated by import",
        ratedBy: env.actor.userId,
        ratedAt: env.now,
      })),
    );
  await writeHistory(env, history);
  return counts;
}

/** Places: the spec the import pipeline runs. */
export const placesKind: KindSpec = {
  kind: "places",
  sheet: "场所",
  columns: PLACE_COLUMNS,
  keyLabel: { zh: "统一社会信用代码", en: "credit code" },
  validator: placesValidator,
  load: loadPlaces,
};
