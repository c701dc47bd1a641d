import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { makeCtx } from "../../core/context";
import { assignUnassigned, listUnassigned, requestReassign } from "./unassigned";

const Row = Type.Object({
  id: Type.String(),
  sourceType: Type.String(),
  sourceId: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  resolvedArea: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
});

/** The queue of records outside every area, and re-assignment after boundaries change. */
export async function unassignedRoutes(app: FastifyTypebox) {
  app.get(
    "/api/areas/unassigned",
    {
      schema: {
        tags: ["areas"],
        summary: "Records whose location is outside every area (dispatcher, admin)",
        querystring: Type.Object({
          status: Type.Union([Type.Literal("open"), Type.Literal("resolved")], { default: "open" }),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(Row) }) },
      },
    },
    async (req) => {
      const rows = await listUnassigned(
        makeCtx(app.services, { actor: req.actor() }),
        req.query.status,
        req.query.limit,
        req.query.offset,
      );
      return {
        items: rows.map(({ row: r, areaCode, areaName }) => ({
          id: r.id,
          sourceType: r.sourceType,
          sourceId: r.sourceId,
          lat: r.lat,
          lng: r.lng,
          address: r.address,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
          resolvedAt: r.resolvedAt?.toISOString() ?? null,
          resolvedArea: areaCode && areaName ? { code: areaCode, name: areaName } : null,
        })),
      };
    },
  );

  app.post(
    "/api/areas/unassigned/:id/assign",
    {
      schema: {
        tags: ["areas"],
        summary: "Give a queued record its area by hand",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Type.Object(
          { areaCode: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      await req.withCtx((ctx) => assignUnassigned(ctx, req.params.id, req.body.areaCode));
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/areas/reassign",
    {
      schema: {
        tags: ["areas"],
        summary:
          "Re-locate queued records after a boundary change (admin); a job whose report is at /api/jobs/{id}",
        response: { 202: Type.Object({ jobId: Type.Union([Type.Integer(), Type.Null()]) }) },
      },
    },
    async (req, reply) =>
      reply.status(202).send({ jobId: (await req.withCtx((ctx) => requestReassign(ctx))) ?? null }),
  );
}
