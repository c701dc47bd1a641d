import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { AreaCodeParams } from "./areas.schema";
import { CRS_VALUES, type Crs } from "./geo/crs";
import { areaHistory, editArea, moveArea } from "./edit-area";
import { mergeAreas, splitArea } from "./split-merge";
import { makeCtx } from "../../core/context";

const present = (a: {
  code: string;
  name: string;
  level: string;
  path: string;
  validFrom: string | null;
  validTo: string | null;
}) => ({
  code: a.code,
  name: a.name,
  level: a.level,
  path: a.path,
  validFrom: a.validFrom,
  validTo: a.validTo,
});
const Edited = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  path: Type.String(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
});
const DateOrNull = Type.Union([Type.String({ format: "date" }), Type.Null()]);

/** The administrator's tree editor: rename, redraw, move, split, merge, with history. */
export async function areasEditRoutes(app: FastifyTypebox) {
  app.patch(
    "/api/areas/:code",
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ["areas"],
        summary: "Rename or redraw an area (admin); kept in its history",
        params: AreaCodeParams,
        querystring: Type.Object({
          crs: Type.Union(
            CRS_VALUES.map((c) => Type.Literal(c)),
            { default: "wgs84" },
          ),
        }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            geometry: Type.Optional(Type.Unknown()),
            validFrom: Type.Optional(DateOrNull),
            validTo: Type.Optional(DateOrNull),
          },
          { additionalProperties: false },
        ),
        response: { 200: Edited },
      },
    },
    async (req) =>
      present(
        await req.withCtx((ctx) =>
          editArea(ctx, req.params.code, { ...req.body, crs: req.query.crs as Crs }),
        ),
      ),
  );

  app.post(
    "/api/areas/:code/move",
    {
      schema: {
        tags: ["areas"],
        summary: "Move an area and its subtree under another parent (admin)",
        params: AreaCodeParams,
        body: Type.Object(
          { parent: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: Edited },
      },
    },
    async (req) => present(await req.withCtx((ctx) => moveArea(ctx, req.params.code, req.body.parent))),
  );

  app.post(
    "/api/areas/:code/split",
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ["areas"],
        summary: "Split an area into new siblings (admin); children follow their part, the area is retired",
        params: AreaCodeParams,
        querystring: Type.Object({
          crs: Type.Union(
            CRS_VALUES.map((c) => Type.Literal(c)),
            { default: "wgs84" },
          ),
        }),
        body: Type.Object(
          {
            parts: Type.Array(
              Type.Object({
                code: Type.String({ minLength: 1, maxLength: 64 }),
                name: Type.String({ minLength: 1, maxLength: 100 }),
                geometry: Type.Unknown(),
              }),
              { minItems: 2, maxItems: 50 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      req.withCtx((ctx) => splitArea(ctx, req.params.code, req.body.parts, req.query.crs as Crs)),
  );

  app.post(
    "/api/areas/merge",
    {
      schema: {
        tags: ["areas"],
        summary: "Merge sibling areas into one of them (admin); the others are retired",
        body: Type.Object(
          {
            codes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 2, maxItems: 50 }),
            into: Type.String({ minLength: 1, maxLength: 64 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => req.withCtx((ctx) => mergeAreas(ctx, req.body.codes, req.body.into)),
  );

  app.get(
    "/api/areas/:code/history",
    {
      schema: {
        tags: ["areas"],
        summary: "An area's changes, newest first",
        params: AreaCodeParams,
      },
    },
    async (req) => ({
      items: await areaHistory(makeCtx(app.services, { actor: req.actor() }), req.params.code),
    }),
  );
}
