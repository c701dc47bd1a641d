import type { Role } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { checkPasswordStrength, hashPassword } from "./passwords";
import * as repo from "./users.repo";
import { userExists } from "./users.errors";
import { presentUsers, resolveAssignment } from "./user-input";

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  scopeCodes: string[];
  department?: string | null;
  isService?: boolean;
}

/** Creates an account with its roles and area scopes; the password is stored as an Argon2id hash. */
export async function createUser(ctx: Ctx, input: CreateUserInput) {
  authorize(ctx.actor, "user.create");
  checkPasswordStrength(input.password);
  if (await repo.findByUsername(ctx.tx, input.username)) throw userExists(input.username);
  const { areaIds, departmentId } = await resolveAssignment(
    ctx,
    input.roles,
    input.scopeCodes,
    input.department,
  );
  const now = ctx.clock.now();
  const user = await repo.insertUser(ctx.tx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles: [...new Set(input.roles)],
    departmentId,
    isService: input.isService ?? false,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await repo.setScopes(ctx.tx, user.id, areaIds);
  const [view] = await presentUsers(ctx, [user]);
  await recordAudit(ctx, {
    action: "user.created",
    subjectType: "user",
    subjectId: user.id,
    before: null,
    after: { ...view, password: true },
  });
  return view!;
}
