import { Type } from "typebox";
import { authorize, can } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import { forbidden, invalid } from "../../core/errors";
import type { FastifyTypebox } from "../../http/types";
import { listCalendarYears, readCalendarYear, saveCalendarYear } from "./calendar";
import { listConfigVersions, readConfigDocument, saveEventConfig } from "./event-config";
import { CONFIG_SCHEMAS } from "./event-config.schema";
import { CONFIG_KINDS, type ConfigKind } from "./event-config-types";

const Kind = Type.Union(CONFIG_KINDS.map((k) => Type.Literal(k)));
const DocView = Type.Object({
  kind: Type.String(),
  version: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  body: Type.Unknown(),
});
const VersionsView = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      version: Type.Integer(),
      note: Type.Union([Type.String(), Type.Null()]),
      createdBy: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String(),
    }),
  ),
});
const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const YearBody = Type.Object(
  { offDays: Type.Array(Day, { maxItems: 366 }), workDays: Type.Array(Day, { maxItems: 366 }) },
  { additionalProperties: false },
);
const YearView = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  offDays: Type.Array(Type.String()),
  workDays: Type.Array(Type.String()),
});
const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

/** Categories, routing rules, SLA policies, the state machine (versioned data) and the working-day calendar. */
export async function eventConfigRoutes(app: FastifyTypebox) {
  const tags = ["event-config"];

  app.get(
    "/api/event-config/:kind",
    {
      schema: {
        tags,
        summary: "The document in force (staff may read; administrators edit)",
        params: Type.Object({ kind: Kind }),
        response: { 200: DocView },
      },
    },
    async (req) => {
      const actor = req.actor();
      if (!can(actor, "event.configure") && !can(actor, "event.read")) throw forbidden();
      return readConfigDocument(makeCtx(app.services, { actor }), req.params.kind as ConfigKind);
    },
  );

  app.get(
    "/api/event-config/:kind/versions",
    {
      schema: {
        tags,
        summary: "Every version of a document, newest first",
        params: Type.Object({ kind: Kind }),
        response: { 200: VersionsView },
      },
    },
    async (req) => {
      const actor = req.actor();
      if (!can(actor, "event.configure") && !can(actor, "event.read")) throw forbidden();
      return {
        items: await listConfigVersions(makeCtx(app.services, { actor }), req.params.kind as ConfigKind),
      };
    },
  );

  app.get(
    "/api/event-config/:kind/versions/:version",
    {
      schema: {
        tags,
        summary: "One version of a document",
        params: Type.Object({ kind: Kind, version: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }) }),
        response: { 200: DocView },
      },
    },
    async (req) => {
      const actor = req.actor();
      if (!can(actor, "event.configure") && !can(actor, "event.read")) throw forbidden();
      return readConfigDocument(
        makeCtx(app.services, { actor }),
        req.params.kind as ConfigKind,
        req.params.version,
      );
    },
  );

  for (const kind of CONFIG_KINDS)
    app.put(
      `/api/event-config/${kind}`,
      {
        schema: {
          tags,
          summary: `Write a new version of the ${kind} document with a note (administrators); 422 lists every problem`,
          body: Type.Object(
            { body: CONFIG_SCHEMAS[kind], note: Type.String({ minLength: 1, maxLength: 500 }) },
            { additionalProperties: false },
          ),
          response: { 200: DocView },
        },
        // shape problems are reported with the others, as 422 with the list
        attachValidation: true,
      },
      async (req) => {
        authorize(req.actor(), "event.configure");
        const raw = req.body as { body?: unknown; note?: unknown } | null;
        const note = typeof raw?.note === "string" ? raw.note.trim() : "";
        if (!note || note.length > 500 || note.includes("\u0000"))
          throw invalid("note", "请填写修改说明（1–500 字）", "Give a note on the change (1–500 characters)");
        const saved = await req.withCtx((ctx) => saveEventConfig(ctx, kind, raw?.body, note));
        return readConfigDocument(makeCtx(app.services, { actor: req.actor() }), kind, saved.version);
      },
    );

  app.get(
    "/api/calendar/years",
    {
      schema: {
        tags: [...tags, "calendar"],
        summary: "The years the working-day calendar knows (built-in or set by an administrator)",
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ year: Type.Integer(), source: Type.String() })),
          }),
        },
      },
    },
    async (req) => ({ items: await listCalendarYears(makeCtx(app.services, { actor: req.actor() })) }),
  );

  app.get(
    "/api/calendar/years/:year",
    {
      schema: {
        tags: [...tags, "calendar"],
        summary: "One year's days off and make-up working days (调休上班)",
        params: YearParams,
        response: { 200: YearView },
      },
    },
    async (req) => readCalendarYear(makeCtx(app.services, { actor: req.actor() }), req.params.year),
  );

  app.put(
    "/api/calendar/years/:year",
    {
      schema: {
        tags: [...tags, "calendar"],
        summary:
          "Set one year's days off and make-up working days (administrators); replaces the built-in year",
        params: YearParams,
        body: YearBody,
        response: { 200: YearView },
      },
    },
    async (req) => req.withCtx((ctx) => saveCalendarYear(ctx, req.params.year, req.body)),
  );
}
