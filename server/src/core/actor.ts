export const ROLES = [
  "admin",
  "leader",
  "dispatcher",
  "grid_worker",
  "department_handler",
  "mediator",
  "police",
  "resident",
  "volunteer",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must have an area scope; an admin without one administers the whole deployment. */
export const STAFF_ROLES: readonly Role[] = [
  "leader",
  "dispatcher",
  "grid_worker",
  "department_handler",
  "mediator",
  "police",
];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  admin: { zh: "系统管理员", en: "Administrator" },
  leader: { zh: "领导", en: "Leader" },
  dispatcher: { zh: "综治中心受理员", en: "Centre dispatcher" },
  grid_worker: { zh: "网格员", en: "Grid worker" },
  department_handler: { zh: "部门处置人员", en: "Department handler" },
  mediator: { zh: "调解员", en: "Mediator" },
  police: { zh: "社区民警", en: "Community police" },
  resident: { zh: "居民", en: "Resident" },
  volunteer: { zh: "志愿者", en: "Volunteer" },
};

export interface AreaRef {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
}

/** Who is acting: a signed-in user, an API client acting as its user, or the system itself. */
export interface Actor {
  userId: string | null;
  username: string;
  displayName: string;
  roles: Role[];
  /** Areas whose subtrees this actor may see; the first is the primary one. */
  scopes: AreaRef[];
  /** The system (jobs, CLI maintenance) sees every area. */
  allAreas: boolean;
  departmentId: string | null;
  via: "cookie" | "token" | "api_key" | "system";
  sessionId?: string;
  apiKeyId?: string;
}

export const systemActor: Actor = {
  userId: null,
  username: "system",
  displayName: "系统 System",
  roles: ["admin"],
  scopes: [],
  allAreas: true,
  departmentId: null,
  via: "system",
};

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
