import type { TeamMember, TeamMemberInput, TeamRole } from "../../api/area-types";
import type { Lang } from "../../i18n/translate";

/** The member form's values; dates as `YYYY-MM-DD` (or empty), a blank phone on edit keeps the old one. */
export interface MemberFormValues {
  name: string;
  teamRole: string;
  username?: string;
  phone?: string;
  duty?: string;
  substituteId?: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
}

const blankToNull = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

/** The POST body for a new member: empty optional fields are left out. */
export function memberCreateBody(values: MemberFormValues): TeamMemberInput {
  const body: TeamMemberInput = { name: values.name.trim(), teamRole: values.teamRole };
  const optional = {
    username: blankToNull(values.username),
    phone: blankToNull(values.phone),
    duty: blankToNull(values.duty),
    substituteId: values.substituteId || null,
    activeFrom: values.activeFrom || null,
    activeTo: values.activeTo || null,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== null) (body as Record<string, unknown>)[k] = v;
  return body;
}

/**
 * The PATCH body for an edit: only what changed; a cleared field is sent as null. The phone is
 * only ever shown masked, so a blank phone means "unchanged", never "remove".
 */
export function memberPatchBody(member: TeamMember, values: MemberFormValues): TeamMemberInput {
  const patch: TeamMemberInput = {};
  const name = values.name.trim();
  if (name !== member.name) patch.name = name;
  if (values.teamRole !== member.teamRole) patch.teamRole = values.teamRole;
  const username = blankToNull(values.username);
  if (username !== member.username) patch.username = username;
  const phone = blankToNull(values.phone);
  if (phone !== null) patch.phone = phone;
  const duty = blankToNull(values.duty);
  if (duty !== member.duty) patch.duty = duty;
  const substituteId = values.substituteId || null;
  if (substituteId !== (member.substitute?.id ?? null)) patch.substituteId = substituteId;
  const activeFrom = values.activeFrom || null;
  if (activeFrom !== member.activeFrom) patch.activeFrom = activeFrom;
  const activeTo = values.activeTo || null;
  if (activeTo !== member.activeTo) patch.activeTo = activeTo;
  return patch;
}

/** A team role's name in the current language, from `/api/team-roles`, else the member's own copy, else the code. */
export function teamRoleName(
  code: string,
  roles: readonly TeamRole[] | undefined,
  lang: Lang,
  member?: TeamMember,
) {
  const role =
    roles?.find((r) => r.code === code) ?? (member?.teamRoleName && { code, ...member.teamRoleName });
  if (!role) return code;
  return lang === "zh-CN" ? role.zh : role.en;
}
