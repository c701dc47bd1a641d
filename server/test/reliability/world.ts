import type { Role } from "../../src/core/actor";
import { ROLES } from "../../src/core/actor";
import { residentId } from "../../src/modules/registry/import/test-files";
import { importTree, type AreaRef, type Tree } from "./areas";
import { login, ok, multipart, type Auth, type Http } from "./http";

export const USER_PASSWORD = "reliable-pass-1";

/** Every kind of record the matrix reaches by id, one of each in a grid. */
export interface Records {
  person: string;
  person2: string;
  household: string;
  building: string;
  house: string;
  tenancy: string;
  place: string;
  thing: string;
  keyPerson: string;
  helper: string;
  carePlan: string;
  carePlanAction: string;
  visit: string;
  event: string;
  trackingCode: string;
  consultation: string;
  task: string;
  supervision: string;
  teamMember: string;
  registryImport: string;
}

/** One grid's records, with the strings that must never show outside its scope. */
export interface Side {
  area: AreaRef;
  ids: Records;
  /** Names, addresses and texts of the records (each unique to this side). */
  texts: string[];
  /** Personal values sent in clear (ID numbers, phones): never in any answer, log or list. */
  secrets: string[];
  /** The first person's version once the side is built (for PATCH bodies). */
  personVersion: number;
}

export interface Actor {
  role: Role | "anonymous";
  username: string;
  id: string;
  auth: Auth;
}

export interface World {
  tree: Tree;
  /** The administrator of the whole deployment (no scope), who built the world. */
  root: Auth;
  /** One user per role, all scoped to grid A (the admin too: then even an admin is scoped). */
  users: Record<Role, Actor>;
  anonymous: Actor;
  /** A grid worker of grid B (B's helper, participant and assignee). */
  workerB: Actor;
  a: Side;
  b: Side;
  departmentCode?: string;
  /** A photo uploaded by the root administrator (files are readable by content hash). */
  fileId: string;
  /** A police district mapped to grids A and B. */
  policeDistrict: string;
}

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

let counter = 0;
/** A fresh number for unique names, ID numbers and phones within this process. */
export const nextSeq = () => ++counter;

/** A valid resident ID number, unique within the run (sequence from the counter and a salt). */
export function newIdNumber(salt: number): string {
  const n = nextSeq() + salt;
  const day = String(1 + (n % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0");
  return residentId("330212", `19${60 + (Math.floor(n / 336) % 40)}${month}${day}`, n % 1000);
}

export const newPhone = (salt: number) =>
  `139${String((nextSeq() * 7919 + salt) % 100_000_000).padStart(8, "0")}`;

/** Creates a user through the API as the root administrator and logs them in. */
export async function createUser(
  http: Http,
  root: Auth,
  o: { roles: Role[]; scopes: string[]; department?: string; username?: string },
): Promise<Actor> {
  const username = o.username ?? `rel-${o.roles.join("-")}-${Date.now().toString(36)}${nextSeq()}`;
  const body = await ok(http, {
    method: "POST",
    url: "/api/users",
    headers: root,
    json: {
      username,
      displayName: `测试 ${o.roles.join(",")}`,
      password: USER_PASSWORD,
      roles: o.roles,
      scopeCodes: o.scopes,
      ...(o.department ? { department: o.department } : {}),
    },
  });
  return { role: o.roles[0]!, username, id: body.id, auth: await login(http, username, USER_PASSWORD) };
}

/** One of every record kind in an area, through the API as the root administrator. */
export async function buildSide(
  http: Http,
  root: Auth,
  area: AreaRef,
  tag: string,
  helperUserId: string,
): Promise<Side> {
  const post = (url: string, json: unknown) => ok(http, { method: "POST", url, headers: root, json });
  const salt = tag.charCodeAt(0) * 1000;
  const idNumbers = [newIdNumber(salt), newIdNumber(salt)];
  const phones = [newPhone(salt), newPhone(salt), newPhone(salt), newPhone(salt)];
  const t = (what: string) => `${tag}${what}${nextSeq()}`;
  const names = {
    person: t("张越"),
    person2: t("李护"),
    household: t("户址"),
    building: t("楼宇"),
    house: t("房址"),
    place: t("店名"),
    thing: t("器材"),
    event: t("事件标题"),
    eventText: t("事件描述"),
    consultation: t("会商"),
    task: t("任务"),
    guardian: t("监护人"),
    carePlan: t("帮扶目标"),
    team: t("队员"),
  };
  const person = await post("/api/persons", {
    name: names.person,
    idNumber: idNumbers[0],
    phone: phones[0],
    currentAddress: t("现住址"),
    areaCode: area.code,
  });
  const person2 = await post("/api/persons", {
    name: names.person2,
    idNumber: idNumbers[1],
    phone: phones[1],
    areaCode: area.code,
  });
  const household = await post("/api/households", {
    areaCode: area.code,
    address: names.household,
    members: [{ personId: person.id, relation: "01" }],
  });
  const building = await post("/api/buildings", { name: names.building, floors: 20, areaCode: area.code });
  const house = await post("/api/houses", {
    address: names.house,
    areaCode: area.code,
    buildingId: building.id,
    isRented: true,
  });
  const tenancy = await post(`/api/houses/${house.id}/tenancies`, {
    personId: person2.id,
    startOn: "2025-01-01",
  });
  const place = await post("/api/places", {
    name: names.place,
    kind: "restaurant",
    areaCode: area.code,
    responsibleName: t("负责人"),
    responsiblePhone: phones[2],
  });
  const thing = await post("/api/things", { kind: "extinguisher", placeId: place.id, label: names.thing });
  const keyPerson = await post("/api/key-persons", {
    personId: person2.id,
    category: "03",
    attentionLevel: "01",
    details: {
      riskGrade: "03",
      diagnosis: "01",
      treatment: "02",
      guardianName: names.guardian,
      guardianPhone: phones[3],
    },
    startedOn: "2025-01-10",
    visitIntervalDays: 14,
  });
  const helpers = await post(`/api/key-persons/${keyPerson.id}/helpers`, {
    helpers: [{ userId: helperUserId, role: "grid_worker" }],
  });
  const carePlan = await post(`/api/key-persons/${keyPerson.id}/care-plans`, {
    kind: "treatment",
    goal: names.carePlan,
    startOn: "2025-02-01",
    actions: [{ description: t("帮扶措施") }],
  });
  const visit = await post("/api/visits", { subjectType: "place", subjectId: place.id, dueOn: "2030-01-01" });
  const event = await post("/api/events", {
    category: "0101",
    title: names.event,
    description: names.eventText,
    areaCode: area.code,
  });
  const consultation = await post(`/api/events/${event.id}/consultations`, {
    title: names.consultation,
    participants: [{ userId: helperUserId }],
  });
  const task = await post(`/api/consultations/${consultation.id}/tasks`, {
    title: names.task,
    assignee: { userId: helperUserId },
    dueAt: "2030-01-01T00:00:00Z",
  });
  const supervision = await post("/api/supervisions", { eventId: event.id, reason: t("督办理由") });
  const teamMember = await post(`/api/areas/${encodeURIComponent(area.code)}/team`, {
    name: names.team,
    teamRole: "volunteer",
  });
  const csv = `姓名,证件号码\n${t("导入人")},${newIdNumber(salt)}\n`;
  const upload = multipart(
    { kind: "persons", areaCode: area.code },
    { name: `${tag}.csv`, bytes: Buffer.from(csv) },
  );
  const registryImport = await ok(http, {
    method: "POST",
    url: "/api/registry/imports",
    headers: { ...root, ...upload.headers },
    body: upload.body,
  });
  const ids: Records = {
    person: person.id,
    person2: person2.id,
    household: household.id,
    building: building.id,
    house: house.id,
    tenancy: tenancy.id,
    place: place.id,
    thing: thing.id,
    keyPerson: keyPerson.id,
    helper: helpers.helpers?.[0]?.id,
    carePlan: carePlan.id,
    carePlanAction: carePlan.actions?.[0]?.id,
    visit: visit.id,
    event: event.id,
    trackingCode: event.trackingCode,
    consultation: consultation.id,
    task: task.id,
    supervision: supervision.id,
    teamMember: teamMember.id,
    registryImport: registryImport.id,
  };
  for (const [k, v] of Object.entries(ids))
    if (typeof v !== "string" || v.length === 0)
      throw new Error(`world: no id for ${k} in grid ${area.code}`);
  return {
    area,
    ids,
    texts: Object.values(names),
    secrets: [...idNumbers, ...phones],
    // joining the household bumped it: the version a client would send now
    personVersion: (await ok(http, { url: `/api/persons/${person.id}`, headers: root })).version,
  };
}

/**
 * The two-grid world of the access matrix: areas imported through the API, a user of every role
 * scoped to grid A, and one record of every kind in grid A and in grid B.
 */
export async function buildWorld(
  http: Http,
  root: Auth,
  o: { prefix: string; departmentCode?: string },
): Promise<World> {
  const tree = await importTree(http, root, o.prefix);
  const users = {} as Record<Role, Actor>;
  for (const role of ROLES)
    users[role] = await createUser(http, root, {
      roles: [role],
      scopes: [tree.gridA.code],
      ...(role === "department_handler" && o.departmentCode ? { department: o.departmentCode } : {}),
    });
  // grid B's records involve only grid B's people: no relation may carry them into grid A's view
  const workerB = await createUser(http, root, { roles: ["grid_worker"], scopes: [tree.gridB.code] });
  const b = await buildSide(http, root, tree.gridB, "乙", workerB.id);
  const a = await buildSide(http, root, tree.gridA, "甲", users.grid_worker.id);
  const photo = multipart({}, { name: "photo.png", bytes: PNG_1PX, type: "image/png" });
  const file = await ok(http, {
    method: "POST",
    url: "/api/files",
    headers: { ...root, ...photo.headers },
    body: photo.body,
  });
  const policeDistrict = `${o.prefix.toUpperCase()}PD`;
  await ok(http, {
    method: "POST",
    url: "/api/police-districts",
    headers: root,
    json: { code: policeDistrict, name: `${o.prefix}警务区` },
  });
  await ok(http, {
    method: "PUT",
    url: `/api/police-districts/${policeDistrict}/grids`,
    headers: root,
    json: { gridCodes: [tree.gridA.code, tree.gridB.code] },
  });
  return {
    tree,
    root,
    users,
    anonymous: { role: "anonymous", username: "", id: "", auth: {} },
    workerB,
    a,
    b,
    departmentCode: o.departmentCode,
    fileId: file.id,
    policeDistrict,
  };
}
