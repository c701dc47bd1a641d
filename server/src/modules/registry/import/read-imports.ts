/**
 * Reading imports: one with its problems (row numbers as the spreadsheet shows them), or a list.
 * An import is visible to whoever started it and to importers whose scope holds its default area
 * (administrators of the whole deployment see all).
 */
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../../core/actor";
import { authorize, can, scopeCondition } from "../../../core/authorize";
import type { Ctx } from "../../../core/context";
import { notFound, type Message } from "../../../core/errors";
import { areas, registryImports } from "../../../db/schema";
import type { RowProblem } from "./columns";
import * as repo from "./import.repo";

export const IMPORT: Message = { zh: "导入记录", en: "import" };

export interface ImportErrors {
  total: number;
  items: RowProblem[];
  ignoredColumns?: string[];
  failure?: string;
}

export function mayRead(actor: Actor, imp: repo.ImportWithArea): boolean {
  if (!can(actor, "registry.import")) return false;
  if (imp.createdBy !== null && imp.createdBy === actor.userId) return true;
  if (actor.allAreas) return true;
  return imp.areaPath !== null && can(actor, "registry.import", { areaPath: imp.areaPath });
}

/** An import as lists show it. */
export function presentImport(imp: repo.ImportWithArea) {
  const errors = (imp.errors ?? { total: 0, items: [] }) as ImportErrors;
  return {
    id: imp.id,
    kind: imp.kind,
    status: imp.status,
    fileName: imp.fileName,
    fileDigest: imp.fileDigest,
    area: imp.areaCode ? { code: imp.areaCode, name: imp.areaName ?? imp.areaCode } : null,
    totalRows: imp.totalRows,
    processedRows: imp.processedRows,
    counts: { created: imp.created, updated: imp.updated, unchanged: imp.unchanged },
    problemCount: errors.total,
    createdBy: imp.createdBy ? { id: imp.createdBy, name: imp.createdByName ?? "" } : null,
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt ? imp.finishedAt.toISOString() : null,
    can: { downloadErrors: imp.status === "invalid" && errors.items.length > 0 },
  };
}

/** An import with its stored problems (the first 1,000, by row). */
export function presentImportDetail(imp: repo.ImportWithArea) {
  const errors = (imp.errors ?? { total: 0, items: [] }) as ImportErrors;
  return {
    ...presentImport(imp),
    errors: errors.items,
    errorsTruncated: errors.total > errors.items.length,
    ignoredColumns: errors.ignoredColumns ?? [],
    failure: errors.failure ?? null,
  };
}

/** The import the actor may read, or 404. */
export async function visibleImport(ctx: Ctx, id: string): Promise<repo.ImportWithArea> {
  authorize(ctx.actor, "registry.import");
  const imp = await repo.find(ctx.tx, id);
  if (!imp || !mayRead(ctx.actor, imp)) throw notFound(IMPORT);
  return imp;
}

/** One import with its problems. */
export async function readImport(ctx: Ctx, id: string) {
  return presentImportDetail(await visibleImport(ctx, id));
}

/** Imports the actor may read, newest first; `mine` keeps only their own. */
export async function listImports(
  ctx: Ctx,
  q: { mine?: boolean; kind?: string; status?: string; limit: number; offset: number },
) {
  authorize(ctx.actor, "registry.import");
  const own = ctx.actor.userId ? eq(registryImports.createdBy, ctx.actor.userId) : sql`false`;
  const scoped: SQL = ctx.actor.allAreas ? sql`true` : or(own, scopeCondition(ctx.actor, areas.path))!;
  const where = and(
    q.mine ? own : scoped,
    q.kind ? eq(registryImports.kind, q.kind) : undefined,
    q.status ? eq(registryImports.status, q.status) : undefined,
  )!;
  const rows = await repo.page(ctx.tx, where, q.limit, q.offset);
  return { items: rows.map((r) => presentImport(r)), limit: q.limit, offset: q.offset };
}
