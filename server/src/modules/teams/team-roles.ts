/** The roles of a grid's "1+3+N" team, in the order a team is listed. */
export const TEAM_ROLES = [
  { code: "grid_worker", zh: "专职网格员", en: "Full-time grid worker" },
  { code: "community_official", zh: "社区干部", en: "Community official" },
  { code: "police", zh: "民警", en: "Police officer" },
  { code: "auxiliary_police", zh: "辅警", en: "Auxiliary police" },
  { code: "enforcement", zh: "执法人员", en: "Enforcement officer" },
  { code: "fire_station", zh: "消防微站", en: "Micro fire station" },
  { code: "building_head", zh: "楼长", en: "Building head" },
  { code: "property_staff", zh: "物业人员", en: "Property management staff" },
  { code: "volunteer", zh: "志愿者", en: "Volunteer" },
] as const;

export type TeamRole = (typeof TEAM_ROLES)[number]["code"];
export const TEAM_ROLE_CODES = TEAM_ROLES.map((r) => r.code) as TeamRole[];

const ORDER = new Map<string, number>(TEAM_ROLE_CODES.map((c, i) => [c, i]));
/** Position of a role in TEAM_ROLES (unknown roles last), for sorting a team. */
export const teamRoleRank = (role: string) => ORDER.get(role) ?? TEAM_ROLES.length;
