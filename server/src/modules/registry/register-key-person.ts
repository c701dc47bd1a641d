import { authorize, can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import * as usersRepo from "../users/users.repo";
import { snapshot } from "./buildings";
import { addDays, todayOf } from "./dates";
import { Problems } from "./field-checks";
import { recordChange } from "./history";
import { prepareDetails, type KeyPersonCategory } from "./key-person-details";
import * as repo from "./key-persons.repo";
import { requirePerson } from "./person-refs";
import { presentKeyPerson } from "./read-key-person";
import { fieldProblems, PERSON, RegistryError, unknownReference, wrongState } from "./registry.errors";

/** A helper (帮扶人): a user of the platform, or a named outsider (a relative, a volunteer…). */
export interface HelperInput {
  userId?: string;
  name?: string;
  /** helper-role code (HELPER_ROLES) */
  role: string;
  fromOn?: string;
}

/** The roles a helper plays, as data. */
export const HELPER_ROLES: readonly { code: string; zh: string; en: string }[] = [
  { code: "grid_worker", zh: "网格员", en: "Grid worker" },
  { code: "police", zh: "社区民警", en: "Community police" },
  { code: "official", zh: "村（社区）干部", en: "Community official" },
  { code: "judicial", zh: "司法所工作人员", en: "Judicial office" },
  { code: "doctor", zh: "精防医生", en: "Mental-health doctor" },
  { code: "social_worker", zh: "社工", en: "Social worker" },
  { code: "family", zh: "家属/监护人", en: "Family or guardian" },
  { code: "volunteer", zh: "志愿者", en: "Volunteer" },
  { code: "other", zh: "其他", en: "Other" },
];

export interface RegisterKeyPersonInput {
  personId: string;
  category: KeyPersonCategory;
  attentionLevel: string;
  details: Record<string, unknown>;
  startedOn: string;
  visitIntervalDays: number;
  helpers?: HelperInput[];
  employed?: boolean | null;
  /** when the first visit is due; by default one interval from today */
  firstVisitOn?: string;
}

export const KEY_PERSON_TRACKED = [
  "personId",
  "category",
  "attentionLevel",
  "details",
  "startedOn",
  "endedOn",
  "termination",
  "visitIntervalDays",
  "nextVisitOn",
  "employed",
  "status",
  "areaPath",
] as const;

/** Helper rows for a key person; a user helper must exist and takes their display name by default. */
export async function helperRows(ctx: Ctx, helpers: HelperInput[], today: string) {
  const p = new Problems();
  const rows = [];
  for (const [i, h] of helpers.entries()) {
    if (!HELPER_ROLES.some((r) => r.code === h.role))
      p.add(`helpers.${i}.role`, "UNKNOWN_CODE", `帮扶人角色“${h.role}”不存在`, `No helper role “${h.role}”`);
    let name = h.name?.trim();
    if (h.userId) {
      const user = await usersRepo.findById(ctx.tx, h.userId);
      if (!user) {
        p.add(`helpers.${i}.userId`, "UNKNOWN_REFERENCE", "用户不存在", "No such user");
        continue;
      }
      name ||= user.displayName;
    }
    if (!name) {
      p.add(`helpers.${i}.name`, "REQUIRED", "请填写帮扶人姓名或选择用户", "Give the helper's name or user");
      continue;
    }
    rows.push({ userId: h.userId ?? null, name, role: h.role, fromOn: h.fromOn ?? today });
  }
  if (p.list.length) throw fieldProblems(p.list);
  return rows;
}

/**
 * Registers a person as a key person of a category (GB/T 31000) with the category's details checked
 * as data, an attention level, helpers and a visit schedule. The record lives in the person's area;
 * key_person.edit there; one active record per person and category (409).
 */
export async function registerKeyPerson(ctx: Ctx, input: RegisterKeyPersonInput) {
  const person = await requirePerson(ctx.tx, input.personId, "personId");
  if (!person.areaPath || !can(ctx.actor, "registry.read", { areaPath: person.areaPath }))
    throw unknownReference("personId", PERSON);
  authorize(ctx.actor, "key_person.edit", { areaPath: person.areaPath });
  const p = new Problems();
  p.code("attentionLevel", "attention-level", input.attentionLevel);
  p.number("visitIntervalDays", input.visitIntervalDays, { min: 1, max: 366, integer: true });
  const today = todayOf(ctx);
  if (input.startedOn > today)
    p.add("startedOn", "DATE_IN_FUTURE", "开始日期不能晚于今天", "The start date cannot be in the future");
  const prepared = prepareDetails(ctx.keyring, input.category, input.details);
  const problems = [...p.list, ...prepared.problems];
  if (problems.length) throw fieldProblems(problems);
  if (await repo.activeOf(ctx.tx, input.personId, input.category))
    throw new RegistryError(
      "KEY_PERSON_EXISTS",
      409,
      {
        zh: "此人已在该类别的重点人员中",
        en: "This person is already an active key person of this category",
      },
      "category",
    );
  const helpers = await helperRows(ctx, input.helpers ?? [], today);
  if (person.status !== "active")
    throw wrongState("personId", "该人员已注销，不能列为重点人员", "The person is deregistered");
  const row = await repo.insertKeyPerson(ctx.tx, {
    personId: input.personId,
    category: input.category,
    attentionLevel: input.attentionLevel,
    details: prepared.details,
    startedOn: input.startedOn,
    visitIntervalDays: input.visitIntervalDays,
    nextVisitOn: input.firstVisitOn ?? addDays(today, input.visitIntervalDays),
    employed: input.employed ?? null,
    areaId: person.areaId,
    areaPath: person.areaPath,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  await repo.insertHelpers(
    ctx.tx,
    helpers.map((h) => ({ ...h, keyPersonId: row.id })),
  );
  await recordChange(ctx, {
    subjectType: "key_person",
    subjectId: row.id,
    version: row.version,
    action: "created",
    before: null,
    after: snapshot(row, KEY_PERSON_TRACKED),
  });
  return presentKeyPerson(ctx, row);
}
