import { can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { gridFor, presentMembers, type MemberView } from "./team-members";
import * as repo from "./teams.repo";

export interface TeamView {
  area: { code: string; name: string };
  members: MemberView[];
  can: { manage: boolean; revealPhone: boolean };
}

/** A grid's "1+3+N" team with phones masked; staff in scope of the grid only (404 for others). */
export async function readTeam(ctx: Ctx, gridCode: string): Promise<TeamView> {
  const grid = await gridFor(ctx, gridCode, "team.read");
  const members = await repo.listByArea(ctx.tx, grid.id);
  const subject = { areaPath: grid.path };
  return {
    area: { code: grid.code, name: grid.name },
    members: presentMembers(ctx, members),
    can: {
      manage: can(ctx.actor, "team.manage", subject),
      revealPhone: can(ctx.actor, "team.reveal_phone", subject),
    },
  };
}
