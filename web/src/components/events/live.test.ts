import { describe, expect, it } from "vitest";
import { mergeNotice, noticeLink, parseNotice } from "./live";

const notice = {
  id: 7,
  kind: "event.dispatched",
  title: "新事件",
  body: null,
  subjectType: "event",
  subjectId: "abc",
  createdAt: "2026-11-23T08:00:00Z",
  readAt: null,
};

describe("live notices", () => {
  it("parses a server-sent notification and ignores anything else", () => {
    expect(parseNotice(JSON.stringify(notice))).toEqual(notice);
    expect(parseNotice("not json")).toBeNull();
    expect(parseNotice(JSON.stringify({ id: 1 }))).toBeNull();
    expect(parseNotice("null")).toBeNull();
  });

  it("adds a notice once, newest first, keeping at most the limit", () => {
    const list = mergeNotice([{ ...notice, id: 6 }], notice);
    expect(list.map((n) => n.id)).toEqual([7, 6]);
    expect(mergeNotice(list, notice)).toHaveLength(2);
    expect(mergeNotice(list, { ...notice, id: 8 }, 2).map((n) => n.id)).toEqual([8, 7]);
  });

  it("leads to the event, the supervision view or the task list", () => {
    expect(noticeLink(notice)).toBe("/events/abc");
    expect(noticeLink({ subjectType: "supervision", subjectId: "s" })).toBe("/supervision");
    expect(noticeLink({ subjectType: "consultation", subjectId: "c" })).toBe("/tasks");
    expect(noticeLink({ subjectType: "event", subjectId: null })).toBeNull();
  });
});
