import { authorize, type Action } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { maskPhone, normalizeChinesePhone } from "../../core/privacy";
import * as areasRepo from "../areas/areas.repo";
import * as usersRepo from "../users/users.repo";
import { TEAM_ROLES, teamRoleRank } from "./team-roles";
import {
  AREA,
  gridRequired,
  phoneInvalid,
  substituteInvalid,
  TEAM_MEMBER,
  unknownUser,
} from "./teams.errors";
import * as repo from "./teams.repo";

/** The grid an actor acts on: 404 when it is missing or outside their scope, 403 when not allowed, 422 when not a grid. */
export async function gridFor(ctx: Ctx, code: string, action: Action): Promise<areasRepo.AreaRow> {
  const area = await areasRepo.findByCode(ctx.tx, code);
  if (!area) throw notFound(AREA);
  authorize(ctx.actor, action, { areaPath: area.path }, AREA);
  if (area.level !== "grid") throw gridRequired(area.code, area.level);
  return area;
}

/** One member of the grid's team, or 404. */
export async function memberOf(ctx: Ctx, grid: areasRepo.AreaRow, id: string, lock = false) {
  const member = await repo.findInArea(ctx.tx, grid.id, id, lock);
  if (!member) throw notFound(TEAM_MEMBER);
  return member;
}

export interface MemberView {
  id: string;
  name: string;
  teamRole: string;
  teamRoleName: { zh: string; en: string };
  username: string | null;
  phone: string | null;
  duty: string | null;
  substitute: { id: string; name: string } | null;
  activeFrom: string | null;
  activeTo: string | null;
}

const roleName = (code: string) => {
  const r = TEAM_ROLES.find((x) => x.code === code);
  return r ? { zh: r.zh, en: r.en } : { zh: code, en: code };
};

/** Members as the API shows them: phones masked, substitutes by name, in the order of TEAM_ROLES. */
export function presentMembers(ctx: Ctx, rows: repo.MemberWithUser[], team = rows): MemberView[] {
  const names = new Map(team.map((m) => [m.id, m.name]));
  return [...rows]
    .sort((a, b) => teamRoleRank(a.teamRole) - teamRoleRank(b.teamRole))
    .map((m) => ({
      id: m.id,
      name: m.name,
      teamRole: m.teamRole,
      teamRoleName: roleName(m.teamRole),
      username: m.username,
      phone: m.phoneEnc ? maskPhone(ctx.keyring.decrypt(m.phoneEnc)) : null,
      duty: m.duty,
      substitute:
        m.substituteId && names.has(m.substituteId)
          ? { id: m.substituteId, name: names.get(m.substituteId)! }
          : null,
      activeFrom: m.activeFrom,
      activeTo: m.activeTo,
    }));
}

/** What the audit trail keeps of a member; `phone` (in clear here) is reduced to a digest by recordAudit. */
export function auditView(
  ctx: Ctx,
  grid: areasRepo.AreaRow,
  m: repo.MemberWithUser,
): Record<string, unknown> {
  return {
    grid: grid.code,
    name: m.name,
    teamRole: m.teamRole,
    username: m.username,
    phone: m.phoneEnc ? ctx.keyring.decrypt(m.phoneEnc) : null,
    duty: m.duty,
    substituteId: m.substituteId,
    activeFrom: m.activeFrom,
    activeTo: m.activeTo,
  };
}

/** The account a member is linked to (an active user), or 422. */
export async function resolveUsername(ctx: Ctx, username: string) {
  const user = await usersRepo.findByUsername(ctx.tx, username);
  if (!user || user.disabled) throw unknownUser(username);
  return user;
}

/** A phone in normal form, encrypted for storage; 422 unless it is a mainland mobile or landline. */
export function encryptPhone(ctx: Ctx, phone: string): string {
  const normal = normalizeChinesePhone(phone);
  if (!normal) throw phoneInvalid();
  return ctx.keyring.encrypt(normal);
}

/** A substitute must be another member of the same grid's team. */
export async function checkSubstitute(
  ctx: Ctx,
  grid: areasRepo.AreaRow,
  substituteId: string,
  selfId?: string,
) {
  if (substituteId === selfId || !(await repo.findInArea(ctx.tx, grid.id, substituteId)))
    throw substituteInvalid();
}
