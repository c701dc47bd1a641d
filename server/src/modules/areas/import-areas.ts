import crypto from "node:crypto";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { localDate } from "../../core/time";
import { siblingWarnings } from "./sibling-checks";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { unprocessable } from "../../core/errors";
import { areaChanges, areaImports, areas } from "../../db/schema";
import * as repo from "./areas.repo";
import { codeConflict, importInvalid, importWarningsStrict, levelOrder } from "./areas.errors";
import { geometryToWgs84, type Crs } from "./geo/crs";
import type { AreaGeometry } from "./geo/geojson";
import { labelPoint } from "./geo/label-point";
import { validateFeatureCollection, type Problem } from "./geo/validate";
import { activeArea, bumpAreasVersion, locatorFor } from "./locator";
import { stableStringify } from "../../core/audit";

/** Levels from the top; a child's level must come after its parent's. */
export const LEVEL_ORDER = ["district", "street", "grid_layer", "community", "grid", "micro_grid"] as const;
export type Level = (typeof LEVEL_ORDER)[number];

export interface ImportAreasInput {
  level: Level;
  parentCode?: string;
  codeProp: string;
  nameProp: string;
  strict: boolean;
  crs: Crs;
  body: unknown;
}

export interface ImportReport {
  importId: string;
  features: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: Problem[];
}

const BATCH = 500;

/**
 * Imports a GeoJSON FeatureCollection as areas of one level under a parent, all or nothing.
 * Unusable polygons refuse the whole file (422 listing each problem); warnings are kept with the
 * areas, or refuse it when strict. Re-importing the same file changes nothing; a changed polygon
 * or name is updated and kept in the area's history.
 */
export async function importAreas(ctx: Ctx, input: ImportAreasInput): Promise<ImportReport> {
  authorize(ctx.actor, "area.import");
  let parent: repo.AreaRow | undefined;
  if (input.parentCode) {
    parent = await repo.findByCode(ctx.tx, input.parentCode);
    if (!parent)
      throw unprocessable(
        "UNKNOWN_PARENT",
        `上级区域 ${input.parentCode} 不存在`,
        `Parent area ${input.parentCode} does not exist`,
        "parent",
      );
    authorize(ctx.actor, "area.import", { areaPath: parent.path });
    if (LEVEL_ORDER.indexOf(parent.level as Level) >= LEVEL_ORDER.indexOf(input.level))
      throw levelOrder(parent.level, input.level);
  }
  if (!ctx.services.config.areaLevels.includes(input.level))
    throw unprocessable(
      "AREA_LEVEL_UNUSED",
      `本部署未启用层级 ${input.level}（启用：${ctx.services.config.areaLevels.join("、")}）`,
      `This deployment does not use the level ${input.level} (it uses ${ctx.services.config.areaLevels.join(", ")})`,
      "level",
    );
  const report = validateFeatureCollection(input.body, {
    codeProp: input.codeProp,
    nameProp: input.nameProp,
    parent: parent?.geometry ? { code: parent.code, geometry: parent.geometry as AreaGeometry } : undefined,
  });
  if (report.errors.length > 0) throw importInvalid(report.errors);
  const fileCodes = new Set(report.features.map((f) => f.code));
  const siblings = (
    await ctx.tx
      .select({ code: areas.code, geometry: areas.geometry })
      .from(areas)
      .where(
        and(
          parent ? eq(areas.parentId, parent.id) : isNull(areas.parentId),
          isNotNull(areas.geometry),
          activeArea(localDate(ctx.clock.now(), ctx.services.config.timeZone)),
        ),
      )
  ).filter((r) => !fileCodes.has(r.code));
  report.warnings.push(
    ...siblingWarnings(
      report.features,
      siblings.map((r) => ({ code: r.code, geometry: r.geometry as AreaGeometry })),
      parent?.geometry ? { code: parent.code, geometry: parent.geometry as AreaGeometry } : undefined,
    ),
  );
  if (input.strict && report.warnings.length > 0) throw importWarningsStrict(report.warnings);

  const features = report.features.map((f) => ({ ...f, geometry: geometryToWgs84(f.geometry, input.crs) }));
  const existing = new Map<string, repo.AreaRow>();
  const codes = features.map((f) => f.code);
  for (let i = 0; i < codes.length; i += BATCH)
    for (const row of await ctx.tx
      .select()
      .from(areas)
      .where(inArray(areas.code, codes.slice(i, i + BATCH))))
      existing.set(row.code, row);
  const conflicts = [...existing.values()]
    .filter((a) => a.parentId !== (parent?.id ?? null))
    .map((a) => a.code);
  if (conflicts.length > 0) throw codeConflict(conflicts);

  const now = ctx.clock.now();
  const digest = crypto.createHash("sha256").update(stableStringify(input.body)).digest("hex");
  const warningsByIndex = new Map<number, Problem[]>();
  for (const w of report.warnings)
    if (w.featureIndex !== null)
      warningsByIndex.set(w.featureIndex, [...(warningsByIndex.get(w.featureIndex) ?? []), w]);
  const [imp] = await ctx.tx
    .insert(areaImports)
    .values({
      level: input.level,
      parentId: parent?.id ?? null,
      codeProp: input.codeProp,
      nameProp: input.nameProp,
      crs: input.crs,
      strict: input.strict,
      fileDigest: digest,
      featureCount: features.length,
      warnings: report.warnings,
      createdBy: ctx.actor.userId,
      createdAt: now,
    })
    .returning();
  const importId = imp!.id;

  const toCreate: repo.NewArea[] = [];
  const changes: (typeof areaChanges.$inferInsert)[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const f of features) {
    const center = labelPoint(f.geometry);
    const warnings = warningsByIndex.get(f.index) ?? null;
    const old = existing.get(f.code);
    if (!old) {
      const id = crypto.randomUUID();
      toCreate.push({
        id,
        code: f.code,
        name: f.name,
        level: input.level,
        parentId: parent?.id ?? null,
        path: repo.childPath(parent?.path ?? null, f.code),
        geometry: f.geometry,
        centerLat: center.lat,
        centerLng: center.lng,
        warnings,
        importId,
        createdAt: now,
        updatedAt: now,
      });
      changes.push({
        areaId: id,
        kind: "imported",
        before: null,
        after: { name: f.name, level: input.level },
        importId,
        actorId: ctx.actor.userId,
        at: now,
      });
      continue;
    }
    const sameShape = stableStringify(old.geometry) === stableStringify(f.geometry);
    if (sameShape && old.name === f.name && old.level === input.level) {
      unchanged++;
      continue;
    }
    updated++;
    await ctx.tx
      .update(areas)
      .set({
        name: f.name,
        level: input.level,
        geometry: f.geometry,
        centerLat: center.lat,
        centerLng: center.lng,
        warnings,
        importId,
        updatedAt: now,
      })
      .where(eq(areas.id, old.id));
    changes.push({
      areaId: old.id,
      kind: sameShape ? "renamed" : "redrawn",
      before: { name: old.name, geometry: sameShape ? undefined : old.geometry },
      after: { name: f.name },
      importId,
      actorId: ctx.actor.userId,
      at: now,
    });
  }
  for (let i = 0; i < toCreate.length; i += BATCH) await repo.insert(ctx.tx, toCreate.slice(i, i + BATCH));
  for (let i = 0; i < changes.length; i += BATCH)
    await ctx.tx.insert(areaChanges).values(changes.slice(i, i + BATCH));
  await ctx.tx
    .update(areaImports)
    .set({ created: toCreate.length, updated, unchanged })
    .where(eq(areaImports.id, importId));
  if (toCreate.length + updated > 0) await bumpAreasVersion(ctx.tx);
  await recordAudit(ctx, {
    action: "area.imported",
    subjectType: "area_import",
    subjectId: importId,
    after: {
      level: input.level,
      parent: parent?.code ?? null,
      features: features.length,
      created: toCreate.length,
      updated,
      unchanged,
      warnings: report.warnings.length,
    },
  });
  locatorFor(ctx.services).invalidate();
  return {
    importId,
    features: features.length,
    created: toCreate.length,
    updated,
    unchanged,
    warnings: report.warnings,
  };
}
