import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { authorize, scopeCondition } from "../../core/authorize";
import { notFound } from "../../core/errors";
import { areas as areasTable } from "../../db/schema";
import * as repo from "./areas.repo";
import { AreaCodeParams, AreaSummary, AreaView, ListAreasQuery } from "./areas.schema";

const AREA = { zh: "区域", en: "area" };

const present = (a: repo.AreaRow, parentCode: string | null) => ({
  code: a.code,
  name: a.name,
  level: a.level,
  path: a.path,
  parent: parentCode,
  center: a.centerLat !== null && a.centerLng !== null ? { lat: a.centerLat, lng: a.centerLng } : null,
  geometry: a.geometry ?? null,
});

const parentOf = (path: string) => path.split("/").filter(Boolean).at(-2) ?? null;

/** Reading the area hierarchy, scoped to the actor's areas. */
export async function areasRoutes(app: FastifyTypebox) {
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
      const rows = await repo.subtree(app.services.db, area, req.query.depth);
      return {
        type: "FeatureCollection",
        features: rows
          .filter((r) => r.geometry)
          .map((r) => ({
            type: "Feature",
            id: r.code,
            geometry: r.geometry,
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
      return present(area, parentOf(area.path));
    },
  );
}
