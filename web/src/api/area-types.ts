/** Shapes of the area administration, unassigned-queue, team and police-district routes. */
import type { AreaDetail } from "./types";

/** A coordinate system coordinates may come in (`crs=` on the routes that take coordinates). */
export type CoordinateSystem = "wgs84" | "gcj02" | "bd09";

export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ["wgs84", "gcj02", "bd09"];

/** One problem of a GeoJSON file: an error that refused an import, or a warning kept with the areas. */
export interface Problem {
  /** The feature's index in the file; null for the file as a whole. */
  featureIndex: number | null;
  code?: string;
  kind: string;
  message: { zh: string; en: string };
  /** Where it is, `[lng, lat]`. */
  position?: number[];
  /** The other feature of an overlap. */
  otherIndex?: number;
}

/** What the signed-in user may do with an area (server-computed; the server still checks). */
export interface AreaCan {
  edit: boolean;
  import: boolean;
  viewTeam: boolean;
  manageTeam: boolean;
}

/** `GET /api/areas/{code}` with the administrator's extras. */
export interface AreaView extends AreaDetail {
  warnings: Problem[] | null;
  can: AreaCan;
}

/** Kinds of change an area's history records. */
export const CHANGE_KINDS = ["imported", "renamed", "redrawn", "moved", "split", "merged"] as const;

/** One entry of `GET /api/areas/{code}/history`, newest first. */
export interface AreaChange {
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  importId: string | null;
  actorId: string | null;
  at: string;
}

/** `POST /api/areas/import`. */
export interface ImportReport {
  importId: string;
  features: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: Problem[];
}

/** `POST /api/areas/{code}/split`. */
export interface SplitResult {
  parts: { code: string; name: string }[];
  retired: string;
}

/** `POST /api/areas/merge`. */
export interface MergeResult {
  area: { code: string; name: string };
  retired: string[];
}

/** A record whose location fell outside every area, waiting for a dispatcher. */
export interface UnassignedItem {
  id: string;
  sourceType: string;
  sourceId: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  reason: string;
  createdAt: string;
  resolvedAt: string | null;
  /** the area it was given, for resolved items */
  resolvedArea?: { code: string; name: string } | null;
}

/** `GET /api/jobs/{id}`; a re-assignment writes its report into the payload. */
export interface Job {
  id: number;
  kind: string;
  status: "pending" | "running" | "done" | "failed" | "cancelled";
  payload: { report?: ReassignReport } | null;
  lastError: string | null;
}

export interface ReassignReport {
  checked: number;
  assigned: number;
  stillOutside: number;
}

/** A role in a grid's "1+3+N" team, named in both languages by the server. */
export interface TeamRole {
  code: string;
  zh: string;
  en: string;
}

export interface TeamMember {
  id: string;
  name: string;
  teamRole: string;
  teamRoleName?: { zh: string; en: string };
  username: string | null;
  /** Masked (`135****9834`); the full number only through reveal-phone, which is audited. */
  phone: string | null;
  duty: string | null;
  substitute: { id: string; name: string } | null;
  activeFrom: string | null;
  activeTo: string | null;
}

/** `GET /api/areas/{code}/team`. */
export interface GridTeam {
  area: { code: string; name: string };
  members: TeamMember[];
  can: { manage: boolean; revealPhone: boolean };
}

/** Body of `POST /api/areas/{code}/team` and (all fields optional, null clears) of its PATCH. */
export interface TeamMemberInput {
  name?: string;
  teamRole?: string;
  username?: string | null;
  phone?: string | null;
  duty?: string | null;
  substituteId?: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
}

export interface PoliceDistrict {
  code: string;
  name: string;
  station: { code: string; name: string } | null;
  officers: { username: string; displayName: string }[];
  /** Whether the grid is mapped to the district, or falls in its polygon. */
  via: "mapping" | "polygon";
}
