import type { Role } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { sessions } from "../../db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { checkPasswordStrength, hashPassword } from "./passwords";
import * as repo from "./users.repo";
import { presentUsers, resolveAssignment } from "./user-input";

export interface UpdateUserInput {
  displayName?: string;
  roles?: Role[];
  scopeCodes?: string[];
  department?: string | null;
  disabled?: boolean;
  password?: string;
}

const USER = { zh: "用户", en: "user" };

/** Changes an account; disabling it or resetting its password ends its sessions. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput) {
  authorize(ctx.actor, "user.update");
  const current = await repo.findById(ctx.tx, id);
  if (!current) throw notFound(USER);
  const [before] = await presentUsers(ctx, [current]);
  const roles = input.roles ?? (current.roles as Role[]);
  const scopeCodes = input.scopeCodes ?? before!.scopes.map((s) => s.code);
  const deptCode =
    input.department !== undefined
      ? input.department
      : current.departmentId
        ? ((await repo.departmentCode(ctx.tx, current.departmentId)) ?? null)
        : null;
  const { areaIds, departmentId } = await resolveAssignment(ctx, roles, scopeCodes, deptCode);
  const now = ctx.clock.now();
  const changes: Parameters<typeof repo.updateUser>[2] = {
    updatedAt: now,
    roles: [...new Set(roles)],
    departmentId,
  };
  if (input.displayName !== undefined) changes.displayName = input.displayName;
  if (input.disabled !== undefined) changes.disabled = input.disabled;
  if (input.password !== undefined) {
    checkPasswordStrength(input.password);
    changes.passwordHash = await hashPassword(input.password);
    changes.passwordChangedAt = now;
  }
  const updated = await repo.updateUser(ctx.tx, id, changes);
  if (input.scopeCodes) await repo.setScopes(ctx.tx, id, areaIds);
  if (input.disabled || input.password !== undefined)
    await ctx.tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
  const [after] = await presentUsers(ctx, [updated]);
  await recordAudit(ctx, {
    action: "user.updated",
    subjectType: "user",
    subjectId: id,
    before: before as unknown as Record<string, unknown>,
    after: {
      ...(after as unknown as Record<string, unknown>),
      ...(input.password !== undefined ? { password: "reset" } : {}),
    },
  });
  return after!;
}
