import { inArray, sql, type SQL } from "drizzle-orm";
import { hasRole, STAFF_ROLES } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { authorize, can, inScope, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { forbidden, notFound } from "../../core/errors";
import { keyPersons } from "../../db/schema";
import * as usersRepo from "../users/users.repo";
import { KEY_PERSON_CATEGORIES } from "./key-person-details";
import * as repo from "./key-persons.repo";
import { KEY_PERSON, RegistryError } from "./registry.errors";

/**
 * Which key-person categories the actor may read in their scope: every category for the roles the
 * `key_person.read` policy names, else those granted to the user (staff only).
 */
export async function readableCategories(ctx: Ctx): Promise<"all" | string[]> {
  if (can(ctx.actor, "key_person.read")) return "all";
  if (!ctx.actor.userId || !hasRole(ctx.actor, ...STAFF_ROLES)) return [];
  return repo.grantsOf(ctx.tx, ctx.actor.userId);
}

/** SQL keeping the key-person rows the actor may read (scope × categories); 403 when none at all. */
export async function keyPersonAccess(ctx: Ctx): Promise<SQL> {
  const cats = await readableCategories(ctx);
  if (cats !== "all" && cats.length === 0) throw forbidden();
  const scope = scopeCondition(ctx.actor, keyPersons.areaPath);
  return cats === "all" ? scope : sql`(${scope}) and ${inArray(keyPersons.category, cats)}`;
}

/** Whether the actor may read this key-person record (in scope, by role or by a grant for its category). */
export async function canReadKeyPerson(ctx: Ctx, kp: { areaPath: string | null; category: string }) {
  const areaPath = kp.areaPath ?? "";
  if (!inScope(ctx.actor, areaPath)) return false;
  if (can(ctx.actor, "key_person.read", { areaPath })) return true;
  const cats = await readableCategories(ctx);
  return cats !== "all" && cats.includes(kp.category);
}

/**
 * A key-person record the actor may read. Out of scope, or a category neither their role nor a grant
 * opens → 404: that someone is a key person is itself sensitive, so its existence does not leak.
 */
export async function visibleKeyPerson(ctx: Ctx, id: string, lock = false): Promise<repo.KeyPersonRow> {
  const row = await repo.findKeyPerson(ctx.tx, id, lock);
  if (!row || !(await canReadKeyPerson(ctx, row))) throw notFound(KEY_PERSON);
  return row;
}

/** A user's key-person grants (admin). */
export async function readGrants(ctx: Ctx, userId: string) {
  authorize(ctx.actor, "key_person.grant");
  const user = await usersRepo.findById(ctx.tx, userId);
  if (!user) throw notFound({ zh: "用户", en: "user" });
  return { userId, username: user.username, categories: await repo.grantsOf(ctx.tx, userId) };
}

/**
 * Sets the categories of key persons a user may read in their own scope beyond their role (e.g. a
 * mediator for key youth, 06); admin only, audited with before and after. Only staff may hold grants.
 */
export async function setKeyPersonGrants(ctx: Ctx, userId: string, categories: string[]) {
  authorize(ctx.actor, "key_person.grant");
  const user = await usersRepo.findById(ctx.tx, userId);
  if (!user) throw notFound({ zh: "用户", en: "user" });
  const wanted = [...new Set(categories)].sort();
  const bad = wanted.filter((c) => !(KEY_PERSON_CATEGORIES as readonly string[]).includes(c));
  if (bad.length)
    throw new RegistryError(
      "UNKNOWN_CODE",
      400,
      { zh: `重点人员类别不存在：${bad.join("、")}`, en: `No such key-person category: ${bad.join(", ")}` },
      "categories",
    );
  const roles = user.roles as string[];
  if (wanted.length && !roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)))
    throw new RegistryError(
      "GRANT_NOT_STAFF",
      422,
      {
        zh: "只有工作人员（有管辖范围的角色）可以被授权查看重点人员",
        en: "Only staff (roles with an area scope) can be granted key-person files",
      },
      "userId",
    );
  const before = await repo.grantsOf(ctx.tx, userId);
  await repo.setGrants(ctx.tx, userId, wanted, ctx.actor.userId, ctx.clock.now());
  await recordAudit(ctx, {
    action: "key_person.grants_set",
    subjectType: "user",
    subjectId: userId,
    before: { categories: before },
    after: { categories: wanted },
  });
  return { userId, username: user.username, categories: wanted };
}
