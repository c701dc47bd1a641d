import type { Role } from "../../src/core/actor";
import type { Action } from "../../src/core/authorize";
import type { Records, World } from "./world";

/**
 * The expected access of every route, as data. The matrix test fails on a route that has no entry
 * here ("add the route to the matrix"), so a new route is never left unexamined.
 *
 * kind: public (no sign-in), self (any signed-in user, about themselves), read (one record),
 * list (many records or a download), write (a change), stream (Server-Sent Events).
 * action: the policy in core/authorize.ts that decides for a role in scope; roles: the roles
 * allowed instead, where the route's rule is more than one policy (then `note` says why).
 */
export interface Rule {
  kind: "public" | "self" | "read" | "list" | "write" | "stream";
  action?: Action;
  roles?: readonly Role[];
  /** Where each path parameter comes from: a record of the side, the side's grid, or a value. */
  params?: Record<string, Param>;
  /** A valid body for the side: roles allowed in scope must then succeed (2xx). */
  body?: (s: SideRef, w: World) => unknown;
  query?: (s: SideRef, w: World) => string;
  /** The body names the side's record (then in/out of scope applies through the body). */
  bodyScoped?: boolean;
  /** Reveals a personal value on purpose (exempt from the secrets scan for allowed roles in scope). */
  reveals?: boolean;
  /** The answer is a spreadsheet: its cells are scanned. */
  xlsx?: boolean;
  /** A change allowed in any area (reports by location): no out-of-scope expectation. */
  anyArea?: boolean;
  /** Answers that count as "allowed" besides 2xx (the domain refused the given values, not the caller). */
  okStatus?: number[];
  /** The id names nothing that exists: those allowed get 404 too. */
  absent?: boolean;
  /** A list that answers those without the permission with their own records only (200, scanned). */
  ownOnly?: boolean;
  /** An administrator's view of the whole deployment by policy: not scanned for grid B (see note). */
  deploymentWide?: string;
  note?: string;
}

export type Param = { rec: keyof Records } | { area: true } | { value: string | ((w: World) => string) };

/** A side as rules see it: grid A's, grid B's, or one whose ids exist nowhere. */
export interface SideRef {
  name: "in" | "out" | "none" | "mixed";
  areaCode: string;
  ids: Records;
}

const rec = (k: keyof Records): Param => ({ rec: k });
const AREA: Param = { area: true };
const val = (v: string | ((w: World) => string)): Param => ({ value: v });
const NO_UUID = "00000000-0000-4000-8000-00000000beef";

const pub = (note?: string): Rule => ({ kind: "public", note });
const self = (action: Action, o: Partial<Rule> = {}): Rule => ({ kind: "self", action, ...o });
const read = (action: Action, params: Rule["params"], o: Partial<Rule> = {}): Rule => ({
  kind: "read",
  action,
  params,
  ...o,
});
const list = (action: Action, o: Partial<Rule> = {}): Rule => ({ kind: "list", action, ...o });
const write = (action: Action, o: Partial<Rule> = {}): Rule => ({ kind: "write", action, ...o });

/** Events are read by the scoped readers (not department handlers, who see their parts) and relations. */
const EVENT_READERS: readonly Role[] = ["admin", "leader", "dispatcher", "grid_worker", "mediator", "police"];
const EVENT_NOTE =
  "events.repo SCOPED_READERS: a department handler sees only events with a part of its unit";

const id = { id: rec("person") };
const today = "2025-06-01";

export const RULES: Record<string, Rule> = {
  // platform
  "GET /api/health": pub(),
  "GET /api/openapi.json": pub(),
  "GET /docs": pub(),
  "GET /docs/*": pub(),
  "POST /api/auth/login": pub(),
  "POST /api/auth/token": pub(),
  "POST /api/auth/logout": pub(
    "clears the cookie even without a session (never sent by the matrix as a role)",
  ),
  "POST /api/auth/password": write("me.password", {
    body: () => ({ currentPassword: "not-my-password", newPassword: "another-pass-123" }),
    okStatus: [422],
    note: "a wrong current password: 422 for whoever may change theirs",
  }),
  "GET /api/me": self("me.read"),
  "GET /api/api-keys": list("apikey.manage"),
  "POST /api/api-keys": write("apikey.manage"),
  "DELETE /api/api-keys/{id}": write("apikey.manage", { params: { id: val(NO_UUID) } }),
  "GET /api/users": list("user.list"),
  "POST /api/users": write("user.create"),
  "PATCH /api/users/{id}": write("user.update", { params: { id: val((w) => w.workerB.id) } }),
  "POST /api/users/{id}/handover": write("user.handover", { params: { id: val((w) => w.workerB.id) } }),
  "GET /api/audit": list("audit.search", {
    deploymentWide:
      "audit.search is admin without a subject: an admin with an area scope reads every area's trail",
  }),
  "POST /api/audit/verify": write("audit.verify"),
  "GET /api/admin/clock": self("clock.set"),
  "POST /api/admin/clock": write("clock.set"),
  "GET /api/jobs/{id}": read(
    "system.status",
    { id: val("1") },
    {
      deploymentWide: "system.status is admin without a subject: job payloads name records of every area",
    },
  ),
  "GET /api/departments": list("department.list"),
  "POST /api/files": write("file.upload"),
  "GET /api/files/{id}": read(
    "file.read",
    { id: val((w) => w.fileId) },
    {
      note: "file.read: anyone signed in, by the content hash (event photos); import files are stored sealed",
    },
  ),
  "GET /api/notifications": self("notification.read"),
  "POST /api/notifications/read": write("notification.read", { body: () => ({ all: true }) }),
  "GET /api/notifications/stream": { kind: "stream", action: "notification.read" },
  "GET /api/tasks": self("notification.read"),
  "POST /api/tasks/{id}/done": write("event.read", { params: { id: rec("task") } }),

  // areas, teams, police
  "GET /api/areas": list("area.read"),
  "GET /api/areas/{code}": read("area.read", { code: AREA }),
  "GET /api/areas/{code}/geojson": read("area.read", { code: AREA }),
  "GET /api/areas/{code}/history": read("area.read", { code: AREA }),
  "GET /api/areas/{code}/police-district": read("area.read", { code: AREA }),
  "GET /api/areas/{code}/team": read("team.read", { code: AREA }),
  "GET /api/areas/locate": self("area.locate", {
    query: (s, w) =>
      s.name === "out"
        ? `lat=${w.tree.points.b.lat}&lng=${w.tree.points.b.lng}`
        : `lat=${w.tree.points.a.lat}&lng=${w.tree.points.a.lng}`,
  }),
  "GET /api/map/config": self("area.read"),
  "GET /api/team-roles": list("team.read"),
  "POST /api/areas/import": write("area.import"),
  "PATCH /api/areas/{code}": write("area.edit", { params: { code: AREA } }),
  "POST /api/areas/{code}/move": write("area.edit", { params: { code: AREA } }),
  "POST /api/areas/{code}/split": write("area.edit", { params: { code: AREA } }),
  "POST /api/areas/merge": write("area.edit"),
  "GET /api/areas/unassigned": list("unassigned.manage"),
  "POST /api/areas/unassigned/{id}/assign": write("unassigned.manage", { params: { id: val(NO_UUID) } }),
  "POST /api/areas/reassign": write("area.edit"),
  "POST /api/areas/{code}/team": write("team.manage", {
    params: { code: AREA },
    body: () => ({ name: "临时队员", teamRole: "volunteer" }),
  }),
  "PATCH /api/areas/{code}/team/{id}": write("team.manage", {
    params: { code: AREA, id: rec("teamMember") },
    body: () => ({ duty: "巡查" }),
  }),
  "DELETE /api/areas/{code}/team/{id}": write("team.manage", { params: { code: AREA, id: val(NO_UUID) } }),
  "POST /api/areas/{code}/team/{id}/reveal-phone": write("team.reveal_phone", {
    params: { code: AREA, id: rec("teamMember") },
    body: () => ({ reason: "联系队员核实情况" }),
    reveals: true,
  }),
  "GET /api/police-districts": list("police_district.read"),
  "POST /api/police-districts": write("police_district.manage"),
  "POST /api/police-districts/import": write("police_district.manage"),
  "GET /api/police-districts/{code}": read("police_district.read", { code: val((w) => w.policeDistrict) }),
  "PUT /api/police-districts/{code}/grids": write("police_district.manage", {
    params: { code: val("NOSUCHPD") },
  }),
  "PUT /api/police-districts/{code}/officers": write("police_district.manage", {
    params: { code: val("NOSUCHPD") },
  }),

  // registry: persons and households
  "GET /api/persons": list("registry.read"),
  "POST /api/persons": write("registry.edit", {
    bodyScoped: true,
    body: (s) => ({ name: "新登记人员", areaCode: s.areaCode }),
  }),
  "GET /api/persons/{id}": read("registry.read", id),
  "GET /api/persons/{id}/history": read("registry.read", id),
  "GET /api/persons/{id}/file": read("registry.read", id),
  "PATCH /api/persons/{id}": write("registry.edit", { params: id }),
  "POST /api/persons/{id}/reveal": write("person.reveal", {
    params: id,
    body: () => ({ field: "idNumber", reason: "核实身份信息" }),
    reveals: true,
  }),
  "POST /api/persons/{id}/deregister": write("registry.edit", { params: id }),
  "GET /api/households": list("registry.read"),
  "POST /api/households": write("registry.edit", {
    bodyScoped: true,
    body: (s) => ({ areaCode: s.areaCode, address: "新登记户" }),
  }),
  "GET /api/households/{id}": read("registry.read", { id: rec("household") }),
  "GET /api/households/{id}/history": read("registry.read", { id: rec("household") }),
  "GET /api/households/{id}/file": read("registry.read", { id: rec("household") }),
  "PATCH /api/households/{id}": write("registry.edit", { params: { id: rec("household") } }),
  "POST /api/households/{id}/members": write("registry.edit", { params: { id: rec("household") } }),
  "DELETE /api/households/{id}/members/{personId}": write("registry.edit", {
    params: { id: rec("household"), personId: rec("person") },
  }),
  "GET /api/registry/codes": list("registry.read"),
  "GET /api/registry/settings": self("registry.purge"),
  "PUT /api/registry/settings": write("registry.purge"),
  "GET /api/registry/templates/{file}": read("registry.import", { file: val("persons.xlsx") }),
  "POST /api/registry/imports": write("registry.import"),
  "GET /api/registry/imports": list("registry.import"),
  "GET /api/registry/imports/{id}": read("registry.import", { id: rec("registryImport") }),
  "GET /api/registry/imports/{id}/errors.xlsx": read(
    "registry.import",
    { id: rec("registryImport") },
    {
      okStatus: [409],
      note: "a valid import has no errors sheet: 409 for those who may see it",
    },
  ),
  "GET /api/registry/exports/persons.xlsx": list("registry.export", { xlsx: true }),

  // registry: key persons, care plans, visits
  "GET /api/key-persons/categories": list("registry.read"),
  "GET /api/key-persons/stats": list("key_person.read"),
  "GET /api/key-persons": list("key_person.read"),
  "POST /api/key-persons": write("key_person.edit"),
  "GET /api/key-persons/grants/{userId}": read("key_person.grant", { userId: val((w) => w.workerB.id) }),
  "PUT /api/key-persons/grants/{userId}": write("key_person.grant", {
    params: { userId: val((w) => w.workerB.id) },
  }),
  "GET /api/key-persons/{id}": read("key_person.read", { id: rec("keyPerson") }),
  "PATCH /api/key-persons/{id}": write("key_person.edit", { params: { id: rec("keyPerson") } }),
  "POST /api/key-persons/{id}/end": write("key_person.edit", { params: { id: rec("keyPerson") } }),
  "POST /api/key-persons/{id}/helpers": write("key_person.edit", { params: { id: rec("keyPerson") } }),
  "DELETE /api/key-persons/{id}/helpers/{helperId}": write("key_person.edit", {
    params: { id: rec("keyPerson"), helperId: rec("helper") },
  }),
  "POST /api/key-persons/{id}/care-plans": write("key_person.edit", { params: { id: rec("keyPerson") } }),
  "POST /api/key-persons/{id}/visits": write("visit.record", {
    params: { id: rec("keyPerson") },
    roles: ["admin", "dispatcher", "grid_worker", "police"],
    note: "visit.record and key_person.read: a mediator records visits but does not see key-person files",
    body: () => ({ doneAt: "2025-06-01T02:00:00Z", method: "phone", note: "电话回访" }),
  }),
  "POST /api/care-plans/{id}/actions": write("key_person.edit", {
    params: { id: rec("carePlan") },
    body: () => ({ description: "新增帮扶措施" }),
  }),
  "POST /api/care-plans/{id}/actions/{actionId}/done": write("key_person.edit", {
    params: { id: rec("carePlan"), actionId: rec("carePlanAction") },
  }),
  "POST /api/care-plans/{id}/close": write("key_person.edit", { params: { id: rec("carePlan") } }),
  "POST /api/visits": write("visit.record", {
    bodyScoped: true,
    body: (s) => ({ subjectType: "place", subjectId: s.ids.place, dueOn: "2031-01-01" }),
  }),
  "POST /api/visits/{id}/done": write("visit.record", { params: { id: rec("visit") } }),
  "GET /api/visits/due": list("registry.read"),

  // registry: buildings, houses, places, things
  "GET /api/buildings": list("registry.read"),
  "GET /api/buildings/rating-criteria": self("me.read", { note: "reference data (the rating criteria)" }),
  "POST /api/buildings": write("registry.edit", {
    bodyScoped: true,
    body: (s) => ({ name: "新登记楼宇", floors: 3, areaCode: s.areaCode }),
  }),
  "GET /api/buildings/{id}": read("registry.read", { id: rec("building") }),
  "PATCH /api/buildings/{id}": write("registry.edit", { params: { id: rec("building") } }),
  "POST /api/buildings/{id}/rating": write("registry.edit", { params: { id: rec("building") } }),
  "GET /api/buildings/{id}/ratings": read("registry.read", { id: rec("building") }),
  "GET /api/buildings/{id}/history": read("registry.read", { id: rec("building") }),
  "POST /api/buildings/{id}/deregister": write("registry.edit", { params: { id: rec("building") } }),
  "GET /api/houses": list("registry.read"),
  "POST /api/houses": write("registry.edit", {
    bodyScoped: true,
    body: (s) => ({ address: "新登记房屋 1 号", areaCode: s.areaCode }),
  }),
  "GET /api/houses/{id}": read("registry.read", { id: rec("house") }),
  "GET /api/houses/{id}/file": read("registry.read", { id: rec("house") }),
  "GET /api/houses/{id}/history": read("registry.read", { id: rec("house") }),
  "PATCH /api/houses/{id}": write("registry.edit", { params: { id: rec("house") } }),
  "POST /api/houses/{id}/deregister": write("registry.edit", { params: { id: rec("house") } }),
  "POST /api/houses/{id}/tenancies": write("registry.edit", { params: { id: rec("house") } }),
  "POST /api/houses/{id}/tenancies/{tid}/end": write("registry.edit", {
    params: { id: rec("house"), tid: rec("tenancy") },
  }),
  "POST /api/houses/{id}/reveal-owner-phone": write("person.reveal", {
    params: { id: rec("house") },
    reveals: true,
  }),
  "GET /api/places": list("registry.read"),
  "POST /api/places": write("registry.edit", {
    bodyScoped: true,
    body: (s) => ({ name: "新登记场所", kind: "restaurant", areaCode: s.areaCode }),
  }),
  "GET /api/places/{id}": read("registry.read", { id: rec("place") }),
  "GET /api/places/{id}/file": read("registry.read", { id: rec("place") }),
  "GET /api/places/{id}/ratings": read("registry.read", { id: rec("place") }),
  "GET /api/places/{id}/history": read("registry.read", { id: rec("place") }),
  "PATCH /api/places/{id}": write("registry.edit", { params: { id: rec("place") } }),
  "POST /api/places/{id}/rating": write("registry.edit", { params: { id: rec("place") } }),
  "POST /api/places/{id}/deregister": write("registry.edit", { params: { id: rec("place") } }),
  "POST /api/places/{id}/reveal-phone": write("person.reveal", {
    params: { id: rec("place") },
    body: () => ({ reason: "联系负责人", whom: "responsible" }),
    reveals: true,
  }),
  "GET /api/things": list("registry.read"),
  "POST /api/things": write("registry.edit", {
    bodyScoped: true,
    body: (s) => ({ kind: "extinguisher", placeId: s.ids.place, label: "新灭火器" }),
  }),
  "GET /api/things/{id}": read("registry.read", { id: rec("thing") }),
  "GET /api/things/{id}/history": read("registry.read", { id: rec("thing") }),
  "PATCH /api/things/{id}": write("registry.edit", { params: { id: rec("thing") } }),
  "POST /api/things/{id}/deregister": write("registry.edit", { params: { id: rec("thing") } }),
  "POST /api/things/{id}/inspections": write("registry.edit", {
    params: { id: rec("thing") },
    body: () => ({ on: today, result: "pass" }),
  }),

  // events
  "POST /api/events": write("event.report", {
    anyArea: true,
    body: (s) => ({ category: "0101", description: "矩阵测试上报", areaCode: s.areaCode }),
    note: "anyone signed in may report anywhere; the report is then theirs to follow",
  }),
  "GET /api/events": list("event.read", {
    roles: EVENT_READERS,
    ownOnly: true,
    note: `${EVENT_NOTE}; residents and volunteers list the events they reported`,
  }),
  "GET /api/events/track/{code}": pub(
    "the tracking code is the reporter's receipt; the answer is the public view",
  ),
  "GET /api/event-categories": list("event.report"),
  "POST /api/events/import": write("event.import"),
  "GET /api/events/imports/{id}": read("event.import", { id: val(NO_UUID) }, { absent: true }),
  "GET /api/events/{id}": read(
    "event.read",
    { id: rec("event") },
    { roles: EVENT_READERS, note: EVENT_NOTE },
  ),
  "GET /api/events/{id}/timeline": read(
    "event.read",
    { id: rec("event") },
    { roles: EVENT_READERS, note: EVENT_NOTE },
  ),
  "GET /api/events/{id}/duplicates": read(
    "event.read",
    { id: rec("event") },
    { roles: EVENT_READERS, note: EVENT_NOTE },
  ),
  "POST /api/events/{id}/actions": write("event.act", {
    params: { id: rec("event") },
    roles: EVENT_READERS,
    body: () => ({ action: "comment", note: "矩阵测试备注" }),
    note: EVENT_NOTE,
  }),
  "POST /api/events/{id}/reveal-reporter": write("event.reveal_reporter", {
    params: { id: rec("event") },
    reveals: true,
  }),
  "POST /api/events/{id}/consultations": write("event.consult", { params: { id: rec("event") } }),
  "POST /api/iot/alarms": write("event.import"),
  "GET /api/event-config/{kind}": read("event.read", { kind: val("categories") }),
  "GET /api/event-config/{kind}/versions": read("event.read", { kind: val("categories") }),
  "GET /api/event-config/{kind}/versions/{version}": read("event.read", {
    kind: val("categories"),
    version: val("1"),
  }),
  "PUT /api/event-config/categories": write("event.configure"),
  "PUT /api/event-config/routing": write("event.configure"),
  "PUT /api/event-config/sla": write("event.configure"),
  "PUT /api/event-config/states": write("event.configure"),
  "GET /api/calendar/years": list("event.read"),
  "GET /api/calendar/years/{year}": read("event.read", { year: val("2026") }),
  "PUT /api/calendar/years/{year}": write("event.configure", { params: { year: val("2026") } }),

  // supervision
  "GET /api/supervisions": list("event.read"),
  "POST /api/supervisions": write("event.supervise", {
    bodyScoped: true,
    body: (s) => ({ eventId: s.ids.event, reason: "矩阵测试督办" }),
  }),
  "POST /api/supervisions/{id}/close": write("event.supervise", { params: { id: rec("supervision") } }),
  "GET /api/consultations/{id}": read(
    "event.read",
    { id: rec("consultation") },
    {
      note: "event.read as written: a department handler in scope sees the consultation (and its event's title)",
    },
  ),
  "POST /api/consultations/{id}/join": write("event.read", { params: { id: rec("consultation") } }),
  "PUT /api/consultations/{id}/minutes": write("event.consult", { params: { id: rec("consultation") } }),
  "POST /api/consultations/{id}/tasks": write("event.consult", { params: { id: rec("consultation") } }),
  "POST /api/consultations/{id}/close": write("event.consult", { params: { id: rec("consultation") } }),
  "GET /api/webhooks": list("webhook.manage"),
  "POST /api/webhooks": write("webhook.manage"),
  "DELETE /api/webhooks/{id}": write("webhook.manage", { params: { id: val(NO_UUID) } }),
  "POST /api/webhooks/{id}/test": write("webhook.manage", { params: { id: val(NO_UUID) } }),
  "GET /api/kpis": list("kpi.read"),
  "GET /api/kpis/definitions": list("kpi.read"),

  // Open311 GeoReport v2: public reads; posting needs an API key in the request
  "GET /open311/discovery.{format}": pub(),
  "GET /open311/v2/services.{format}": pub(),
  "GET /open311/v2/services/{file}": pub(),
  "GET /open311/v2/requests.{format}": pub("public events only: category marked public, no personal data"),
  "GET /open311/v2/requests/{file}": pub(),
  "GET /open311/v2/tokens/{file}": pub(),
  "POST /open311/v2/requests.{format}": pub("authenticated by api_key in the request, not by a session"),
};

/** Values for public routes' parameters (Open311 file names, formats). */
export const PUBLIC_PARAMS: Record<string, (w: World) => string> = {
  format: () => "json",
  file: () => "1.json",
  code: (w) => w.a.ids.trackingCode,
};
