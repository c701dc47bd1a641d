import { makeCtx } from "../../core/context";
import type { FastifyTypebox } from "../../http/types";
import { IdParams } from "../auth/auth.schema";
import { closeSupervision } from "./close-supervision";
import { consultationsRoutes } from "./consultations.routes";
import { kpisRoutes } from "./kpis.routes";
import { listSupervisions } from "./list-supervisions";
import { notificationsRoutes } from "./notifications.routes";
import { openSupervision } from "./open-supervision";
import {
  CloseSupervisionBody,
  OpenSupervisionBody,
  SupervisionList,
  SupervisionQuery,
  SupervisionView,
} from "./supervision.schema";

/** Supervision, consultations, tasks, notifications, webhooks and KPIs. */
export async function supervisionRoutes(app: FastifyTypebox) {
  const tags = ["supervision"];

  app.get(
    "/api/supervisions",
    {
      schema: {
        tags,
        summary: "Supervision records (督办) in my area scope, newest first (staff)",
        querystring: SupervisionQuery,
        response: { 200: SupervisionList },
      },
    },
    async (req) => listSupervisions(makeCtx(app.services, { actor: req.actor() }), req.query),
  );

  app.post(
    "/api/supervisions",
    {
      schema: {
        tags,
        summary:
          "Supervise an event with an instruction (level notice; leaders, dispatchers, admins in scope)",
        body: OpenSupervisionBody,
        response: { 201: SupervisionView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => openSupervision(ctx, req.body))),
  );

  app.post(
    "/api/supervisions/:id/close",
    {
      schema: {
        tags,
        summary: "Close a supervision with a note (leaders, dispatchers, admins in scope)",
        params: IdParams,
        body: CloseSupervisionBody,
        response: { 200: SupervisionView },
      },
    },
    async (req) => req.withCtx((ctx) => closeSupervision(ctx, req.params.id, req.body.note)),
  );

  await notificationsRoutes(app);
  await consultationsRoutes(app);
  await kpisRoutes(app);
}
