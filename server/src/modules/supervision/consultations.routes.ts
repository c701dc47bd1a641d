import { makeCtx } from "../../core/context";
import type { FastifyTypebox } from "../../http/types";
import { IdParams } from "../auth/auth.schema";
import { closeConsultation, joinConsultation, recordMinutes } from "./consultation-actions";
import { addConsultationTask } from "./consultation-tasks";
import { readConsultation } from "./consultations";
import {
  AddTaskBody,
  ConsultationView,
  ConveneBody,
  DoneBody,
  MinutesBody,
  TaskList,
  TaskQuery,
  TaskView,
} from "./consultations.schema";
import { conveneConsultation } from "./convene-consultation";
import { completeTask, listTasks } from "./tasks";

/** Consultations (会商) on events, and the follow-up tasks they hand out. */
export async function consultationsRoutes(app: FastifyTypebox) {
  const tags = ["consultations"];

  app.post(
    "/api/events/:id/consultations",
    {
      schema: {
        tags,
        summary: "Convene a consultation on an event; every party is notified at once (leaders, dispatchers)",
        params: IdParams,
        body: ConveneBody,
        response: { 201: ConsultationView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => conveneConsultation(ctx, req.params.id, req.body))),
  );

  app.get(
    "/api/consultations/:id",
    {
      schema: {
        tags,
        summary: "A consultation with its parties, minutes, decisions and tasks (parties, staff in scope)",
        params: IdParams,
        response: { 200: ConsultationView },
      },
    },
    async (req) => readConsultation(makeCtx(app.services, { actor: req.actor() }), req.params.id),
  );

  app.post(
    "/api/consultations/:id/join",
    {
      schema: {
        tags,
        summary: "Join a consultation as one of its parties",
        params: IdParams,
        response: { 200: ConsultationView },
      },
    },
    async (req) => req.withCtx((ctx) => joinConsultation(ctx, req.params.id)),
  );

  app.put(
    "/api/consultations/:id/minutes",
    {
      schema: {
        tags,
        summary: "Record the minutes and decisions (the convener, or leaders and dispatchers in scope)",
        params: IdParams,
        body: MinutesBody,
        response: { 200: ConsultationView },
      },
    },
    async (req) => req.withCtx((ctx) => recordMinutes(ctx, req.params.id, req.body)),
  );

  app.post(
    "/api/consultations/:id/tasks",
    {
      schema: {
        tags,
        summary: "Hand out a follow-up task with a deadline to a user or a department",
        params: IdParams,
        body: AddTaskBody,
        response: { 201: TaskView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => addConsultationTask(ctx, req.params.id, req.body))),
  );

  app.post(
    "/api/consultations/:id/close",
    {
      schema: {
        tags,
        summary: "Close the consultation; the outcome goes on the event's timeline",
        params: IdParams,
        response: { 200: ConsultationView },
      },
    },
    async (req) => req.withCtx((ctx) => closeConsultation(ctx, req.params.id)),
  );

  app.get(
    "/api/tasks",
    {
      schema: {
        tags: ["tasks"],
        summary: "My tasks and my department's, open first (soonest due first)",
        querystring: TaskQuery,
        response: { 200: TaskList },
      },
    },
    async (req) => listTasks(makeCtx(app.services, { actor: req.actor() }), req.query),
  );

  app.post(
    "/api/tasks/:id/done",
    {
      schema: {
        tags: ["tasks"],
        summary: "Finish a task with its result (its assignee or assigned department)",
        params: IdParams,
        body: DoneBody,
        response: { 200: TaskView },
      },
    },
    async (req) => req.withCtx((ctx) => completeTask(ctx, req.params.id, req.body.result)),
  );
}
