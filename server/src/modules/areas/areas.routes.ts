import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { authorize, can, scopeCondition } from "../../core/authorize";
import type { Actor } from "../../core/actor";
import { notFound } from "../../core/errors";
import { areas as areasTable } from "../../db/schema";
import * as repo from "./areas.repo";
import { CRS_VALUES, toWgs84, type Crs } from "./geo/crs";
import { activeArea, locatorFor } from "./locator";
import { localDate } from "../../core/time";
import { AreaLevel } from "./areas.schema";
import { importAreas, type Level } from "./import-areas";
import { AreaCodeParams, AreaSummary, AreaView, ListAreasQuery } from "./areas.schema";

const AREA = { zh: "区域", en: "area" };

const present = (a: repo.AreaRow, parentCode: string | null, actor: Actor) => ({
  code: a.code,
  name: a.name,
  level: a.level,
  path: a.path,
  parent: parentCode,
  center: a.centerLat !== null && a.centerLng !== null ? { lat: a.centerLat, lng: a.centerLng } : null,
  geometry: a.geometry ?? null,
  warnings: can(actor, "area.edit", { areaPath: a.path }) ? (a.warnings ?? null) : null,
  can: {
    edit: can(actor, "area.edit", { areaPath: a.path }),
    import: can(actor, "area.import", { areaPath: a.path }),
    viewTeam: a.level === "grid" && can(actor, "team.read", { areaPath: a.path }),
    manageTeam: a.level === "grid" && can(actor, "team.manage", { areaPath: a.path }),
  },
});

const parentOf = (path: string) => path.split("/").filter(Boolean).at(-2) ?? null;

/** Reading the area hierarchy, scoped to the actor's areas. */
export async function areasRoutes(app: FastifyTypebox) {
  const today = () => localDate(app.services.clock.now(), app.services.config.timeZone);
  app.get(
    "/api/areas/:code/geojson",
    {
      schema: {
        tags: ["areas"],
        summary: "An area and its descendants (down to `depth` levels below) as a GeoJSON FeatureCollection",
        params: AreaCodeParams,
        querystring: Type.Object({ depth: Type.Integer({ minimum: 0, maximum: 6, default: 6 }) }),
      },
    },
    async (req) => {
      const actor = req.actor();
      const area = await repo.findByCode(app.services.db, req.params.code);
      if (!area) throw notFound(AREA);
      authorize(actor, "area.read", { areaPath: area.path }, AREA);
      const rows = await repo.subtree(app.services.db, area, req.query.depth, activeArea(today()));
      return {
        type: "FeatureCollection",
        // areas without a polygon stay in, with null geometry (valid GeoJSON), so counts are complete
        features: rows.map((r) => ({
          type: "Feature",
          id: r.code,
          geometry: r.geometry ?? null,
          properties: {
            code: r.code,
            name: r.name,
            level: r.level,
            path: r.path,
            parent: parentOf(r.path),
            centerLat: r.centerLat,
            centerLng: r.centerLng,
          },
        })),
      };
    },
  );

  app.post(
    "/api/areas/import",
    {
      bodyLimit: 256 * 1024 * 1024, // a city's boundaries run to tens of megabytes
      schema: {
        tags: ["areas"],
        summary: "Import a GeoJSON FeatureCollection as areas of one level (admin); all or nothing",
        querystring: Type.Object({
          level: AreaLevel,
          parent: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          codeProp: Type.String({ minLength: 1, maxLength: 100 }),
          nameProp: Type.String({ minLength: 1, maxLength: 100 }),
          strict: Type.Boolean({ default: false }),
          crs: Type.Union(
            CRS_VALUES.map((c) => Type.Literal(c)),
            { default: "wgs84" },
          ),
        }),
        body: Type.Unknown(),
      },
    },
    async (req) => {
      const q = req.query;
      return req.withCtx((ctx) =>
        importAreas(ctx, {
          level: q.level as Level,
          parentCode: q.parent,
          codeProp: q.codeProp,
          nameProp: q.nameProp,
          strict: q.strict,
          crs: q.crs as Crs,
          body: req.body,
        }),
      );
    },
  );

  app.get(
    "/api/areas/locate",
    {
      schema: {
        tags: ["areas"],
        summary:
          "The smallest area containing a point (null outside every area); on a shared edge the lower code",
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          crs: Type.Union(
            CRS_VALUES.map((c) => Type.Literal(c)),
            { default: "wgs84" },
          ),
        }),
        response: { 200: Type.Object({ area: Type.Union([AreaSummary, Type.Null()]) }) },
      },
    },
    async (req) => {
      authorize(req.actor(), "area.locate");
      const [lng, lat] = toWgs84(req.query.lng, req.query.lat, req.query.crs as Crs);
      const found = await locatorFor(app.services).locate(lng, lat);
      return {
        area: found ? { code: found.code, name: found.name, level: found.level, path: found.path } : null,
      };
    },
  );

  app.get(
    "/api/map/config",
    {
      schema: {
        tags: ["areas"],
        summary:
          "The console map's basemap (null: polygons on a plain background, nothing fetched from outside)",
        response: {
          200: Type.Object({
            basemap: Type.Union([
              Type.Object({
                tiles: Type.Array(Type.String()),
                crs: Type.String(),
                attribution: Type.String(),
                maxZoom: Type.Integer(),
              }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (req) => {
      authorize(req.actor(), "area.read");
      return { basemap: app.services.config.basemap };
    },
  );

  app.get(
    "/api/areas",
    {
      schema: {
        tags: ["areas"],
        summary: "List areas in scope (children of a parent, or of a level)",
        querystring: ListAreasQuery,
        response: { 200: Type.Object({ items: Type.Array(AreaSummary) }) },
      },
    },
    async (req) => {
      const actor = req.actor();
      authorize(actor, "area.read");
      let parentId: string | undefined;
      if (req.query.parent) {
        const parent = await repo.findByCode(app.services.db, req.query.parent);
        if (!parent) throw notFound(AREA, "parent");
        authorize(actor, "area.read", { areaPath: parent.path }, AREA);
        parentId = parent.id;
      }
      const rows = await repo.list(app.services.db, {
        scope: scopeCondition(actor, areasTable.path),
        parentId,
        level: req.query.level,
        limit: req.query.limit,
        offset: req.query.offset,
        active: activeArea(today()),
      });
      return { items: rows.map(repo.toRef).map(({ id: _id, ...a }) => a) };
    },
  );

  app.get(
    "/api/areas/:code",
    {
      schema: {
        tags: ["areas"],
        summary: "One area with its geometry and label point",
        params: AreaCodeParams,
        response: { 200: AreaView },
      },
    },
    async (req) => {
      const actor = req.actor();
      const area = await repo.findByCode(app.services.db, req.params.code);
      if (!area) throw notFound(AREA);
      authorize(actor, "area.read", { areaPath: area.path }, AREA);
      return present(area, parentOf(area.path), actor);
    },
  );
}
