import { Type } from "typebox";
import { makeCtx } from "../../core/context";
import type { FastifyTypebox } from "../../http/types";
import { IdParams } from "../auth/auth.schema";
import { notificationStreamRoute } from "./notification-stream";
import { listNotifications, markNotificationsRead } from "./notifications";
import {
  CreateWebhookBody,
  DeliveryResult,
  NotificationList,
  NotificationQuery,
  ReadBody,
  WebhookView,
} from "./supervision.schema";
import { createWebhook, deleteWebhook, listWebhooks, testWebhook } from "./webhooks";

/** My notifications (list, mark read, live stream) and the administrator's outgoing webhooks. */
export async function notificationsRoutes(app: FastifyTypebox) {
  const tags = ["notifications"];

  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "My notifications, unread first, with the unread count",
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => listNotifications(makeCtx(app.services, { actor: req.actor() }), req.query),
  );

  app.post(
    "/api/notifications/read",
    {
      schema: {
        tags,
        summary: "Mark some ({ids}) or all ({all: true}) of my notifications read",
        body: ReadBody,
        response: { 200: Type.Object({ updated: Type.Integer() }) },
      },
    },
    async (req) => req.withCtx((ctx) => markNotificationsRead(ctx, req.body)),
  );

  notificationStreamRoute(app);

  const hooks = ["webhooks"];
  app.get(
    "/api/webhooks",
    {
      schema: {
        tags: hooks,
        summary: "Outgoing webhooks (DingTalk, WeCom robots, plain JSON); secrets never shown (admin)",
        response: { 200: Type.Object({ items: Type.Array(WebhookView) }) },
      },
    },
    async (req) => listWebhooks(makeCtx(app.services, { actor: req.actor() })),
  );

  app.post(
    "/api/webhooks",
    {
      schema: {
        tags: hooks,
        summary: "Add an outgoing webhook for some notice kinds (admin)",
        body: CreateWebhookBody,
        response: { 201: WebhookView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createWebhook(ctx, req.body))),
  );

  app.delete(
    "/api/webhooks/:id",
    { schema: { tags: hooks, summary: "Remove an outgoing webhook (admin)", params: IdParams } },
    async (req, reply) => {
      await req.withCtx((ctx) => deleteWebhook(ctx, req.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/webhooks/:id/test",
    {
      schema: {
        tags: hooks,
        summary: "Send a test message now and show what the far end answered (admin)",
        params: IdParams,
        response: { 200: DeliveryResult },
      },
    },
    // outside a transaction: the far end may take seconds, and no connection should wait on it
    async (req) =>
      testWebhook(
        makeCtx(app.services, { actor: req.actor(), requestId: req.id, ip: req.ip }),
        req.params.id,
      ),
  );
}
