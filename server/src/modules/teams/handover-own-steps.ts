import * as usersRepo from "../users/users.repo";
import type { HandoverStep } from "./handover-steps";
import { handedOver } from "./handover-steps";
import * as repo from "./teams.repo";

/** The departing user's area scopes (all, or the handed-over ones) become the other user's. */
export const scopesStep: HandoverStep = {
  name: "scopes",
  async run(ctx, h) {
    const scopes = await usersRepo.scopesOf(ctx.tx, [h.from.id, h.to.id]);
    const fromScopes = scopes.get(h.from.id) ?? [];
    const toScopes = scopes.get(h.to.id) ?? [];
    const codes = new Set(h.areas.map((a) => a.code));
    const moving = fromScopes.filter((s) => h.everything || codes.has(s.code));
    if (moving.length === 0) return [];
    const movingIds = new Set(moving.map((s) => s.id));
    const held = new Set(toScopes.map((s) => s.id));
    await usersRepo.setScopes(
      ctx.tx,
      h.from.id,
      fromScopes.filter((s) => !movingIds.has(s.id)).map((s) => s.id),
    );
    await usersRepo.setScopes(ctx.tx, h.to.id, [
      ...toScopes.map((s) => s.id),
      ...moving.filter((s) => !held.has(s.id)).map((s) => s.id),
    ]);
    return moving.map((s) => s.code);
  },
};

/**
 * The departing user's places on grid teams in the handed-over areas become the other user's (their
 * name replaces the departing one's; the departing person's phone is not kept). Where the other user
 * already has the same role on that team, the departing row is merged into theirs.
 */
export const teamStep: HandoverStep = {
  name: "teamMemberships",
  async run(ctx, h) {
    const moved: unknown[] = [];
    const theirs = await repo.membershipsOf(ctx.tx, h.to.id);
    for (const m of await repo.membershipsOf(ctx.tx, h.from.id)) {
      if (!handedOver(h, m.areaPath)) continue;
      const same = theirs.find((t) => t.areaId === m.areaId && t.teamRole === m.teamRole);
      if (same) {
        await repo.replaceSubstitute(ctx.tx, m.id, same.id);
        await repo.remove(ctx.tx, m.id);
        moved.push({ id: m.id, grid: m.areaCode, teamRole: m.teamRole, mergedInto: same.id });
        continue;
      }
      await repo.update(ctx.tx, m.id, { userId: h.to.id, name: h.to.displayName, phoneEnc: null });
      moved.push({ id: m.id, grid: m.areaCode, teamRole: m.teamRole });
    }
    return moved;
  },
};
