import type { Executor } from "../../db/database";
import type { Message } from "../../core/errors";
import { parseLocalDateTime } from "../../core/local-time";
import type { Catalogue } from "./open311.catalogue";
import { badRequest } from "./open311.errors";
import * as repo from "./open311.repo";
import type { PublicEventRow } from "./open311.repo";

/** The standard's cap on one answer, and its default and longest date range. */
export const MAX_REQUESTS = 1000;
export const RANGE_DAYS = 90;
const DAY = 86_400_000;

export interface RequestsFilter {
  service_request_id?: string[];
  service_code?: string[];
  start_date?: string;
  end_date?: string;
  status?: string[];
}

const items = (lists: string[] | undefined) =>
  (lists ?? [])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A W3C date-time (2010-01-01T00:00:00Z, or with an offset; a date alone is midnight where the
 * deployment is). A "+" sent unencoded in a query arrives as a space: it is read as the "+" meant.
 */
function dateArg(name: string, text: string | undefined, timeZone: string, problems: Message[]) {
  if (text === undefined || text.trim() === "") return undefined;
  const s = text.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, "$1+$2");
  if (/^\d{4}-\d{2}-\d{2}([T ]|$)/.test(s)) {
    try {
      return parseLocalDateTime(s, timeZone);
    } catch {
      // reported below
    }
  }
  problems.push({
    zh: `${name} 应为 ISO 8601 时间，如 2026-11-01T00:00:00+08:00`,
    en: `${name} must be a W3C/ISO 8601 date-time such as 2026-11-01T00:00:00Z`,
  });
  return undefined;
}

/**
 * GET requests: public categories only, newest first, at most 1000. service_request_id overrides
 * every other filter; otherwise the range defaults to the last 90 days and may not span more.
 */
export async function listOpen311Requests(
  db: Executor,
  now: Date,
  timeZone: string,
  filter: RequestsFilter,
  catalogue: Catalogue,
): Promise<PublicEventRow[]> {
  const publicCodes = [...catalogue.services.keys()];
  const ids = items(filter.service_request_id);
  if (ids.length) {
    // ids that are not request numbers match nothing, as unknown numbers do
    const seqs = [...new Set(ids.filter((s) => /^\d{1,15}$/.test(s)).map(Number))].slice(0, MAX_REQUESTS);
    if (!seqs.length || !publicCodes.length) return [];
    return repo.listPublicEvents(db, {
      codes: publicCodes,
      seqs,
      closedStates: catalogue.closedStates,
      limit: MAX_REQUESTS,
    });
  }
  const problems: Message[] = [];
  let from = dateArg("start_date", filter.start_date, timeZone, problems);
  let to = dateArg("end_date", filter.end_date, timeZone, problems);
  const statuses = new Set(items(filter.status).map((s) => s.toLowerCase()));
  for (const s of statuses)
    if (s !== "open" && s !== "closed")
      problems.push({ zh: "status 只能是 open 或 closed", en: "status must be open or closed" });
  if (from && to && from > to)
    problems.push({ zh: "start_date 晚于 end_date", en: "start_date is after end_date" });
  if (from && to && to.getTime() - from.getTime() > RANGE_DAYS * DAY)
    problems.push({
      zh: `查询时间范围不能超过 ${RANGE_DAYS} 天`,
      en: `The date range may not span more than ${RANGE_DAYS} days`,
    });
  const [first, ...more] = problems;
  if (first) throw badRequest(first, ...more);
  if (!from && !to) {
    to = new Date(now.getTime() + 1000); // "now", inclusive of this second
    from = new Date(to.getTime() - RANGE_DAYS * DAY);
  } else if (!from) from = new Date(to!.getTime() - RANGE_DAYS * DAY);
  else if (!to) to = new Date(from.getTime() + RANGE_DAYS * DAY);
  const asked = items(filter.service_code);
  const codes = asked.length ? publicCodes.filter((c) => asked.includes(c)) : publicCodes;
  if (!codes.length) return [];
  return repo.listPublicEvents(db, {
    codes,
    from,
    // end_date is inclusive: a request made at that very second is in range
    to: new Date(to!.getTime() + 1),
    status: statuses.size === 1 ? ([...statuses][0] as "open" | "closed") : undefined,
    closedStates: catalogue.closedStates,
    limit: MAX_REQUESTS,
  });
}
