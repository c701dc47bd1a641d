import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { gridFor, memberOf } from "./team-members";
import { reasonRequired } from "./teams.errors";

/**
 * A team member's phone in clear, for those who coordinate the grid (admin, dispatcher, leader,
 * police in scope); each reveal is audited with its reason.
 */
export async function revealTeamPhone(
  ctx: Ctx,
  gridCode: string,
  id: string,
  reason: string,
): Promise<{ phone: string | null }> {
  const grid = await gridFor(ctx, gridCode, "team.reveal_phone");
  const why = reason.trim();
  if (why.length < 5 || why.length > 200) throw reasonRequired();
  const member = await memberOf(ctx, grid, id);
  await recordAudit(ctx, {
    action: "team.phone_revealed",
    subjectType: "grid_team_member",
    subjectId: id,
    after: { grid: grid.code, name: member.name, hadPhone: member.phoneEnc !== null },
    reason: why,
  });
  return { phone: member.phoneEnc ? ctx.keyring.decrypt(member.phoneEnc) : null };
}
