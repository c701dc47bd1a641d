/**
 * Exporting persons to Excel: the console's filters, the actor's scope, masked values only (ID
 * number and phone masked; age instead of the date of birth, which the masked ID hides), a
 * watermark naming who exported when (first row, page header and footer, workbook properties),
 * one audit record with the filters and the row count; written as a stream, a page at a time.
 */
import { PassThrough, type Readable } from "node:stream";
import { and, asc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { authorize, likePrefix, scopeCondition } from "../../../core/authorize";
import { recordAudit } from "../../../core/audit";
import type { Ctx, Services } from "../../../core/context";
import { unprocessable } from "../../../core/errors";
import { toLocal } from "../../../core/local-time";
import { areas, householdMembers, households, persons } from "../../../db/schema";
import * as areasRepo from "../../areas/areas.repo";
import { DOCUMENT_TYPE_INFO, type DocumentType } from "../codes/id-documents";
import { codeLabel } from "../codes/tables";
import { todayOf } from "../dates";
import { planSearch, yearsBefore, type PersonFilters } from "../list-persons";
import { areaOutOfScope } from "../registry.errors";
import { openValue } from "../sensitive";

/** At most this many persons in one export: narrow the filters for more. */
export const EXPORT_MAX = 200_000;
const PAGE = 2_000;
const TAIL_CANDIDATES = 5_000;

export type ExportFilters = Omit<PersonFilters, "page" | "pageSize">;

export interface PreparedExport {
  where: SQL;
  count: number;
  watermark: string;
  creator: string;
  today: string;
  fileName: string;
}

const RESIDENT: Record<string, string> = { registered: "户籍", floating: "流动", foreign: "境外" };

const COLUMNS: { header: string; width: number }[] = [
  { header: "姓名", width: 12 },
  { header: "证件类型", width: 14 },
  { header: "证件号码", width: 22 },
  { header: "性别", width: 6 },
  { header: "民族", width: 8 },
  { header: "年龄", width: 6 },
  { header: "联系电话", width: 14 },
  { header: "户籍地区划代码", width: 10 },
  { header: "户籍地址", width: 28 },
  { header: "现住址", width: 28 },
  { header: "人员类型", width: 8 },
  { header: "流入原因", width: 10 },
  { header: "办证类型", width: 10 },
  { header: "登记日期", width: 12 },
  { header: "证件有效期至", width: 12 },
  { header: "与户主关系", width: 10 },
  { header: "户号", width: 14 },
  { header: "所属网格编码", width: 18 },
  { header: "所属区域", width: 24 },
];

/**
 * Checks the right to export, counts the rows and writes the audit record, in ctx's transaction;
 * the rows are then streamed by `streamPersonsXlsx` outside it.
 */
export async function prepareExport(ctx: Ctx, f: ExportFilters): Promise<PreparedExport> {
  const today = todayOf(ctx);
  const conds: (SQL | undefined)[] = [scopeCondition(ctx.actor, persons.areaPath)];
  if (f.areaCode) {
    const area = await areasRepo.findByCode(ctx.tx, f.areaCode);
    if (!area) throw areaOutOfScope("areaCode");
    authorize(ctx.actor, "registry.export", { areaPath: area.path });
    conds.push(sql`${persons.areaPath} like ${likePrefix(area.path)}`);
  } else authorize(ctx.actor, "registry.export");
  conds.push(f.status === "all" ? ne(persons.status, "purged") : eq(persons.status, f.status ?? "active"));
  if (f.residentType) conds.push(eq(persons.residentType, f.residentType));
  if (f.livesAlone !== undefined) conds.push(eq(persons.livesAlone, f.livesAlone));
  if (f.householdId) conds.push(eq(persons.householdId, f.householdId));
  if (f.houseId) conds.push(eq(persons.houseId, f.houseId));
  if (f.ageMin !== undefined) conds.push(sql`${persons.birthDate} <= ${yearsBefore(today, f.ageMin)}`);
  if (f.ageMax !== undefined) conds.push(sql`${persons.birthDate} > ${yearsBefore(today, f.ageMax + 1)}`);
  const plan = await planSearch(ctx, f.q ?? "", today);
  // the search's parts (e.g. full pinyin, then initials) together: any of them matches
  const parts = plan.parts.map((p) => p.cond);
  if (parts.length > 0 && parts.every((c) => c !== undefined)) conds.push(or(...parts));
  let where = and(...conds)!;
  if (plan.idSuffix) {
    // 5–6 character ID tails: finish the match on the clear values, as the list does
    const rows = await ctx.tx
      .select({ id: persons.id, idEnc: persons.idEnc })
      .from(persons)
      .where(where)
      .limit(TAIL_CANDIDATES);
    const ids = rows
      .filter((r) => openValue(ctx.keyring, r.idEnc)?.endsWith(plan.idSuffix!))
      .map((r) => r.id);
    where = ids.length ? inArray(persons.id, ids) : sql`false`;
  }
  const [counted] = await ctx.tx
    .select({ n: sql<number>`count(*)` })
    .from(persons)
    .where(where);
  const count = Number(counted?.n ?? 0);
  if (count > EXPORT_MAX)
    throw unprocessable(
      "EXPORT_TOO_LARGE",
      `符合条件的人员有 ${count} 人，单次最多导出 ${EXPORT_MAX} 人：请缩小范围（区域、类型等）`,
      `${count} persons match; one export holds at most ${EXPORT_MAX}: narrow the filters (area, type…)`,
    );
  const t = toLocal(ctx.clock.now(), ctx.services.config.timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  const at = `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
  const who = `${ctx.actor.displayName}（${ctx.actor.username}）`;
  await recordAudit(ctx, {
    action: "registry.exported",
    subjectType: "persons",
    after: { kind: "persons", filters: { ...f }, rows: count, format: "xlsx" },
  });
  return {
    where,
    count,
    today,
    watermark: `导出人 ${who} ${at} 仅限工作使用`,
    creator: `Pingan 平安 · 导出人 ${who} ${at}`,
    fileName: `人员_${t.year}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}.xlsx`,
  };
}

function age(birth: string | null, today: string): number | null {
  if (!birth) return null;
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

const escapeHeaderFooter = (s: string) => s.replace(/&/g, "&&");

/** The export as an xlsx stream; reads a page of persons at a time, so memory stays flat. */
export function streamPersonsXlsx(services: Services, p: PreparedExport): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = p.creator;
  wb.lastModifiedBy = p.creator;
  wb.description = p.watermark;
  const mark = escapeHeaderFooter(p.watermark);
  const ws = wb.addWorksheet("人员", {
    headerFooter: {
      oddHeader: `&C${mark}`,
      oddFooter: `&L${mark}&R&P / &N`,
      evenHeader: `&C${mark}`,
      evenFooter: `&L${mark}&R&P / &N`,
    },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const markRow = ws.addRow([p.watermark]);
  markRow.font = { bold: true, color: { argb: "FFC00000" } };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  markRow.commit();
  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  void (async () => {
    let after: string | null = null;
    for (;;) {
      const rows: Awaited<ReturnType<typeof page>> = await page(services, p.where, after);
      for (const r of rows) ws.addRow(line(r, p.today)).commit();
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}

function page(services: Services, where: SQL, after: string | null) {
  return services.db
    .select({
      id: persons.id,
      name: persons.name,
      docType: persons.docType,
      idMasked: persons.idMasked,
      sex: persons.sex,
      ethnicity: persons.ethnicity,
      birthDate: persons.birthDate,
      phoneMasked: persons.phoneMasked,
      hukouDivision: persons.hukouDivision,
      hukouAddress: persons.hukouAddress,
      currentAddress: persons.currentAddress,
      residentType: persons.residentType,
      floating: persons.floating,
      relation: householdMembers.relation,
      householdCode: households.code,
      areaCode: areas.code,
      areaName: areas.name,
    })
    .from(persons)
    .leftJoin(areas, eq(areas.id, persons.areaId))
    .leftJoin(
      householdMembers,
      and(eq(householdMembers.personId, persons.id), isNull(householdMembers.leftOn)),
    )
    .leftJoin(households, eq(households.id, householdMembers.householdId))
    .where(after ? and(where, gt(persons.id, after)) : where)
    .orderBy(asc(persons.id))
    .limit(PAGE);
}

type Line = Awaited<ReturnType<typeof page>>[number];

function line(r: Line, today: string): (string | number | null)[] {
  const f = (r.floating ?? {}) as Record<string, string | undefined>;
  return [
    r.name,
    DOCUMENT_TYPE_INFO[r.docType as DocumentType]?.zh ?? r.docType,
    r.idMasked,
    r.sex ? (codeLabel("sex", r.sex, "zh") ?? r.sex) : null,
    r.ethnicity ? (codeLabel("ethnicity", r.ethnicity, "zh") ?? r.ethnicity) : null,
    age(r.birthDate, today),
    r.phoneMasked,
    r.hukouDivision,
    r.hukouAddress,
    r.currentAddress,
    RESIDENT[r.residentType] ?? r.residentType,
    f.reason ? (codeLabel("migration-reason", f.reason, "zh") ?? f.reason) : null,
    f.permitType ? (codeLabel("permit-type", f.permitType, "zh") ?? f.permitType) : null,
    f.registeredOn ?? null,
    f.permitExpiresOn ?? null,
    r.relation ? (codeLabel("household-relation", r.relation, "zh") ?? r.relation) : null,
    r.householdCode,
    r.areaCode,
    r.areaName,
  ];
}
