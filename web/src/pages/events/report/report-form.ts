import type { NewEventInput, Urgency } from "../../../api/event-types";

/** The desk's sources and the one each other role reports from. */
export const DESK_SOURCES = ["desk", "hotline_12345", "police_110", "department", "iot"] as const;

/** The source a report carries for a user with these roles (the desk chooses its own). */
export function defaultSource(roles: readonly string[]): string {
  if (roles.includes("dispatcher") || roles.includes("admin")) return "desk";
  if (roles.includes("grid_worker")) return "grid";
  if (roles.includes("department_handler") || roles.includes("police") || roles.includes("mediator"))
    return "department";
  if (roles.includes("volunteer")) return "volunteer";
  return "resident";
}

/** Who sees the full intake form (source, reporter, map and area); residents and volunteers get the simple one. */
export function isDeskUser(roles: readonly string[]): boolean {
  return roles.some((r) => r === "dispatcher" || r === "admin" || r === "leader");
}

/** Whether a user reports for someone else (and so may type the reporter's name and phone). */
export function recordsReporter(roles: readonly string[]): boolean {
  return !roles.every((r) => r === "resident" || r === "volunteer");
}

export interface ReportValues {
  category?: string[];
  urgency: Urgency;
  title?: string;
  description?: string;
  point?: { lat: number; lng: number } | null;
  areaCode?: string;
  address?: string;
  photos?: string[];
  source?: string;
  reporterName?: string;
  reporterPhone?: string;
  anonymous?: boolean;
}

/** Which location the form has: a point, an area, an address, or none (the server needs one). */
export function hasLocation(v: Pick<ReportValues, "point" | "areaCode" | "address">): boolean {
  return Boolean(v.point) || Boolean(v.areaCode?.trim()) || Boolean(v.address?.trim());
}

/** The body of `POST /api/events` from the form: empty fields left out, the leaf category taken. */
export function reportBody(v: ReportValues, source: string): NewEventInput {
  const trim = (s: string | undefined) => (s ?? "").trim();
  const body: NewEventInput = {
    category: v.category?.[v.category.length - 1] ?? "",
    description: trim(v.description),
    urgency: v.urgency,
    source,
  };
  if (trim(v.title)) body.title = trim(v.title);
  if (v.point) {
    body.lat = v.point.lat;
    body.lng = v.point.lng;
  }
  if (trim(v.areaCode)) body.areaCode = trim(v.areaCode);
  if (trim(v.address)) body.address = trim(v.address);
  if (v.photos && v.photos.length > 0) body.photos = v.photos;
  if (v.anonymous) body.anonymous = true;
  else if (trim(v.reporterName) || trim(v.reporterPhone)) {
    body.reporter = {};
    if (trim(v.reporterName)) body.reporter.name = trim(v.reporterName);
    if (trim(v.reporterPhone)) body.reporter.phone = trim(v.reporterPhone).replace(/[\s-]/g, "");
  }
  return body;
}

/** A mainland mobile or a landline with area code (what the desk types for a caller). */
export const PHONE_PATTERN = /^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
