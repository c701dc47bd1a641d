import type { AreaRef } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import * as areasRepo from "../areas/areas.repo";
import * as usersRepo from "../users/users.repo";
import { scopesStep, teamStep } from "./handover-own-steps";
import { handoverSteps, registerHandoverStep, type Handover } from "./handover-steps";
import {
  AREA,
  handoverNotHeld,
  handoverSameUser,
  handoverWouldWidenAdmin,
  unknownUser,
  USER,
} from "./teams.errors";
import * as repo from "./teams.repo";

registerHandoverStep(scopesStep);
registerHandoverStep(teamStep);

export interface HandoverInput {
  toUsername: string;
  /** which of the user's areas (scopes or team grids) to hand over; all when left out */
  gridCodes?: string[];
}

export interface HandoverReport {
  from: string;
  to: string;
  areas: string[];
  moved: Record<string, unknown[]>;
}

/**
 * Hands a user's areas over to another user in one transaction when they leave or change grid: every
 * registered hand-over step moves its items (here: area scopes and team memberships; later modules add
 * their open items), and one audit record lists what moved.
 */
export async function handOverUser(ctx: Ctx, fromId: string, input: HandoverInput): Promise<HandoverReport> {
  authorize(ctx.actor, "user.handover");
  const from = await usersRepo.findById(ctx.tx, fromId);
  if (!from) throw notFound(USER);
  const to = await usersRepo.findByUsername(ctx.tx, input.toUsername);
  if (!to || to.disabled) throw unknownUser(input.toUsername, "toUsername");
  if (to.id === from.id) throw handoverSameUser();
  await repo.lockUsers(ctx.tx, [from.id, to.id]);

  const scopes = (await usersRepo.scopesOf(ctx.tx, [from.id])).get(from.id) ?? [];
  const memberships = await repo.membershipsOf(ctx.tx, from.id);
  const held = new Map<string, string>([
    ...scopes.map((s) => [s.code, s.path] as const),
    ...memberships.map((m) => [m.areaCode, m.areaPath] as const),
  ]);
  const codes = input.gridCodes ? [...new Set(input.gridCodes)] : [...held.keys()];
  const notHeld = codes.filter((c) => !held.has(c));
  if (notHeld.length > 0) throw handoverNotHeld(notHeld);
  const areas: AreaRef[] = (await areasRepo.findByCodes(ctx.tx, codes)).map(areasRepo.toRef);
  for (const a of areas) authorize(ctx.actor, "user.handover", { areaPath: a.path }, AREA);
  const remaining = scopes.filter((s) => !codes.includes(s.code));
  if (from.roles.includes("admin") && scopes.length > 0 && remaining.length === 0)
    throw handoverWouldWidenAdmin();

  const handover: Handover = {
    from: { id: from.id, username: from.username },
    to: { id: to.id, username: to.username, displayName: to.displayName },
    areas,
    everything: !input.gridCodes,
  };
  const moved: Record<string, unknown[]> = {};
  for (const step of handoverSteps()) moved[step.name] = await step.run(ctx, handover);
  const report = { from: from.username, to: to.username, areas: areas.map((a) => a.code).sort(), moved };
  await recordAudit(ctx, {
    action: "user.handed_over",
    subjectType: "user",
    subjectId: from.id,
    before: null,
    after: { ...report, everything: handover.everything },
  });
  return report;
}
