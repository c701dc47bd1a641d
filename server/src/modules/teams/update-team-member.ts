import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import type { TeamRole } from "./team-roles";
import {
  auditView,
  checkSubstitute,
  encryptPhone,
  gridFor,
  memberOf,
  presentMembers,
  resolveUsername,
  type MemberView,
} from "./team-members";
import { datesInvalid } from "./teams.errors";
import * as repo from "./teams.repo";

/** A field left out stays as it is; null clears it. */
export interface UpdateMemberInput {
  name?: string;
  teamRole?: TeamRole;
  username?: string | null;
  phone?: string | null;
  duty?: string | null;
  substituteId?: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
}

/** Changes a member of a grid's team; audited field by field (the phone as a digest). */
export async function updateTeamMember(
  ctx: Ctx,
  gridCode: string,
  id: string,
  input: UpdateMemberInput,
): Promise<MemberView> {
  const grid = await gridFor(ctx, gridCode, "team.manage");
  const current = await memberOf(ctx, grid, id, true);
  const changes: Partial<repo.NewMember> = {};
  let username = current.username;
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.teamRole !== undefined) changes.teamRole = input.teamRole;
  if (input.username !== undefined) {
    const user = input.username === null ? null : await resolveUsername(ctx, input.username);
    changes.userId = user?.id ?? null;
    username = user?.username ?? null;
  }
  if (input.phone !== undefined)
    changes.phoneEnc = input.phone === null ? null : encryptPhone(ctx, input.phone);
  if (input.duty !== undefined) changes.duty = input.duty?.trim() || null;
  if (input.substituteId !== undefined) {
    if (input.substituteId !== null) await checkSubstitute(ctx, grid, input.substituteId, id);
    changes.substituteId = input.substituteId;
  }
  if (input.activeFrom !== undefined) changes.activeFrom = input.activeFrom;
  if (input.activeTo !== undefined) changes.activeTo = input.activeTo;
  const from = changes.activeFrom !== undefined ? changes.activeFrom : current.activeFrom;
  const to = changes.activeTo !== undefined ? changes.activeTo : current.activeTo;
  if (from && to && to < from) throw datesInvalid();

  const row = Object.keys(changes).length > 0 ? await repo.update(ctx.tx, id, changes) : current;
  const updated = { ...row, username };
  await recordAudit(ctx, {
    action: "team.member_updated",
    subjectType: "grid_team_member",
    subjectId: id,
    before: auditView(ctx, grid, current),
    after: auditView(ctx, grid, updated),
  });
  return presentMembers(ctx, [updated], await repo.listByArea(ctx.tx, grid.id))[0]!;
}
