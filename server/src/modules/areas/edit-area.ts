import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize, likePrefix } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound, unprocessable } from "../../core/errors";
import { areaChanges, areas } from "../../db/schema";
import * as repo from "./areas.repo";
import { importInvalid, levelOrder } from "./areas.errors";
import { geometryToWgs84, type Crs } from "./geo/crs";
import type { AreaGeometry } from "./geo/geojson";
import { labelPoint } from "./geo/label-point";
import { validateFeatureCollection } from "./geo/validate";
import { LEVEL_ORDER, type Level } from "./import-areas";
import { bumpAreasVersion, locatorFor } from "./locator";

const AREA = { zh: "区域", en: "area" };

export async function getInScope(ctx: Ctx, code: string): Promise<repo.AreaRow> {
  const area = await repo.findByCode(ctx.tx, code);
  if (!area) throw notFound(AREA);
  authorize(ctx.actor, "area.edit", { areaPath: area.path }, AREA);
  return area;
}

export async function history(ctx: Ctx, areaId: string, kind: string, before: unknown, after: unknown) {
  await ctx.tx
    .insert(areaChanges)
    .values({ areaId, kind, before, after, actorId: ctx.actor.userId, at: ctx.clock.now() });
}

/** Checks one geometry as the importer would and converts it to WGS84. */
export function checkedGeometry(geometry: unknown, crs: Crs): AreaGeometry {
  const report = validateFeatureCollection(
    {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { code: "x", name: "x" }, geometry }],
    },
    { codeProp: "code", nameProp: "name" },
  );
  if (report.errors.length > 0) throw importInvalid(report.errors);
  return geometryToWgs84(report.features[0]!.geometry, crs);
}

export interface EditAreaInput {
  name?: string;
  geometry?: unknown;
  crs?: Crs;
  validFrom?: string | null;
  validTo?: string | null;
}

/** Renames or redraws an area; each change is kept in its history and the audit trail. */
export async function editArea(ctx: Ctx, code: string, input: EditAreaInput) {
  const area = await getInScope(ctx, code);
  const now = ctx.clock.now();
  const set: Partial<typeof areas.$inferInsert> = { updatedAt: now };
  if (input.name !== undefined && input.name !== area.name) {
    set.name = input.name;
    await history(ctx, area.id, "renamed", { name: area.name }, { name: input.name });
  }
  if (input.geometry !== undefined) {
    const geometry = checkedGeometry(input.geometry, input.crs ?? "wgs84");
    const center = labelPoint(geometry);
    Object.assign(set, { geometry, centerLat: center.lat, centerLng: center.lng, warnings: null });
    await history(ctx, area.id, "redrawn", { geometry: area.geometry }, { geometry });
  }
  if (input.validFrom !== undefined) set.validFrom = input.validFrom;
  if (input.validTo !== undefined) set.validTo = input.validTo;
  const [updated] = await ctx.tx.update(areas).set(set).where(eq(areas.id, area.id)).returning();
  if (set.geometry) await bumpAreasVersion(ctx.tx);
  await recordAudit(ctx, {
    action: "area.edited",
    subjectType: "area",
    subjectId: area.code,
    before: { name: area.name, validFrom: area.validFrom, validTo: area.validTo, redrawn: false },
    after: {
      name: updated!.name,
      validFrom: updated!.validFrom,
      validTo: updated!.validTo,
      redrawn: Boolean(set.geometry),
    },
  });
  locatorFor(ctx.services).invalidate();
  return updated!;
}

/** Re-parents an area: its path and every path below it follow (one UPDATE for the subtree). */
export async function rewriteSubtree(ctx: Ctx, area: repo.AreaRow, parent: repo.AreaRow) {
  const oldPath = area.path;
  const newPath = repo.childPath(parent.path, area.code);
  const prefix = likePrefix(oldPath);
  await ctx.tx
    .update(areas)
    .set({
      path: sql`${newPath} || substr(${areas.path}, ${oldPath.length + 1})`,
      updatedAt: ctx.clock.now(),
    })
    .where(sql`${areas.path} like ${prefix}`);
  await ctx.tx.update(areas).set({ parentId: parent.id }).where(eq(areas.id, area.id));
  return { oldPath, newPath };
}

/** Moves an area (with its whole subtree) under another parent; every path below follows. */
export async function moveArea(ctx: Ctx, code: string, parentCode: string) {
  const area = await getInScope(ctx, code);
  const parent = await repo.findByCode(ctx.tx, parentCode);
  if (!parent)
    throw unprocessable(
      "UNKNOWN_PARENT",
      `上级区域 ${parentCode} 不存在`,
      `Parent area ${parentCode} does not exist`,
      "parent",
    );
  authorize(ctx.actor, "area.edit", { areaPath: parent.path }, AREA);
  if (parent.path.startsWith(area.path))
    throw unprocessable(
      "AREA_MOVE_CYCLE",
      "不能把区域移到它自己或它的下级之下",
      "An area cannot move under itself or its own descendant",
      "parent",
    );
  if (LEVEL_ORDER.indexOf(parent.level as Level) >= LEVEL_ORDER.indexOf(area.level as Level))
    throw levelOrder(parent.level, area.level);
  const { oldPath, newPath } = await rewriteSubtree(ctx, area, parent);
  await history(ctx, area.id, "moved", { path: oldPath }, { path: newPath });
  await bumpAreasVersion(ctx.tx);
  await recordAudit(ctx, {
    action: "area.moved",
    subjectType: "area",
    subjectId: area.code,
    before: { path: oldPath },
    after: { path: newPath },
  });
  locatorFor(ctx.services).invalidate();
  return (await repo.findByCode(ctx.tx, code))!;
}

/** An area's history, newest first. */
export async function areaHistory(ctx: Ctx, code: string) {
  const area = await repo.findByCode(ctx.tx, code);
  if (!area) throw notFound(AREA);
  authorize(ctx.actor, "area.read", { areaPath: area.path }, AREA);
  const rows = await ctx.tx
    .select()
    .from(areaChanges)
    .where(eq(areaChanges.areaId, area.id))
    .orderBy(sql`${areaChanges.id} desc`);
  return rows.map((r) => ({
    kind: r.kind,
    before: r.before,
    after: r.after,
    importId: r.importId,
    actorId: r.actorId,
    at: r.at.toISOString(),
  }));
}
