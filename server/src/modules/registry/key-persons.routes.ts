import type { Actor } from "../../core/actor";
import { authorize } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import type { FastifyTypebox } from "../../http/types";
import {
  addPlanAction,
  CARE_PLAN_KINDS,
  closeCarePlan,
  completePlanAction,
  createCarePlan,
} from "./care-plans";
import { detailFieldsView } from "./key-person-details";
import { readGrants, setKeyPersonGrants } from "./key-person-grants";
import { addHelpers, removeHelper } from "./key-person-helpers";
import { registerKeyPersonSections } from "./key-person-sections";
import { keyPersonStats } from "./key-person-stats";
import * as S from "./key-persons.schema";
import { listKeyPersons } from "./list-key-persons";
import { readKeyPerson } from "./read-key-person";
import { HELPER_ROLES, registerKeyPerson } from "./register-key-person";
import { endKeyPerson, updateKeyPerson } from "./update-key-person";
import { completeVisit, createVisit, recordKeyPersonVisit, VISIT_METHODS, visitsDue } from "./visits";

/** Key persons (重点人员), their care plans and visits; every read of a file is audited. */
export async function keyPersonsRoutes(app: FastifyTypebox) {
  registerKeyPersonSections();
  const read = (req: { actor(): Actor }) => makeCtx(app.services, { actor: req.actor() });
  const tags = ["key persons"];

  app.get(
    "/api/key-persons/categories",
    {
      schema: {
        tags,
        summary: "The categories and their fields, helper roles, care-plan kinds and visit methods",
        response: { 200: S.CategoriesView },
      },
    },
    async (req) => {
      authorize(req.actor(), "registry.read");
      return {
        categories: detailFieldsView(),
        helperRoles: HELPER_ROLES.map((r) => ({ ...r })),
        carePlanKinds: [...CARE_PLAN_KINDS],
        visitMethods: [...VISIT_METHODS],
      };
    },
  );

  app.post(
    "/api/key-persons",
    {
      schema: {
        tags,
        summary:
          "Register a person as a key person of a category, with details, helpers and a visit schedule",
        body: S.RegisterBody,
        response: { 201: S.KeyPersonView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => registerKeyPerson(ctx, req.body))),
  );

  app.get(
    "/api/key-persons",
    {
      schema: {
        tags,
        summary: "Key persons you may read (name, masked ID, category, level, next visit; never the details)",
        querystring: S.ListQuery,
        response: { 200: S.ListView },
      },
    },
    async (req) => req.withCtx((ctx) => listKeyPersons(ctx, req.query)),
  );

  app.get(
    "/api/key-persons/stats",
    {
      schema: {
        tags,
        summary:
          "Counts by category × attention level, visits due, on-time visit rate, employment and care outcomes",
        querystring: S.StatsQuery,
        response: { 200: S.StatsView },
      },
    },
    async (req) => keyPersonStats(read(req), req.query),
  );

  app.get(
    "/api/key-persons/grants/:userId",
    {
      schema: {
        tags,
        summary: "The categories a user may read beyond their role (admin)",
        params: S.UserParams,
        response: { 200: S.GrantsView },
      },
    },
    async (req) => readGrants(read(req), req.params.userId),
  );

  app.put(
    "/api/key-persons/grants/:userId",
    {
      schema: {
        tags,
        summary: "Set the categories a user may read in their scope beyond their role (admin; audited)",
        params: S.UserParams,
        body: S.GrantsBody,
        response: { 200: S.GrantsView },
      },
    },
    async (req) => req.withCtx((ctx) => setKeyPersonGrants(ctx, req.params.userId, req.body.categories)),
  );

  app.get(
    "/api/key-persons/:id",
    {
      schema: {
        tags,
        summary: "A key person's full file; every read is audited with the reason given",
        params: S.IdParams,
        querystring: S.ReadQuery,
        response: { 200: S.KeyPersonView },
      },
    },
    async (req) => req.withCtx((ctx) => readKeyPerson(ctx, req.params.id, req.query.reason)),
  );

  app.patch(
    "/api/key-persons/:id",
    {
      schema: {
        tags,
        summary: "Change level, details, visit interval or employment at the record's version",
        params: S.IdParams,
        body: S.UpdateBody,
        response: { 200: S.KeyPersonView },
      },
    },
    async (req) => req.withCtx((ctx) => updateKeyPerson(ctx, req.params.id, req.body)),
  );

  app.post(
    "/api/key-persons/:id/end",
    {
      schema: {
        tags,
        summary: "End the record (解除) with its termination code and date",
        params: S.IdParams,
        body: S.EndBody,
        response: { 200: S.KeyPersonView },
      },
    },
    async (req) => req.withCtx((ctx) => endKeyPerson(ctx, req.params.id, req.body)),
  );

  app.post(
    "/api/key-persons/:id/helpers",
    {
      schema: {
        tags,
        summary: "Add helpers (帮扶人)",
        params: S.IdParams,
        body: S.HelpersBody,
        response: { 200: S.KeyPersonView },
      },
    },
    async (req) => req.withCtx((ctx) => addHelpers(ctx, req.params.id, req.body.helpers)),
  );

  app.delete(
    "/api/key-persons/:id/helpers/:helperId",
    {
      schema: {
        tags,
        summary: "Take a helper off from today (kept in the history)",
        params: S.HelperParams,
        response: { 200: S.KeyPersonView },
      },
    },
    async (req) => req.withCtx((ctx) => removeHelper(ctx, req.params.id, req.params.helperId)),
  );

  app.post(
    "/api/key-persons/:id/care-plans",
    {
      schema: {
        tags,
        summary: "Open a care plan (employment, treatment, family support, education…)",
        params: S.IdParams,
        body: S.CarePlanBody,
        response: { 201: S.PlanView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => createCarePlan(ctx, req.params.id, req.body))),
  );

  app.post(
    "/api/care-plans/:id/actions",
    {
      schema: {
        tags,
        summary: "Add an action to an open plan (editors, or a current helper)",
        params: S.IdParams,
        body: S.ActionBody,
        response: { 201: S.PlanView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => addPlanAction(ctx, req.params.id, req.body))),
  );

  app.post(
    "/api/care-plans/:id/actions/:actionId/done",
    {
      schema: {
        tags,
        summary: "Mark an action done with its result",
        params: S.ActionParams,
        body: S.ActionDoneBody,
        response: { 200: S.PlanView },
      },
    },
    async (req) =>
      req.withCtx((ctx) => completePlanAction(ctx, req.params.id, req.params.actionId, req.body)),
  );

  app.post(
    "/api/care-plans/:id/close",
    {
      schema: {
        tags,
        summary: "Close a plan with its outcome (achieved, partly, not_achieved)",
        params: S.IdParams,
        body: S.ClosePlanBody,
        response: { 200: S.PlanView },
      },
    },
    async (req) => req.withCtx((ctx) => closeCarePlan(ctx, req.params.id, req.body)),
  );

  app.post(
    "/api/key-persons/:id/visits",
    {
      schema: {
        tags,
        summary: "Record a visit; the next falls one interval after it",
        params: S.IdParams,
        body: S.VisitBody,
        response: { 201: S.RecordedVisit },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => recordKeyPersonVisit(ctx, req.params.id, req.body))),
  );

  app.post(
    "/api/visits",
    {
      schema: {
        tags,
        summary: "Schedule a visit to a place or household (dueOn), or record one made (doneAt)",
        body: S.CreateVisitBody,
        response: { 201: S.VisitView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createVisit(ctx, req.body))),
  );

  app.post(
    "/api/visits/:id/done",
    {
      schema: {
        tags,
        summary: "Record a scheduled visit to a place or household as made",
        params: S.IdParams,
        body: S.VisitBody,
        response: { 200: S.VisitView },
      },
    },
    async (req) => req.withCtx((ctx) => completeVisit(ctx, req.params.id, req.body)),
  );

  app.get(
    "/api/visits/due",
    {
      schema: {
        tags,
        summary: "Visits due by a date in your scope: key persons, places and households; most overdue first",
        querystring: S.DueQuery,
        response: { 200: S.DueView },
      },
    },
    async (req) => req.withCtx((ctx) => visitsDue(ctx, req.query.before)),
  );
}
