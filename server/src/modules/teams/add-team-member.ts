import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import type { TeamRole } from "./team-roles";
import {
  auditView,
  checkSubstitute,
  encryptPhone,
  gridFor,
  presentMembers,
  resolveUsername,
  type MemberView,
} from "./team-members";
import { datesInvalid } from "./teams.errors";
import * as repo from "./teams.repo";

export interface AddMemberInput {
  name: string;
  teamRole: TeamRole;
  username?: string;
  phone?: string;
  duty?: string;
  substituteId?: string;
  activeFrom?: string;
  activeTo?: string;
}

/** Adds a person to a grid's team; the phone is stored encrypted and audited only as a digest. */
export async function addTeamMember(ctx: Ctx, gridCode: string, input: AddMemberInput): Promise<MemberView> {
  const grid = await gridFor(ctx, gridCode, "team.manage");
  const user = input.username ? await resolveUsername(ctx, input.username) : undefined;
  if (input.substituteId) await checkSubstitute(ctx, grid, input.substituteId);
  if (input.activeFrom && input.activeTo && input.activeTo < input.activeFrom) throw datesInvalid();
  const row = await repo.insert(ctx.tx, {
    areaId: grid.id,
    userId: user?.id ?? null,
    name: input.name.trim(),
    teamRole: input.teamRole,
    phoneEnc: input.phone ? encryptPhone(ctx, input.phone) : null,
    duty: input.duty?.trim() || null,
    substituteId: input.substituteId ?? null,
    activeFrom: input.activeFrom ?? null,
    activeTo: input.activeTo ?? null,
    createdAt: ctx.clock.now(),
  });
  const member = { ...row, username: user?.username ?? null };
  await recordAudit(ctx, {
    action: "team.member_added",
    subjectType: "grid_team_member",
    subjectId: row.id,
    before: null,
    after: auditView(ctx, grid, member),
  });
  return presentMembers(ctx, [member], await repo.listByArea(ctx.tx, grid.id))[0]!;
}
