import { parseLocalDateTime } from "../../core/local-time";
import { parseCsv } from "../../core/csv";
import type { ReplayCase } from "./replay";

/** Boston's times are wall-clock times in its own zone. */
export const BOSTON_ZONE = "America/New_York";

/** A Boston 311 case with the city's own on-time verdict, for comparing ours against it. */
export interface BostonCase extends ReplayCase {
  cityVerdict: "ONTIME" | "OVERDUE" | null;
  type: string;
}

/**
 * The cases of a Boston 311 export (OPEN_DT, TARGET_DT, CLOSED_DT, OnTime_Status, CASE_STATUS, TYPE,
 * LATITUDE, LONGITUDE …), each mapped to one of our categories by `categoryFor(TYPE)`.
 */
export function* bostonCases(text: string, categoryFor: (type: string) => string): Generator<BostonCase> {
  let header: string[] | undefined;
  for (const record of parseCsv(text)) {
    if (!header) {
      header = record;
      continue;
    }
    if (record.length !== header.length) continue;
    const f = Object.fromEntries(header.map((h, i) => [h, record[i]!])) as Record<string, string>;
    const time = (v: string | undefined) => (v ? parseLocalDateTime(v, BOSTON_ZONE) : null);
    const opened = time(f.OPEN_DT);
    if (!opened || !f.CASE_ENQUIRY_ID) continue;
    const closed = f.CASE_STATUS === "Closed" ? time(f.CLOSED_DT) : null;
    const lat = Number(f.LATITUDE);
    const lng = Number(f.LONGITUDE);
    const verdict = f.OnTime_Status;
    yield {
      sourceRef: f.CASE_ENQUIRY_ID,
      categoryCode: categoryFor(f.TYPE ?? ""),
      title: f.CASE_TITLE || f.TYPE || "Boston 311",
      description: [f.TYPE, f.QUEUE, f.Department].filter(Boolean).join(" · "),
      openedAt: opened,
      deadline: time(f.TARGET_DT),
      closedAt: closed,
      lat: Number.isFinite(lat) && lat !== 0 ? lat : null,
      lng: Number.isFinite(lng) && lng !== 0 ? lng : null,
      address: f.Location || null,
      result: closed ? (f.CLOSURE_REASON ?? "").slice(0, 500) || null : null,
      cityVerdict: verdict === "ONTIME" || verdict === "OVERDUE" ? verdict : null,
      type: f.TYPE ?? "",
    };
  }
}
