import { and, eq, inArray, ne } from "drizzle-orm";
import { systemActor } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import { makeCtx, type Ctx } from "../../core/context";
import { invalid, notFound } from "../../core/errors";
import { sha256 } from "../../core/files";
import { enqueueJob, type JobHandler } from "../../core/jobs";
import { normalizeChinesePhone } from "../../core/privacy";
import { areas, eventImports } from "../../db/schema";
import { strictCsvRecords } from "../../core/csv";
import { leafCategory, loadEventConfig } from "./event-config";
import { URGENCIES, type Source, type Urgency } from "./event-config-types";
import { importInvalid } from "./events.errors";
import { reportEvent } from "./report-event";

/** The feeds a plain CSV import accepts (the ingest module will bring the rest). */
export const FEED_SOURCES = ["hotline_12345", "police_110"] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

const BATCH = 200;
const MAX_ROWS = 50_000;
const COLUMNS = [
  "sourceRef",
  "category",
  "description",
  "title",
  "urgency",
  "lat",
  "lng",
  "areaCode",
  "address",
  "reporterName",
  "reporterPhone",
  "reportedAt",
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>> & { line: number };

export interface ImportError {
  row: number;
  field: string;
  zh: string;
  en: string;
}

export interface ImportView {
  id: string;
  source: string;
  status: string;
  totalRows: number;
  processedRows: number;
  errors: unknown;
  createdAt: string;
  finishedAt: string | null;
}

const view = (r: typeof eventImports.$inferSelect): ImportView => ({
  id: r.id,
  source: r.source,
  status: r.status,
  totalRows: r.totalRows,
  processedRows: r.processedRows,
  errors: r.errors ?? null,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** Rows keyed by the header's column names (unknown columns are ignored, required ones checked). */
function rowsOf(bytes: Buffer): { rows: Row[]; errors: ImportError[] } {
  let records;
  try {
    records = strictCsvRecords(bytes.toString("utf8"));
  } catch (e) {
    return {
      rows: [],
      errors: [{ row: 0, field: "file", zh: "CSV 格式错误：引号未闭合", en: (e as Error).message }],
    };
  }
  const [header, ...body] = records;
  if (!header)
    return { rows: [], errors: [{ row: 1, field: "file", zh: "文件为空", en: "The file is empty" }] };
  const names = header.fields.map((h) => h.trim());
  const missing = (["sourceRef", "category", "description"] as const).filter((c) => !names.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: [
        {
          row: 1,
          field: missing.join(","),
          zh: `缺少列：${missing.join("、")}`,
          en: `Missing columns: ${missing.join(", ")}`,
        },
      ],
    };
  const rows = body.map((r) => {
    const row: Row = { line: r.line };
    names.forEach((n, i) => {
      if ((COLUMNS as readonly string[]).includes(n) && r.fields[i]?.trim())
        row[n as Column] = r.fields[i]!.trim();
    });
    return row;
  });
  return { rows, errors: [] };
}

/** Every problem of every row, before anything is imported (a bad row imports nothing). */
async function checkRows(ctx: Ctx, rows: Row[]): Promise<ImportError[]> {
  const config = await loadEventConfig(ctx.tx);
  const errors: ImportError[] = [];
  const err = (row: number, field: string, zh: string, en: string) => errors.push({ row, field, zh, en });
  if (rows.length === 0) err(1, "file", "没有数据行", "The file has no data rows");
  if (rows.length > MAX_ROWS)
    err(1, "file", `一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per file`);
  const codes = [...new Set(rows.map((r) => r.areaCode).filter((c): c is string => !!c))];
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const found = await ctx.tx
      .select({ code: areas.code })
      .from(areas)
      .where(inArray(areas.code, codes.slice(i, i + 1000)));
    for (const f of found) known.add(f.code);
  }
  const refs = new Map<string, number>();
  const now = ctx.clock.now().getTime();
  for (const r of rows) {
    const n = r.line;
    if (!r.sourceRef) err(n, "sourceRef", "缺少来源编号", "sourceRef is missing");
    else if (r.sourceRef.length > 100) err(n, "sourceRef", "来源编号过长", "sourceRef is too long");
    else if (refs.has(r.sourceRef))
      err(n, "sourceRef", `与第 ${refs.get(r.sourceRef)} 行重复`, `Repeats row ${refs.get(r.sourceRef)}`);
    else refs.set(r.sourceRef, n);
    if (!r.category || !leafCategory(config, r.category))
      err(n, "category", `类别 ${r.category ?? ""} 无效`, `Unknown or non-leaf category ${r.category ?? ""}`);
    if (!r.description) err(n, "description", "缺少内容", "description is missing");
    else if (r.description.length > 5000) err(n, "description", "内容过长", "description is too long");
    if (r.title && r.title.length > 200) err(n, "title", "标题过长", "title is too long");
    if (r.urgency && !(URGENCIES as readonly string[]).includes(r.urgency))
      err(
        n,
        "urgency",
        "紧急程度应为 normal、urgent 或 critical",
        "urgency must be normal, urgent or critical",
      );
    const hasPoint = r.lat !== undefined || r.lng !== undefined;
    if (hasPoint) {
      const lat = Number(r.lat);
      const lng = Number(r.lng);
      if (r.lat === undefined || r.lng === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180))
        err(n, "lat", "坐标无效（须同时有 lat、lng）", "Invalid coordinates (both lat and lng are needed)");
    }
    if (r.areaCode && !known.has(r.areaCode))
      err(n, "areaCode", `区域 ${r.areaCode} 不存在`, `No area ${r.areaCode}`);
    if (!hasPoint && !r.areaCode && !r.address)
      err(n, "address", "须有坐标、区域编码或地址之一", "Give coordinates, an area code or an address");
    if (r.reporterPhone && !normalizeChinesePhone(r.reporterPhone))
      err(n, "reporterPhone", "电话号码格式不正确", "Not a mainland mobile or landline number");
    if (r.reportedAt) {
      const t = Date.parse(r.reportedAt);
      if (Number.isNaN(t)) err(n, "reportedAt", "时间格式不正确（ISO 8601）", "Not an ISO 8601 time");
      else if (t > now + 300_000) err(n, "reportedAt", "时间不能晚于现在", "The time is in the future");
    }
  }
  return errors;
}

/**
 * Starts a feed import (12345 tickets, 110 non-police incidents): every row is checked first and a
 * file with any bad row imports nothing (422 lists them by line). A good file is kept and loaded in
 * batches by a job, resumably; rows already imported (same source and sourceRef) are skipped, and the
 * same file again returns the same import.
 */
export async function startImport(ctx: Ctx, source: string, bytes: Buffer): Promise<ImportView> {
  authorize(ctx.actor, "event.import");
  if (!(FEED_SOURCES as readonly string[]).includes(source))
    throw invalid(
      "source",
      "来源须为 hotline_12345 或 police_110",
      "source must be hotline_12345 or police_110",
    );
  const { rows, errors: parseErrors } = rowsOf(bytes);
  const errors = parseErrors.length ? parseErrors : await checkRows(ctx, rows);
  if (errors.length) throw importInvalid(errors);
  const digest = sha256(bytes);
  const [prior] = await ctx.tx
    .select()
    .from(eventImports)
    .where(
      and(
        eq(eventImports.fileDigest, digest),
        eq(eventImports.source, source),
        ne(eventImports.status, "failed"),
      ),
    );
  if (prior) return view(prior);
  await ctx.services.files.put(digest, bytes, "text/csv");
  const [row] = await ctx.tx
    .insert(eventImports)
    .values({
      source,
      fileDigest: digest,
      status: "pending",
      totalRows: rows.length,
      processedRows: 0,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  await enqueueJob(ctx.tx, {
    kind: "events.import",
    payload: { importId: row!.id, from: 0 },
    runAt: ctx.clock.now(),
    dedupeKey: `events.import:${row!.id}:0`,
  });
  await recordAudit(ctx, {
    action: "event.import_started",
    subjectType: "event_import",
    subjectId: row!.id,
    after: { source, rows: rows.length, digest },
  });
  return view(row!);
}

/** An import's progress (the importer, or an administrator). */
export async function readImport(ctx: Ctx, id: string): Promise<ImportView> {
  authorize(ctx.actor, "event.import");
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.tx.select().from(eventImports).where(eq(eventImports.id, id))
    : [];
  if (!row || (row.createdBy !== ctx.actor.userId && !ctx.actor.roles.includes("admin")))
    throw notFound({ zh: "导入", en: "import" });
  return view(row);
}

/** The import job: loads the next batch of rows as events, records progress, queues the next batch. */
export const importJob: JobHandler = async (services, tx, job) => {
  const importId = String(job.payload.importId);
  const [imp] = await tx.select().from(eventImports).where(eq(eventImports.id, importId)).for("update");
  if (!imp || imp.finishedAt) return;
  const bytes = await services.files.get(imp.fileDigest);
  const now = services.clock.now();
  if (!bytes) {
    await tx
      .update(eventImports)
      .set({
        status: "failed",
        errors: [{ row: 0, field: "file", en: "The stored file is missing" }],
        finishedAt: now,
      })
      .where(eq(eventImports.id, imp.id));
    return;
  }
  const { rows } = rowsOf(bytes);
  const batch = rows.slice(imp.processedRows, imp.processedRows + BATCH);
  const ctx = makeCtx(services, { actor: systemActor, requestId: `job:${job.id}` }, tx);
  const failures: { row: number; error: string }[] = [];
  for (const r of batch) {
    try {
      // a savepoint per row: one row failing (e.g. its category retired since the check) spares the rest
      await tx.transaction(async (sp) => {
        await reportEvent(
          { ...ctx, tx: sp },
          {
            category: r.category!,
            description: r.description!,
            title: r.title,
            urgency: (r.urgency as Urgency | undefined) ?? "normal",
            source: imp.source as Source,
            sourceRef: r.sourceRef!,
            lat: r.lat !== undefined ? Number(r.lat) : undefined,
            lng: r.lng !== undefined ? Number(r.lng) : undefined,
            areaCode: r.areaCode,
            address: r.address,
            reporter:
              r.reporterName || r.reporterPhone
                ? { name: r.reporterName, phone: r.reporterPhone }
                : undefined,
            reportedAt: r.reportedAt ? new Date(r.reportedAt) : undefined,
            createdBy: imp.createdBy,
          },
        );
      });
    } catch (e) {
      failures.push({ row: r.line, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const processed = imp.processedRows + batch.length;
  const done = processed >= rows.length;
  const errors = [...((imp.errors as unknown[] | null) ?? []), ...failures];
  await tx
    .update(eventImports)
    .set({
      processedRows: processed,
      status: done ? (errors.length ? "done_with_errors" : "done") : "running",
      errors: errors.length ? errors : null,
      finishedAt: done ? now : null,
    })
    .where(eq(eventImports.id, imp.id));
  if (!done)
    await enqueueJob(tx, {
      kind: "events.import",
      payload: { importId: imp.id, from: processed },
      runAt: now,
      dedupeKey: `events.import:${imp.id}:${processed}`,
    });
};
