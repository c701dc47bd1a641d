import type { MessageKey } from "../i18n/translate";

export type MenuIcon =
  | "home"
  | "map"
  | "users"
  | "audit"
  | "key"
  | "areas"
  | "unassigned"
  | "household"
  | "person"
  | "house"
  | "place"
  | "keyPerson"
  | "visit"
  | "import"
  | "report"
  | "board"
  | "events"
  | "tasks"
  | "supervision"
  | "config";

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

/** Roles that edit the registry (the server's registry.edit policy). */
export const REGISTRY_EDIT_ROLES: readonly string[] = ["admin", "dispatcher", "grid_worker", "police"];

/** Roles that read key-person files by default (the server's key_person.read policy; others need a grant). */
export const KEY_PERSON_ROLES: readonly string[] = ["admin", "dispatcher", "grid_worker", "police", "leader"];

/** Roles that import and export the registry and import event feeds. */
export const IMPORT_ROLES: readonly string[] = ["admin", "dispatcher"];

/** The centre: intake desk, dispatch board, supervision. */
export const CENTRE_ROLES: readonly string[] = ["admin", "dispatcher", "leader"];

/** Everyone who reports events (all signed-in users). */
export const REPORT_ROLES: readonly string[] = [...STAFF_ROLES, "resident", "volunteer"];

export interface MenuEntry {
  /** The route path; also the menu key. */
  path: string;
  labelKey: MessageKey;
  icon: MenuIcon;
  /** Roles that see the entry; absent means every signed-in user. */
  roles?: readonly string[];
  /** Menu group (rendered as a titled group). */
  group?: "events" | "registry" | "admin";
}

/** All side-menu entries in display order. Only routes that exist belong here. */
export const MENU: readonly MenuEntry[] = [
  { path: "/", labelKey: "nav.home", icon: "home" },
  { path: "/map", labelKey: "nav.map", icon: "map", roles: STAFF_ROLES },
  { path: "/events/report", labelKey: "nav.report", icon: "report", roles: REPORT_ROLES, group: "events" },
  { path: "/dispatch/board", labelKey: "nav.board", icon: "board", roles: CENTRE_ROLES, group: "events" },
  { path: "/events", labelKey: "nav.events", icon: "events", roles: STAFF_ROLES, group: "events" },
  { path: "/tasks", labelKey: "nav.tasks", icon: "tasks", roles: STAFF_ROLES, group: "events" },
  {
    path: "/supervision",
    labelKey: "nav.supervision",
    icon: "supervision",
    roles: CENTRE_ROLES,
    group: "events",
  },
  {
    path: "/dispatch/unassigned",
    labelKey: "nav.unassigned",
    icon: "unassigned",
    roles: QUEUE_ROLES,
    group: "events",
  },
  {
    path: "/registry/households",
    labelKey: "nav.households",
    icon: "household",
    roles: STAFF_ROLES,
    group: "registry",
  },
  {
    path: "/registry/persons",
    labelKey: "nav.persons",
    icon: "person",
    roles: STAFF_ROLES,
    group: "registry",
  },
  { path: "/registry/houses", labelKey: "nav.houses", icon: "house", roles: STAFF_ROLES, group: "registry" },
  { path: "/registry/places", labelKey: "nav.places", icon: "place", roles: STAFF_ROLES, group: "registry" },
  {
    path: "/registry/key-persons",
    labelKey: "nav.keyPersons",
    icon: "keyPerson",
    roles: KEY_PERSON_ROLES,
    group: "registry",
  },
  { path: "/registry/visits", labelKey: "nav.visits", icon: "visit", roles: STAFF_ROLES, group: "registry" },
  {
    path: "/registry/imports",
    labelKey: "nav.imports",
    icon: "import",
    roles: IMPORT_ROLES,
    group: "registry",
  },
  { path: "/admin/users", labelKey: "nav.users", icon: "users", roles: ["admin"], group: "admin" },
  { path: "/admin/areas", labelKey: "nav.areas", icon: "areas", roles: ["admin"], group: "admin" },
  { path: "/admin/audit", labelKey: "nav.audit", icon: "audit", roles: ["admin"], group: "admin" },
  {
    path: "/admin/event-config",
    labelKey: "nav.eventConfig",
    icon: "config",
    roles: ["admin"],
    group: "admin",
  },
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
