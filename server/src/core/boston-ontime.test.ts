import { describe, expect, it } from "vitest";
import { readGzipCsv, sharedFile } from "../../test/shared-data";
import { onTimeVerdict, parseLocalDateTime } from "./working-days";

/**
 * Real data: Boston 311 requests of 2015 (City of Boston open data). Their times are America/New_York
 * wall times; converting them with our time-zone code and judging closed <= target must agree with the
 * city's own OnTime_Status for closed cases.
 */
const FILE = "boston-311/requests-2015.csv.gz";
const file = sharedFile(FILE);
const ZONE = "America/New_York";

describe.skipIf(!file)(`Boston 311 on-time verdicts (${FILE})`, () => {
  it("agrees with OnTime_Status for closed cases with a target", () => {
    const rows = readGzipCsv(file!);
    let compared = 0;
    let agreed = 0;
    const offsets = new Set<number>();
    const disagreements: string[] = [];
    for (const row of rows) {
      const status = row.OnTime_Status;
      if (row.CASE_STATUS !== "Closed" || !row.TARGET_DT || !row.CLOSED_DT) continue;
      if (status !== "ONTIME" && status !== "OVERDUE") continue;
      const target = parseLocalDateTime(row.TARGET_DT, ZONE);
      const closed = parseLocalDateTime(row.CLOSED_DT, ZONE);
      // the offset must follow daylight saving: UTC-5 in winter, UTC-4 in summer
      const [mo, d, y, h, mi, sec, ampm] = row.CLOSED_DT.split(/[/: ]/);
      const wall = Date.UTC(+y!, +mo! - 1, +d!, (+h! % 12) + (ampm === "PM" ? 12 : 0), +mi!, +sec!);
      offsets.add((closed.getTime() - wall) / 3_600_000);
      compared++;
      if (onTimeVerdict(closed, target) === status) agreed++;
      else if (disagreements.length < 5)
        disagreements.push(
          `${row.CASE_ENQUIRY_ID}: target ${row.TARGET_DT}, closed ${row.CLOSED_DT}, ${status}`,
        );
    }
    const share = agreed / compared;
    const examples = disagreements.length ? `, e.g.\n  ${disagreements.join("\n  ")}` : "";
    console.log(
      `Boston 311 2015: ${agreed} of ${compared} closed cases with a target agree with OnTime_Status ` +
        `(${(share * 100).toFixed(2)} %); ${compared - agreed} disagree${examples}`,
    );
    expect(compared).toBeGreaterThan(70_000);
    expect([...offsets].sort()).toEqual([4, 5]);
    expect(share).toBeGreaterThanOrEqual(0.995);
  });
});
