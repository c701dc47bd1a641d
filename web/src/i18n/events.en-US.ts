/** English UI strings of the events pages. */
import type { zhCNEvents } from "./events.zh-CN";

export const enUSEvents: Record<keyof typeof zhCNEvents, string> = {
  "nav.group.events": "Events",
  "nav.report": "Report an event",
  "nav.board": "Dispatch board",
  "nav.events": "Events",
  "nav.tasks": "My tasks",
  "nav.supervision": "Supervision",
  "nav.eventConfig": "Event settings",
};
