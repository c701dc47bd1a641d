import { systemActor } from "../../core/actor";
import { authorize } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import { AppError } from "../../core/errors";
import type { FastifyTypebox } from "../../http/types";
import { actOnEvent } from "./act-on-event";
import { loadEventConfig } from "./event-config";
import type { ActionBody } from "./event-step";
import { duplicatesOf } from "./find-duplicates";
import { readImport, startImport } from "./import-feed";
import { receiveAlarm } from "./iot-alarm";
import { listEvents } from "./list-events";
import { readEvent, readTimeline, revealReporter, trackEvent } from "./read-event";
import { reportEvent, type ReportInput } from "./report-event";
import {
  ActionBodySchema,
  AlarmAck,
  AlarmBody,
  CategoriesView,
  DuplicatesView,
  EventList,
  EventParams,
  EventViewSchema,
  ImportQuery,
  ImportView,
  ListQuery,
  ReportBody,
  ReportReply,
  RevealBody,
  RevealView,
  TimelineView,
  TrackingView,
  TrackParams,
} from "./events.schema";
import "./event-area";
import "./event-links";

/** Intake, reading and acting on events (the closed loop). */
export async function eventsRoutes(app: FastifyTypebox) {
  const tags = ["events"];

  app.post(
    "/api/events",
    {
      schema: {
        tags,
        summary:
          "Report an event from any channel (location by lat/lng, areaCode or address); 201, or 200 with the existing event for a known source + sourceRef",
        body: ReportBody,
        response: { 200: ReportReply, 201: ReportReply },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const input: ReportInput = {
        ...body,
        reportedAt: body.reportedAt ? new Date(body.reportedAt) : undefined,
        links: body.links as ReportInput["links"],
      };
      const view = await req.withCtx((ctx) => reportEvent(ctx, input));
      return reply.status(view.created ? 201 : 200).send(view);
    },
  );

  app.get(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Events the caller may see: filtered, paged, sorted by deadline or time of receipt",
        querystring: ListQuery,
        response: { 200: EventList },
      },
    },
    async (req) => listEvents(makeCtx(app.services, { actor: req.actor() }), req.query),
  );

  app.get(
    "/api/events/track/:code",
    {
      schema: {
        tags,
        summary: "Public progress by tracking code, without signing in and without personal data",
        params: TrackParams,
        response: { 200: TrackingView },
        security: [],
      },
    },
    async (req) => trackEvent(makeCtx(app.services, { actor: systemActor }), req.params.code),
  );

  app.get(
    "/api/event-categories",
    {
      schema: {
        tags,
        summary: "The category tree (codes, names, public and sensitive flags)",
        response: { 200: CategoriesView },
      },
    },
    async (req) => {
      authorize(req.actor(), "event.report");
      const config = await loadEventConfig(app.services.db);
      const cats = config.categories.categories;
      const node = (c: (typeof cats)[number]) => ({
        code: c.code,
        name: c.name,
        level: c.parent ? 2 : 1,
        public: c.public,
        sensitive: c.sensitive,
        active: c.active !== false,
      });
      return {
        version: config.versions.categories,
        items: cats
          .filter((c) => c.parent === null)
          .map((c) => ({ ...node(c), children: cats.filter((k) => k.parent === c.code).map(node) })),
      };
    },
  );

  app.post(
    "/api/events/import",
    {
      schema: {
        tags,
        summary:
          "Import a 12345 or 110 feed (multipart CSV field `file`, `source` as a field or in the query): every row checked first, then loaded by a job",
        querystring: ImportQuery,
        response: { 202: ImportView },
      },
    },
    async (req, reply) => {
      req.actor();
      if (!req.isMultipart())
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, {
          zh: "请用 multipart/form-data 上传 CSV 文件",
          en: "Upload the CSV as multipart/form-data",
        });
      const part = await req.file();
      if (!part)
        throw new AppError("FILE_MISSING", 400, { zh: "缺少文件", en: "No file in the request" }, "file");
      const bytes = await part.toBuffer();
      if (part.file.truncated)
        throw new AppError("BODY_TOO_LARGE", 413, { zh: "文件过大", en: "The file is too large" }, "file");
      const field = part.fields.source as { value?: unknown } | undefined;
      const source = req.query.source ?? (typeof field?.value === "string" ? field.value : "");
      const view = await req.withCtx((ctx) => startImport(ctx, source, bytes));
      return reply.status(202).send(view);
    },
  );

  app.get(
    "/api/events/imports/:id",
    {
      schema: {
        tags,
        summary: "A feed import's progress",
        params: EventParams,
        response: { 200: ImportView },
      },
    },
    async (req) => readImport(makeCtx(app.services, { actor: req.actor() }), req.params.id),
  );

  app.get(
    "/api/events/:id",
    {
      schema: {
        tags,
        summary: "One event (404 when out of the caller's scope), with its parts and what the caller may do",
        params: EventParams,
        response: { 200: EventViewSchema },
      },
    },
    async (req) => readEvent(makeCtx(app.services, { actor: req.actor() }), req.params.id),
  );

  app.get(
    "/api/events/:id/timeline",
    {
      schema: {
        tags,
        summary: "The event's append-only timeline",
        params: EventParams,
        response: { 200: TimelineView },
      },
    },
    async (req) => ({
      items: await readTimeline(makeCtx(app.services, { actor: req.actor() }), req.params.id),
    }),
  );

  app.get(
    "/api/events/:id/duplicates",
    {
      schema: {
        tags,
        summary: "Likely duplicates: near in place, similar in text, recent, same category group",
        params: EventParams,
        response: { 200: DuplicatesView },
      },
    },
    async (req) => ({
      items: await duplicatesOf(makeCtx(app.services, { actor: req.actor() }), req.params.id),
    }),
  );

  app.post(
    "/api/events/:id/actions",
    {
      schema: {
        tags,
        summary:
          "Act on an event (accept, dispatch, accept_part, reject_part, finish_part, handle_in_grid, feedback, verify, close, evaluate, return, request_extension, approve_extension, reject_extension, suspend, resume, escalate, merge, cancel, mark_invalid, comment); 409 with details.current when the version is stale",
        params: EventParams,
        body: ActionBodySchema,
        response: { 200: EventViewSchema },
      },
    },
    async (req, reply) => {
      const view = await req.withCtx((ctx) => actOnEvent(ctx, req.params.id, req.body as ActionBody));
      if (view.replayed) reply.header("idempotent-replayed", "true");
      return view;
    },
  );

  app.post(
    "/api/events/:id/reveal-reporter",
    {
      schema: {
        tags,
        summary: "The reporter's name and phone in clear, with a reason that is audited (intake desk only)",
        params: EventParams,
        body: RevealBody,
        response: { 200: RevealView },
      },
    },
    async (req) => req.withCtx((ctx) => revealReporter(ctx, req.params.id, req.body.reason)),
  );

  app.post(
    "/api/iot/alarms",
    {
      schema: {
        tags,
        summary:
          "An IoT alarm (smoke, gas…) from a device gateway with an API key: raises an urgent event at the device's place; idempotent on (deviceId, at)",
        body: AlarmBody,
        response: { 200: AlarmAck, 201: AlarmAck },
      },
    },
    async (req, reply) => {
      const ack = await req.withCtx((ctx) => receiveAlarm(ctx, req.body));
      return reply.status(ack.created ? 201 : 200).send(ack);
    },
  );
}
