import type { MessageKey } from "../i18n/translate";

export type MenuIcon = "home" | "map" | "users" | "audit" | "key" | "areas" | "unassigned";

/** Roles that work with areas (every role but residents and volunteers); the server checks the same. */
export const STAFF_ROLES: readonly string[] = [
  "admin",
  "leader",
  "dispatcher",
  "grid_worker",
  "department_handler",
  "mediator",
  "police",
];

/** Roles that work the unassigned-location queue (the server checks the same). */
export const QUEUE_ROLES: readonly string[] = ["admin", "dispatcher"];

export interface MenuEntry {
  /** The route path; also the menu key. */
  path: string;
  labelKey: MessageKey;
  icon: MenuIcon;
  /** Roles that see the entry; absent means every signed-in user. */
  roles?: readonly string[];
  /** Menu group (rendered as a titled group). */
  group?: "admin";
}

/** All side-menu entries in display order. Only routes that exist belong here. */
export const MENU: readonly MenuEntry[] = [
  { path: "/", labelKey: "nav.home", icon: "home" },
  { path: "/map", labelKey: "nav.map", icon: "map", roles: STAFF_ROLES },
  { path: "/dispatch/unassigned", labelKey: "nav.unassigned", icon: "unassigned", roles: QUEUE_ROLES },
  { path: "/admin/users", labelKey: "nav.users", icon: "users", roles: ["admin"], group: "admin" },
  { path: "/admin/areas", labelKey: "nav.areas", icon: "areas", roles: ["admin"], group: "admin" },
  { path: "/admin/audit", labelKey: "nav.audit", icon: "audit", roles: ["admin"], group: "admin" },
  {
    path: "/admin/api-keys",
    labelKey: "nav.apiKeys",
    icon: "key",
    roles: ["admin"],
    group: "admin",
  },
];

/** The menu entries a user with these roles sees. The server still checks every request. */
export function menuFor(roles: readonly string[]): MenuEntry[] {
  return MENU.filter((entry) => !entry.roles || entry.roles.some((r) => roles.includes(r)));
}

/** The menu key to highlight for a location: the longest entry path that prefixes it. */
export function selectedMenuKey(pathname: string, entries: readonly MenuEntry[]): string | undefined {
  let best: string | undefined;
  for (const { path } of entries) {
    const matches = path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (!best || path.length > best.length)) best = path;
  }
  return best;
}
