import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import * as users from "../users/users.repo";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../users/passwords";
import { wrongCurrentPassword } from "./auth.errors";
import * as repo from "./sessions.repo";

/** Changes the actor's own password and ends their other sessions and tokens. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  authorize(ctx.actor, "me.password");
  const user = await users.findById(ctx.tx, ctx.actor.userId!);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongCurrentPassword();
  checkPasswordStrength(input.newPassword, "newPassword");
  const now = ctx.clock.now();
  await users.updateUser(ctx.tx, user.id, {
    passwordHash: await hashPassword(input.newPassword),
    passwordChangedAt: now,
    updatedAt: now,
  });
  await repo.revokeOtherSessions(ctx.tx, user.id, ctx.actor.sessionId, now);
  await recordAudit(ctx, {
    action: "auth.password_changed",
    subjectType: "user",
    subjectId: user.id,
    before: { password: "old" },
    after: { password: "new" },
  });
}
