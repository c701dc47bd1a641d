import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { auditView, gridFor, memberOf } from "./team-members";
import * as repo from "./teams.repo";

/** Takes a person off a grid's team; members they stood in for lose their substitute, and the record says whose. */
export async function removeTeamMember(ctx: Ctx, gridCode: string, id: string): Promise<void> {
  const grid = await gridFor(ctx, gridCode, "team.manage");
  const member = await memberOf(ctx, grid, id, true);
  const substituteFor = await repo.replaceSubstitute(ctx.tx, id, null);
  await repo.remove(ctx.tx, id);
  await recordAudit(ctx, {
    action: "team.member_removed",
    subjectType: "grid_team_member",
    subjectId: id,
    before: { ...auditView(ctx, grid, member), substituteFor },
    after: null,
  });
}
