import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { makeCtx } from "../../core/context";
import type { Crs } from "../areas/geo/crs";
import { createPoliceDistrict } from "./create-police-district";
import { importPoliceDistricts } from "./import-police-districts";
import { getPoliceDistrict, listPoliceDistricts, policeDistrictOfArea } from "./read-police-districts";
import { setDistrictGrids } from "./set-district-grids";
import { setDistrictOfficers } from "./set-district-officers";
import {
  CreateDistrictBody,
  CreatedDistrict,
  DistrictCodeParams,
  DistrictOfArea,
  DistrictSummary,
  DistrictView,
  ImportDistrictsQuery,
  ImportReport,
  SetGridsBody,
  SetOfficersBody,
} from "./police.schema";

/** Police districts (警务区): a layer over the grids, with their officers; used to route police matters. */
export async function policeRoutes(app: FastifyTypebox) {
  const tags = ["police"];

  app.post(
    "/api/police-districts",
    {
      schema: {
        tags,
        summary: "Create a police district, with its boundary when given (admin)",
        body: CreateDistrictBody,
        response: { 201: CreatedDistrict },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const view = await req.withCtx((ctx) =>
        createPoliceDistrict(ctx, { ...body, crs: body.crs as Crs | undefined }),
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    "/api/police-districts/import",
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags,
        summary: "Import police districts from a GeoJSON FeatureCollection (admin); all or nothing",
        querystring: ImportDistrictsQuery,
        body: Type.Unknown(),
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      const q = req.query;
      return req.withCtx((ctx) =>
        importPoliceDistricts(ctx, {
          codeProp: q.codeProp,
          nameProp: q.nameProp,
          stationProp: q.stationProp,
          strict: q.strict,
          crs: q.crs as Crs,
          body: req.body,
        }),
      );
    },
  );

  app.get(
    "/api/police-districts",
    {
      schema: {
        tags,
        summary: "Every police district with its station, officers and the grids of it in your scope",
        response: { 200: Type.Object({ items: Type.Array(DistrictSummary) }) },
      },
    },
    async (req) => ({ items: await listPoliceDistricts(makeCtx(app.services, { actor: req.actor() })) }),
  );

  app.get(
    "/api/police-districts/:code",
    {
      schema: {
        tags,
        summary: "One police district with its boundary",
        params: DistrictCodeParams,
        response: { 200: DistrictView },
      },
    },
    async (req) => getPoliceDistrict(makeCtx(app.services, { actor: req.actor() }), req.params.code),
  );

  app.put(
    "/api/police-districts/:code/grids",
    {
      schema: {
        tags,
        summary: "Set the district's grids; a grid of another district moves here (admin)",
        params: DistrictCodeParams,
        body: SetGridsBody,
        response: { 200: DistrictView },
      },
    },
    async (req) => req.withCtx((ctx) => setDistrictGrids(ctx, req.params.code, req.body.gridCodes)),
  );

  app.put(
    "/api/police-districts/:code/officers",
    {
      schema: {
        tags,
        summary: "Set the district's officers: users with the police role (admin)",
        params: DistrictCodeParams,
        body: SetOfficersBody,
        response: { 200: DistrictView },
      },
    },
    async (req) => req.withCtx((ctx) => setDistrictOfficers(ctx, req.params.code, req.body.usernames)),
  );

  app.get(
    "/api/areas/:code/police-district",
    {
      schema: {
        tags,
        summary:
          "The police district of a grid: its mapping, else the district whose boundary holds the grid's centre, else null",
        params: DistrictCodeParams,
        response: { 200: DistrictOfArea },
      },
    },
    async (req) => policeDistrictOfArea(makeCtx(app.services, { actor: req.actor() }), req.params.code),
  );
}
