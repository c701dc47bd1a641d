import type { Actor } from "../../core/actor";
import { makeCtx } from "../../core/context";
import type { FastifyTypebox } from "../../http/types";
import { createBuilding, listBuildings, readBuilding, updateBuilding } from "./buildings";
import { createHouse } from "./create-house";
import { createPlace } from "./create-place";
import { deregisterRecord, type Deregisterable } from "./deregister-record";
import { registerPlaceSections } from "./place-sections";
import * as H from "./houses.schema";
import * as S from "./places.schema";
import { buildingRatings, HIGH_RISE_CRITERIA, rateBuilding, STAR_LEVELS } from "./rate-building";
import { placeRatings, ratePlace } from "./rate-place";
import { houseFile, listHouses, readHouse, revealOwnerPhone } from "./read-house";
import { listPlaces, placeFile, readPlace, revealPlacePhone } from "./read-place";
import { addTenancy, endTenancy } from "./tenancies";
import { createThing, listThings, readThing, recordInspection, updateThing } from "./things";
import { updateHouse } from "./update-house";
import { updatePlace } from "./update-place";

/** Houses, buildings, places and things of the registry (房企物), with ratings, tenancies and files. */
export async function placesRoutes(app: FastifyTypebox) {
  registerPlaceSections();
  const read = (req: { actor(): Actor }) => makeCtx(app.services, { actor: req.actor() });

  for (const [type, plural] of [
    ["building", "buildings"],
    ["house", "houses"],
    ["place", "places"],
    ["thing", "things"],
  ] as [Deregisterable, string][])
    app.post(
      `/api/${plural}/:id/deregister`,
      {
        schema: {
          tags: [`registry: ${plural}`],
          summary: `Take a ${type} off the active registry (demolished, closed…); it stays readable with its history`,
          params: S.IdParams,
          body: S.DeregisterBody,
          response: { 200: S.DeregisteredView },
        },
      },
      async (req) => req.withCtx((ctx) => deregisterRecord(ctx, type, req.params.id, req.body)),
    );

  // buildings
  const buildings = ["registry: buildings"];
  app.post(
    "/api/buildings",
    {
      schema: {
        tags: buildings,
        summary: "Register a building, located by point or chosen area (registry.edit there)",
        body: H.CreateBuildingBody,
        response: { 201: H.BuildingView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createBuilding(ctx, req.body))),
  );
  app.get(
    "/api/buildings",
    {
      schema: {
        tags: buildings,
        summary: "Buildings in your scope (filters: area, high-rise, stars, name prefix)",
        querystring: H.BuildingListQuery,
        response: { 200: H.BuildingList },
      },
    },
    async (req) => listBuildings(read(req), req.query),
  );
  app.get(
    "/api/buildings/rating-criteria",
    {
      schema: {
        tags: buildings,
        summary: "The high-rise safety checklist and how the stars follow from it",
        response: { 200: H.CriteriaView },
      },
    },
    async (req) => {
      req.actor();
      return { items: HIGH_RISE_CRITERIA.map((c) => ({ ...c })), levels: STAR_LEVELS.map((l) => ({ ...l })) };
    },
  );
  app.get(
    "/api/buildings/:id",
    {
      schema: {
        tags: buildings,
        summary: "One building",
        params: S.IdParams,
        response: { 200: H.BuildingView },
      },
    },
    async (req) => readBuilding(read(req), req.params.id),
  );
  app.patch(
    "/api/buildings/:id",
    {
      schema: {
        tags: buildings,
        summary: "Change a building at its version; null clears a field",
        params: S.IdParams,
        body: H.UpdateBuildingBody,
        response: { 200: H.BuildingView },
      },
    },
    async (req) => req.withCtx((ctx) => updateBuilding(ctx, req.params.id, req.body)),
  );
  app.post(
    "/api/buildings/:id/rating",
    {
      schema: {
        tags: buildings,
        summary: "Rate a high-rise's safety (高楼安全星级): the stars follow from the checklist items met",
        params: S.IdParams,
        body: H.RateBuildingBody,
        response: { 200: H.RatedBuilding },
      },
    },
    async (req) => req.withCtx((ctx) => rateBuilding(ctx, req.params.id, req.body)),
  );
  app.get(
    "/api/buildings/:id/ratings",
    {
      schema: {
        tags: buildings,
        summary: "A building's star ratings, newest first",
        params: S.IdParams,
        response: { 200: H.RatingList },
      },
    },
    async (req) => buildingRatings(read(req), req.params.id),
  );

  // houses
  const houses = ["registry: houses"];
  app.post(
    "/api/houses",
    {
      schema: {
        tags: houses,
        summary: "Register a house or room; outside every area → 422 OUTSIDE_AREAS",
        body: H.CreateHouseBody,
        response: { 201: H.HouseView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createHouse(ctx, req.body))),
  );
  app.get(
    "/api/houses",
    {
      schema: {
        tags: houses,
        summary: "Houses in your scope (filters: area, building, rented, group rental, use, address prefix)",
        querystring: H.HouseListQuery,
        response: { 200: H.HouseList },
      },
    },
    async (req) => listHouses(read(req), req.query),
  );
  app.get(
    "/api/houses/:id",
    { schema: { tags: houses, summary: "One house", params: S.IdParams, response: { 200: H.HouseView } } },
    async (req) => readHouse(read(req), req.params.id),
  );
  app.patch(
    "/api/houses/:id",
    {
      schema: {
        tags: houses,
        summary: "Change a house at its version; clearing the group-rental flag is kept with its reason",
        params: S.IdParams,
        body: H.UpdateHouseBody,
        response: { 200: H.HouseView },
      },
    },
    async (req) => req.withCtx((ctx) => updateHouse(ctx, req.params.id, req.body)),
  );
  app.get(
    "/api/houses/:id/file",
    {
      schema: {
        tags: houses,
        summary: "The house file: the house, residents, tenancies and what other modules link to it",
        params: S.IdParams,
        response: { 200: H.HouseFileView },
      },
    },
    async (req) => houseFile(read(req), req.params.id),
  );
  app.post(
    "/api/houses/:id/tenancies",
    {
      schema: {
        tags: houses,
        summary: "Record a tenant's stay (a registry person); the house becomes rented",
        params: S.IdParams,
        body: H.TenancyBody,
        response: { 201: H.TenancyView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.withCtx((ctx) => addTenancy(ctx, req.params.id, req.body))),
  );
  app.post(
    "/api/houses/:id/tenancies/:tid/end",
    {
      schema: {
        tags: houses,
        summary: "End a tenant's stay on a date",
        params: H.TenancyParams,
        body: H.EndTenancyBody,
        response: { 200: H.TenancyView },
      },
    },
    async (req) => req.withCtx((ctx) => endTenancy(ctx, req.params.id, req.params.tid, req.body)),
  );
  app.post(
    "/api/houses/:id/reveal-owner-phone",
    {
      schema: {
        tags: houses,
        summary: "The owner's (or landlord's) phone in clear, with a reason that is audited (person.reveal)",
        params: S.IdParams,
        body: H.RevealOwnerBody,
        response: { 200: H.RevealOwnerView },
      },
    },
    async (req) => req.withCtx((ctx) => revealOwnerPhone(ctx, req.params.id, req.body)),
  );

  // places
  const placesTag = ["registry: places"];
  app.post(
    "/api/places",
    {
      schema: {
        tags: placesTag,
        summary:
          "Register a place or enterprise; a bad credit code → 400 naming creditCode, a taken one → 409",
        body: S.CreatePlaceBody,
        response: { 201: S.PlaceView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createPlace(ctx, req.body))),
  );
  app.get(
    "/api/places",
    {
      schema: {
        tags: placesTag,
        summary: "Places in your scope (filters: kind, colour, area, name prefix, safety manager)",
        querystring: S.PlaceListQuery,
        response: { 200: S.PlaceList },
      },
    },
    async (req) => listPlaces(read(req), req.query),
  );
  app.get(
    "/api/places/:id",
    { schema: { tags: placesTag, summary: "One place", params: S.IdParams, response: { 200: S.PlaceView } } },
    async (req) => readPlace(read(req), req.params.id),
  );
  app.patch(
    "/api/places/:id",
    {
      schema: {
        tags: placesTag,
        summary: "Change a place at its version; the colour changes only by a rating",
        params: S.IdParams,
        body: S.UpdatePlaceBody,
        response: { 200: S.PlaceView },
      },
    },
    async (req) => req.withCtx((ctx) => updatePlace(ctx, req.params.id, req.body)),
  );
  app.post(
    "/api/places/:id/rating",
    {
      schema: {
        tags: placesTag,
        summary: "Rate a place red, yellow or green with a reason (黄牌升绿牌); kept in its history",
        params: S.IdParams,
        body: S.RatePlaceBody,
        response: { 200: S.PlaceView },
      },
    },
    async (req) => req.withCtx((ctx) => ratePlace(ctx, req.params.id, req.body)),
  );
  app.get(
    "/api/places/:id/ratings",
    {
      schema: {
        tags: placesTag,
        summary: "A place's colour ratings, newest first",
        params: S.IdParams,
        response: { 200: H.RatingList },
      },
    },
    async (req) => placeRatings(read(req), req.params.id),
  );
  app.get(
    "/api/places/:id/file",
    {
      schema: {
        tags: placesTag,
        summary: "The place file: the place and what is linked to it (things, ratings, events…)",
        params: S.IdParams,
        response: { 200: S.PlaceFileView },
      },
    },
    async (req) => placeFile(read(req), req.params.id),
  );
  app.post(
    "/api/places/:id/reveal-phone",
    {
      schema: {
        tags: placesTag,
        summary: "The responsible person's or safety manager's phone in clear, with an audited reason",
        params: S.IdParams,
        body: S.RevealPlaceBody,
        response: { 200: S.RevealPlaceView },
      },
    },
    async (req) => req.withCtx((ctx) => revealPlacePhone(ctx, req.params.id, req.body)),
  );

  // things
  const thingsTag = ["registry: things"];
  app.post(
    "/api/things",
    {
      schema: {
        tags: thingsTag,
        summary: "Register a thing; located by point, area, or the place/house/building it is in",
        body: S.CreateThingBody,
        response: { 201: S.ThingView },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createThing(ctx, req.body))),
  );
  app.get(
    "/api/things",
    {
      schema: {
        tags: thingsTag,
        summary: "Things in your scope (filters: kind, area, place, house, building, inspection due before)",
        querystring: S.ThingListQuery,
        response: { 200: S.ThingList },
      },
    },
    async (req) => listThings(read(req), req.query),
  );
  app.get(
    "/api/things/:id",
    {
      schema: {
        tags: thingsTag,
        summary: "One thing with its recent inspections",
        params: S.IdParams,
        response: { 200: S.ThingDetailView },
      },
    },
    async (req) => readThing(read(req), req.params.id),
  );
  app.patch(
    "/api/things/:id",
    {
      schema: {
        tags: thingsTag,
        summary: "Change a thing at its version; null clears a field",
        params: S.IdParams,
        body: S.UpdateThingBody,
        response: { 200: S.ThingView },
      },
    },
    async (req) => req.withCtx((ctx) => updateThing(ctx, req.params.id, req.body)),
  );
  app.post(
    "/api/things/:id/inspections",
    {
      schema: {
        tags: thingsTag,
        summary: "Record an inspection: last and next inspection dates move",
        params: S.IdParams,
        body: S.InspectionBody,
        response: { 200: S.ThingView },
      },
    },
    async (req) => req.withCtx((ctx) => recordInspection(ctx, req.params.id, req.body)),
  );
}
