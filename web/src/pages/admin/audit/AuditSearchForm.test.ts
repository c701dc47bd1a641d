import dayjs from "dayjs";
import { afterEach, describe, expect, it } from "vitest";
import { setDisplayTimeZone } from "../../../lib/time";
import { toFilters } from "./AuditSearchForm";

afterEach(() => setDisplayTimeZone("Asia/Shanghai"));

describe("audit search filters", () => {
  it("sends the picked days as UTC instants bounding whole days in the deployment's zone", () => {
    // the picker's values live in the browser's zone; only the calendar day counts
    const range = [dayjs("2026-11-01T09:30:00"), dayjs("2026-11-23T23:10:00")] as const;
    expect(toFilters({ actor: "  zhang ", action: " ", range: [...range] })).toEqual({
      actor: "zhang",
      action: undefined,
      subjectType: undefined,
      subjectId: undefined,
      from: "2026-10-31T16:00:00.000Z",
      to: "2026-11-23T15:59:59.999Z",
    });
    setDisplayTimeZone("Europe/Berlin");
    expect(toFilters({ range: [...range] })).toMatchObject({
      from: "2026-10-31T23:00:00.000Z",
      to: "2026-11-23T22:59:59.999Z",
    });
  });

  it("leaves out an empty range", () => {
    expect(toFilters({})).toMatchObject({ from: undefined, to: undefined });
  });
});
