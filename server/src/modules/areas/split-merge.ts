import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { unprocessable } from "../../core/errors";
import { localDate } from "../../core/time";
import type { Executor } from "../../db/database";
import { areas, gridTeamMembers, policeDistrictGrids, userScopes } from "../../db/schema";
import * as repo from "./areas.repo";
import { codeConflict, importInvalid } from "./areas.errors";
import { geometryToWgs84, type Crs } from "./geo/crs";
import type { AreaGeometry } from "./geo/geojson";
import { labelPoint } from "./geo/label-point";
import { PreparedGeometry } from "./geo/point-in-polygon";
import { validateFeatureCollection } from "./geo/validate";
import { getInScope, history, rewriteSubtree } from "./edit-area";
import { bumpAreasVersion, locatorFor } from "./locator";

const childrenOf = (tx: Executor, id: string) => tx.select().from(areas).where(eq(areas.parentId, id));

/** Points what referred to `from` (scopes, team places, police mapping) at `to`, without duplicates. */
async function repoint(tx: Executor, from: string, to: string) {
  await tx.execute(sql`delete from user_scopes s where s.area_id = ${from}
    and exists (select 1 from user_scopes t where t.user_id = s.user_id and t.area_id = ${to})`);
  await tx.update(userScopes).set({ areaId: to }).where(eq(userScopes.areaId, from));
  await tx.update(gridTeamMembers).set({ areaId: to }).where(eq(gridTeamMembers.areaId, from));
  const mapped = await tx.select().from(policeDistrictGrids).where(eq(policeDistrictGrids.areaId, from));
  if (mapped[0])
    await tx
      .insert(policeDistrictGrids)
      .values({ areaId: to, policeDistrictId: mapped[0].policeDistrictId })
      .onConflictDoNothing();
  await tx.delete(policeDistrictGrids).where(eq(policeDistrictGrids.areaId, from));
}

export interface SplitPart {
  code: string;
  name: string;
  geometry: unknown;
}

/**
 * Splits an area into new siblings of the same level. Each child moves to the part that contains
 * its label point (else the first part); scopes, team places and the police mapping go to the part
 * containing the old area's label point. The old area is retired, not deleted: records keep it.
 */
export async function splitArea(ctx: Ctx, code: string, parts: SplitPart[], crs: Crs = "wgs84") {
  const area = await getInScope(ctx, code);
  if (!area.parentId)
    throw unprocessable("AREA_ROOT", "不能拆分顶级区域", "A top-level area cannot be split", "code");
  if (parts.length < 2)
    throw unprocessable("SPLIT_PARTS", "拆分至少需要两个部分", "A split needs at least two parts", "parts");
  const report = validateFeatureCollection(
    {
      type: "FeatureCollection",
      features: parts.map((p) => ({
        type: "Feature",
        properties: { code: p.code, name: p.name },
        geometry: p.geometry,
      })),
    },
    { codeProp: "code", nameProp: "name" },
  );
  if (report.errors.length) throw importInvalid(report.errors);
  const taken = await repo.findByCodes(
    ctx.tx,
    parts.map((p) => p.code),
  );
  if (taken.length) throw codeConflict(taken.map((a) => a.code));
  const parent = (await ctx.tx.select().from(areas).where(eq(areas.id, area.parentId)))[0]!;
  const now = ctx.clock.now();
  const created: repo.AreaRow[] = [];
  for (const f of report.features) {
    const geometry = geometryToWgs84(f.geometry, crs);
    const center = labelPoint(geometry);
    const [row] = await repo.insert(ctx.tx, [
      {
        code: f.code,
        name: f.name,
        level: area.level,
        parentId: parent.id,
        path: repo.childPath(parent.path, f.code),
        geometry,
        centerLat: center.lat,
        centerLng: center.lng,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    created.push(row!);
    await history(ctx, row!.id, "split", { from: area.code }, { code: f.code, name: f.name });
  }
  const shapes = created.map((c) => new PreparedGeometry(c.geometry as AreaGeometry));
  const partFor = (lat: number | null, lng: number | null) => {
    const i = lat === null || lng === null ? -1 : shapes.findIndex((s) => s.contains(lng, lat));
    return created[Math.max(0, i)]!;
  };
  for (const child of await childrenOf(ctx.tx, area.id))
    await rewriteSubtree(ctx, child, partFor(child.centerLat, child.centerLng));
  await repoint(ctx.tx, area.id, partFor(area.centerLat, area.centerLng).id);
  const today = localDate(now, ctx.services.config.timeZone);
  await ctx.tx.update(areas).set({ validTo: today, updatedAt: now }).where(eq(areas.id, area.id));
  await history(
    ctx,
    area.id,
    "split",
    { code: area.code },
    { parts: created.map((c) => c.code), retiredOn: today },
  );
  await bumpAreasVersion(ctx.tx);
  await recordAudit(ctx, {
    action: "area.split",
    subjectType: "area",
    subjectId: area.code,
    before: { code: area.code },
    after: { parts: created.map((c) => c.code) },
  });
  locatorFor(ctx.services).invalidate();
  return { parts: created.map((c) => ({ code: c.code, name: c.name })), retired: area.code };
}

/**
 * Merges sibling areas into one of them: its polygon becomes the union of their polygons (as a
 * MultiPolygon), the others' children and references move to it, and the others are retired.
 */
export async function mergeAreas(ctx: Ctx, codes: string[], into: string) {
  const unique = [...new Set(codes)];
  if (!unique.includes(into) || unique.length < 2)
    throw unprocessable(
      "MERGE_INPUT",
      "合并需要至少两个区域，且目标须在其中",
      "A merge needs two or more areas including the target",
      "into",
    );
  const list = await repo.findByCodes(ctx.tx, unique);
  if (list.length !== unique.length)
    throw unprocessable("UNKNOWN_AREA", "有区域不存在", "Some areas do not exist", "codes");
  for (const a of list) authorize(ctx.actor, "area.edit", { areaPath: a.path }, { zh: "区域", en: "area" });
  const survivor = list.find((a) => a.code === into)!;
  if (list.some((a) => a.parentId !== survivor.parentId || a.level !== survivor.level))
    throw unprocessable(
      "MERGE_NOT_SIBLINGS",
      "只能合并同一上级下同层级的区域",
      "Only areas of one level under one parent can merge",
      "codes",
    );
  const others = list.filter((a) => a.id !== survivor.id);
  const polygons = list.flatMap((a) => {
    const g = a.geometry as AreaGeometry | null;
    return !g ? [] : g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  });
  const geometry: AreaGeometry | null = polygons.length
    ? { type: "MultiPolygon", coordinates: polygons }
    : null;
  const center = geometry ? labelPoint(geometry) : null;
  const now = ctx.clock.now();
  const today = localDate(now, ctx.services.config.timeZone);
  await ctx.tx
    .update(areas)
    .set({ geometry, centerLat: center?.lat ?? null, centerLng: center?.lng ?? null, updatedAt: now })
    .where(eq(areas.id, survivor.id));
  for (const other of others) {
    for (const child of await childrenOf(ctx.tx, other.id)) await rewriteSubtree(ctx, child, survivor);
    await repoint(ctx.tx, other.id, survivor.id);
    await history(ctx, other.id, "merged", { code: other.code }, { into: survivor.code, retiredOn: today });
  }
  await ctx.tx
    .update(areas)
    .set({ validTo: today, updatedAt: now })
    .where(
      and(
        inArray(
          areas.id,
          others.map((o) => o.id),
        ),
      ),
    );
  await history(
    ctx,
    survivor.id,
    "merged",
    { geometry: survivor.geometry },
    { absorbed: others.map((o) => o.code) },
  );
  await bumpAreasVersion(ctx.tx);
  await recordAudit(ctx, {
    action: "area.merged",
    subjectType: "area",
    subjectId: survivor.code,
    before: { areas: unique },
    after: { area: survivor.code },
  });
  locatorFor(ctx.services).invalidate();
  return { area: { code: survivor.code, name: survivor.name }, retired: others.map((o) => o.code) };
}
