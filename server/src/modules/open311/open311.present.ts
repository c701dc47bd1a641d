import type { Message } from "../../core/errors";
import { maskIdNumber, maskPhone } from "../../core/privacy";
import type { Data } from "./open311.format";
import { isoWithOffset } from "./open311.format";
import type { Locale } from "./open311.errors";
import type { PublicEventRow } from "./open311.repo";

/** A service as Open311 lists it: one public leaf category. */
export interface ServiceInfo {
  code: string;
  name: Message;
  group: Message | null;
  description: Message | null;
  keywords: string[];
}

/** How the public sees an event's state: open or closed, and a label for status_notes. */
export interface StatusInfo {
  closed: boolean;
  label: Message;
}

const ID_NUMBER =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-[2-9]\d{6,7}(?!\d)/g;

/**
 * Free text as the public may read it: ID numbers and phone numbers that a reporter typed into a
 * description are masked (the reporter's own fields are never shown at all).
 */
export function maskPersonalText(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m.replace(/^\+?86[- ]?/, "")))
    .replace(LANDLINE, (m) => maskPhone(m));
}

/** The service list's entry for a category. */
export function presentService(s: ServiceInfo, locale: Locale): Record<string, Data> {
  const name = s.name[locale] || s.name.zh;
  const group = s.group ? s.group[locale] || s.group.zh : "";
  // without a description of its own, a category is described by its place in the tree
  const described = s.description ? s.description[locale] || s.description.zh : undefined;
  return {
    service_code: s.code,
    service_name: name,
    description: described ?? (group ? `${group}${locale === "zh" ? "：" : ": "}${name}` : name),
    metadata: false,
    type: "realtime",
    keywords: s.keywords.join(", "),
    group,
  };
}

export interface PresentOptions {
  locale: Locale;
  timeZone: string;
  services: ReadonlyMap<string, ServiceInfo>;
  status: (state: string) => StatusInfo;
  agencies: ReadonlyMap<string, string[]>;
}

/**
 * One service request in the standard's element order. Reporter data is never part of it; text
 * typed by people has personal numbers masked. media_url is left out: photos are served only to
 * signed-in users.
 */
export function presentRequest(row: PublicEventRow, o: PresentOptions): Record<string, Data> {
  const status = o.status(row.state);
  const service = o.services.get(row.categoryCode);
  const time = (d: Date | null) => (d ? isoWithOffset(d, o.timeZone) : null);
  const merged =
    row.mergedIntoSeq !== null
      ? o.locale === "zh"
        ? `已与 ${row.mergedIntoSeq} 号事件合并处理`
        : `Merged into request ${row.mergedIntoSeq}`
      : null;
  const notes =
    merged ?? (status.closed && row.result ? maskPersonalText(row.result) : status.label[o.locale]);
  const agencies = o.agencies.get(row.id);
  return {
    service_request_id: String(row.seq),
    status: status.closed ? "closed" : "open",
    status_notes: notes,
    service_name: service ? service.name[o.locale] || service.name.zh : row.categoryCode,
    service_code: row.categoryCode,
    description: maskPersonalText(row.description),
    agency_responsible: agencies?.length ? agencies.join(o.locale === "zh" ? "、" : ", ") : null,
    service_notice: null,
    requested_datetime: time(row.createdAt),
    updated_datetime: time(status.closed ? (row.closedAt ?? row.updatedAt) : row.updatedAt),
    expected_datetime: time(row.dueAt),
    address: row.address ? maskPersonalText(row.address) : null,
    address_id: row.areaCode,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
  };
}

/** What the client tells its user after a POST: the request's number, tracking code and deadline. */
export function serviceNotice(
  created: { seq: number; trackingCode: string; dueAt: Date | null },
  locale: Locale,
  timeZone: string,
): string {
  const due = created.dueAt ? isoWithOffset(created.dueAt, timeZone) : null;
  const local = due ? `${due.slice(0, 10)} ${due.slice(11, 16)}` : null;
  if (locale === "zh")
    return `已受理，事件编号 ${created.seq}，查询码 ${created.trackingCode}${local ? `，预计 ${local} 前办结` : ""}。`;
  return (
    `Received as request ${created.seq} (tracking code ${created.trackingCode})` +
    `${local ? `; expected to be resolved by ${local} (UTC${due!.slice(19)})` : ""}.`
  );
}
