import type { FastifyRequest } from "fastify";
import type { FastifyTypebox } from "../../http/types";
import { makeCtx } from "../../core/context";
import { IdParams } from "../auth/auth.schema";
import { createHousehold } from "./create-household";
import { createPerson } from "./create-person";
import { deregisterPerson } from "./deregister-person";
import { addMember, removeMember } from "./household-members";
import { listPersons } from "./list-persons";
import type { PersonInput } from "./person-input";
import { readHouseholdFile, readPersonFile } from "./person-file";
import { readRegistrySettings, updateRegistrySettings } from "./purge-persons";
import { householdHistory, listHouseholds, readHousehold } from "./read-household";
import { personHistory, readPerson } from "./read-person";
import {
  AddMemberBody,
  ChangeList,
  CreateHouseholdBody,
  CreatePersonBody,
  DeregisterBody,
  HouseholdFileView,
  HouseholdList,
  HouseholdListQuery,
  HouseholdView,
  MemberParams,
  PersonFileView,
  PersonList,
  PersonListQuery,
  PersonView,
  RegistrySettings,
  RemoveMemberQuery,
  RevealBody,
  RevealView,
  UpdateHouseholdBody,
  UpdatePersonBody,
} from "./registry.schema";
import { revealPerson } from "./reveal-person";
import { updateHousehold } from "./update-household";
import { updatePerson, type PersonPatch } from "./update-person";

/**
 * The registry's persons and households (人、户): scoped lists and reads (masked), changes with
 * history, audited reveals, deregistration, and the person and household files (全息档案).
 * Houses, places, things and key persons have their own route files.
 */
export async function registryRoutes(app: FastifyTypebox) {
  const tags = ["registry"];
  const read = (req: FastifyRequest) => makeCtx(app.services, { actor: req.actor() });

  app.post(
    "/api/persons",
    {
      schema: {
        tags,
        summary: "Register a person (staff who edit the registry, in scope); every field is validated",
        body: CreatePersonBody,
        response: { 201: PersonView },
      },
    },
    async (req, reply) => {
      const view = await req.withCtx((ctx) => createPerson(ctx, req.body as PersonInput));
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/api/persons",
    {
      schema: {
        tags,
        summary: "Persons in the reader's scope, masked; search by name, pinyin, ID or phone tail, address",
        querystring: PersonListQuery,
        response: { 200: PersonList },
      },
    },
    async (req) => listPersons(read(req), req.query),
  );

  app.get(
    "/api/persons/:id",
    { schema: { tags, summary: "One person, masked", params: IdParams, response: { 200: PersonView } } },
    async (req) => readPerson(read(req), req.params.id),
  );

  app.patch(
    "/api/persons/:id",
    {
      schema: {
        tags,
        summary: "Change a person; `version` is the one read (409 when stale); null clears a field",
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonView },
      },
    },
    async (req) => req.withCtx((ctx) => updatePerson(ctx, req.params.id, req.body as PersonPatch)),
  );

  app.post(
    "/api/persons/:id/reveal",
    {
      schema: {
        tags,
        summary: "An ID number or phone in clear, with a reason (5–200 characters) that is audited",
        params: IdParams,
        body: RevealBody,
        response: { 200: RevealView },
      },
    },
    async (req) => req.withCtx((ctx) => revealPerson(ctx, req.params.id, req.body.field, req.body.reason)),
  );

  app.post(
    "/api/persons/:id/deregister",
    {
      schema: {
        tags,
        summary: "Deregister a person (moved away, died); their data is purged after the retention period",
        params: IdParams,
        body: DeregisterBody,
        response: { 200: PersonView },
      },
    },
    async (req) => req.withCtx((ctx) => deregisterPerson(ctx, req.params.id, req.body)),
  );

  app.get(
    "/api/persons/:id/history",
    {
      schema: {
        tags,
        summary: "A person's history: who changed what, when (ID and phone only masked)",
        params: IdParams,
        response: { 200: ChangeList },
      },
    },
    async (req) => personHistory(read(req), req.params.id),
  );

  app.get(
    "/api/persons/:id/file",
    {
      schema: {
        tags,
        summary: "A person's file (全息档案): person, household, house and what other modules link to them",
        params: IdParams,
        response: { 200: PersonFileView },
      },
    },
    async (req) => req.withCtx((ctx) => readPersonFile(ctx, req.params.id)),
  );

  app.post(
    "/api/households",
    {
      schema: {
        tags,
        summary: "Open a household file (一户一档), optionally with its members",
        body: CreateHouseholdBody,
        response: { 201: HouseholdView },
      },
    },
    async (req, reply) => {
      const view = await req.withCtx((ctx) => createHousehold(ctx, req.body));
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/api/households",
    {
      schema: {
        tags,
        summary: "Households in the reader's scope",
        querystring: HouseholdListQuery,
        response: { 200: HouseholdList },
      },
    },
    async (req) => listHouseholds(read(req), req.query),
  );

  app.get(
    "/api/households/:id",
    {
      schema: {
        tags,
        summary: "A household with its current and former members (masked)",
        params: IdParams,
        response: { 200: HouseholdView },
      },
    },
    async (req) => readHousehold(read(req), req.params.id),
  );

  app.patch(
    "/api/households/:id",
    {
      schema: {
        tags,
        summary: "Change a household; `version` is the one read (409 when stale)",
        params: IdParams,
        body: UpdateHouseholdBody,
        response: { 200: HouseholdView },
      },
    },
    async (req) => req.withCtx((ctx) => updateHousehold(ctx, req.params.id, req.body)),
  );

  app.post(
    "/api/households/:id/members",
    {
      schema: {
        tags,
        summary: "Add a member with their relation to the head (GB/T 4761); one head per household",
        params: IdParams,
        body: AddMemberBody,
        response: { 200: HouseholdView },
      },
    },
    async (req) => req.withCtx((ctx) => addMember(ctx, req.params.id, req.body)),
  );

  app.delete(
    "/api/households/:id/members/:personId",
    {
      schema: {
        tags,
        summary: "Take a member out of a household on a day (default today); the membership stays as history",
        params: MemberParams,
        querystring: RemoveMemberQuery,
        response: { 200: HouseholdView },
      },
    },
    async (req) => req.withCtx((ctx) => removeMember(ctx, req.params.id, req.params.personId, req.query.on)),
  );

  app.get(
    "/api/households/:id/history",
    {
      schema: { tags, summary: "A household's history", params: IdParams, response: { 200: ChangeList } },
    },
    async (req) => householdHistory(read(req), req.params.id),
  );

  app.get(
    "/api/households/:id/file",
    {
      schema: {
        tags,
        summary: "A household's file (一户一档): members, house and what other modules link to it",
        params: IdParams,
        response: { 200: HouseholdFileView },
      },
    },
    async (req) => req.withCtx((ctx) => readHouseholdFile(ctx, req.params.id)),
  );

  app.get(
    "/api/registry/settings",
    {
      schema: {
        tags,
        summary: "Registry settings: retention (administrators)",
        response: { 200: RegistrySettings },
      },
    },
    async (req) => readRegistrySettings(read(req)),
  );

  app.put(
    "/api/registry/settings",
    {
      schema: {
        tags,
        summary: "Change the registry settings (administrators); audited",
        body: RegistrySettings,
        response: { 200: RegistrySettings },
      },
    },
    async (req) => req.withCtx((ctx) => updateRegistrySettings(ctx, req.body)),
  );
}
