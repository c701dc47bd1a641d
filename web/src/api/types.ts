/** Response and request shapes of the Pingan HTTP API, as the web console uses them. */

/** Every role the server knows; the UI labels them through `role.*` i18n keys. */
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

/** An administrative area or grid; `path` is the materialised path used for scope checks. */
export interface Area {
  code: string;
  name: string;
  level: string;
  path: string;
}

/** Body of every error answer of the server. */
export interface ErrorBody {
  code: string;
  message: { zh: string; en: string };
  field?: string;
  requestId: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  department: string | null;
}

/** `GET /api/me` and the 200 answer of `POST /api/auth/login`. */
export interface Me {
  user: SessionUser;
  roles: string[];
  scopes: Area[];
  scope: Area | null;
  /** What the user may do, by action name (server-computed; the server still checks). */
  can?: Record<string, boolean>;
  /** IANA zone the deployment shows times in (times travel as UTC ISO instants). */
  timeZone: string;
}

/** `GET /api/health`. */
export interface Health {
  status: string;
  engine: string;
  migration: string | number | null;
  uptimeSeconds: number;
  version?: string;
  demo?: boolean;
  /** IANA zone of the deployment; the console takes its display zone from `Me`. */
  timeZone?: string;
  /** Optional (not yet in the server contract): the demo seed's accounts, shown on the login page. */
  demoAccounts?: DemoAccount[];
}

export interface DemoAccount {
  username: string;
  role: string;
  password?: string;
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  changes: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  sealed: boolean;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** `POST /api/audit/verify`. */
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: string | null;
  /** A short description of what is wrong, when not ok. */
  problem?: string;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  scopes: Area[];
  /** The department's display name, for showing. */
  department: string | null;
  /** The department's code, which create and update take. */
  departmentCode: string | null;
  disabled: boolean;
  createdAt: string;
}

/** `GET /api/users?page=&pageSize=`; the server pages it (default 50, at most 200). */
export type UserList = Page<UserRow>;

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  scopeCodes: string[];
  /** A department code from `GET /api/departments`. */
  department?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  roles?: string[];
  scopeCodes?: string[];
  /** A department code; null removes the user from their department. */
  department?: string | null;
  disabled?: boolean;
  /** An administrator's password reset. */
  password?: string;
}

export interface AreaList {
  items: Area[];
}

/** A handling unit (department, station, team) a user may belong to. */
export interface Department {
  code: string;
  name: string;
  kind: string;
}

/** `GET /api/departments`, ordered by name. */
export interface DepartmentList {
  items: Department[];
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  username: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface ApiKeyList {
  items: ApiKeyRow[];
}

export interface CreateApiKeyInput {
  name: string;
  username?: string;
}

/** The secret is in `key` and is returned only once. */
export interface CreatedApiKey {
  id: string;
  key: string;
  prefix?: string;
  name?: string;
  username?: string;
}

/** The levels of the area hierarchy, from the top down. */
export const AREA_LEVELS = ["district", "street", "community", "grid_layer", "grid", "micro_grid"] as const;

/** Polygon or MultiPolygon geometry in WGS84 `[lng, lat]`. */
export type AreaGeometry =
  { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };

/** `GET /api/areas/{code}`. */
export interface AreaDetail extends Area {
  parent: string | null;
  /** A point inside the area where its label goes. */
  center: { lat: number; lng: number } | null;
  geometry: AreaGeometry | null;
}

/** Properties of a feature of `GET /api/areas/{code}/geojson`. */
export interface AreaFeatureProps extends Area {
  parent: string | null;
  centerLat: number | null;
  centerLng: number | null;
}

export interface AreaFeature {
  type: "Feature";
  geometry: AreaGeometry | null;
  properties: AreaFeatureProps;
}

/** `GET /api/areas/{code}/geojson?depth=N`: the area and its descendants down to `depth` levels. */
export interface AreaFeatureCollection {
  type: "FeatureCollection";
  features: AreaFeature[];
}

/** A raster basemap: URL templates with `{z}/{x}/{y}`, in the coordinate system of its tiles. */
export interface Basemap {
  tiles: string[];
  crs: "wgs84" | "gcj02" | "bd09";
  attribution: string;
  maxZoom: number;
}

/** `GET /api/map/config`; `basemap: null` means a plain background and nothing fetched from outside. */
export interface MapConfig {
  basemap: Basemap | null;
}
