import type { NotificationItem } from "../../api/event-types";

const LIVE_EVENT = "pingan:notice";

/** Tells the open pages that a notice arrived (the board refreshes at once instead of at its next poll). */
export function publishNotice(notice: NotificationItem): void {
  window.dispatchEvent(new CustomEvent<NotificationItem>(LIVE_EVENT, { detail: notice }));
}

/** Calls `listener` for each notice that arrives live; returns the unsubscribe function. */
export function subscribeNotices(listener: (notice: NotificationItem) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<NotificationItem>).detail);
  window.addEventListener(LIVE_EVENT, handler);
  return () => window.removeEventListener(LIVE_EVENT, handler);
}

/** Parses one server-sent message into a notice; anything else (a heartbeat, a bad line) gives null. */
export function parseNotice(data: string): NotificationItem | null {
  try {
    const v = JSON.parse(data) as Partial<NotificationItem> | null;
    if (!v || typeof v !== "object" || (typeof v.id !== "number" && typeof v.id !== "string")) return null;
    if (typeof v.title !== "string") return null;
    return {
      id: v.id,
      kind: typeof v.kind === "string" ? v.kind : "",
      title: v.title,
      body: typeof v.body === "string" ? v.body : null,
      subjectType: typeof v.subjectType === "string" ? v.subjectType : null,
      subjectId: typeof v.subjectId === "string" ? v.subjectId : null,
      createdAt: typeof v.createdAt === "string" ? v.createdAt : new Date().toISOString(),
      readAt: typeof v.readAt === "string" ? v.readAt : null,
    };
  } catch {
    return null;
  }
}

/** Adds a live notice to the shown list (newest first, once, at most `max`). */
export function mergeNotice(
  items: readonly NotificationItem[],
  notice: NotificationItem,
  max = 50,
): NotificationItem[] {
  if (items.some((n) => String(n.id) === String(notice.id))) return [...items];
  return [notice, ...items].slice(0, max);
}

/** Where a notice leads in the console. */
export function noticeLink(n: Pick<NotificationItem, "subjectType" | "subjectId">): string | null {
  if (!n.subjectId) return null;
  if (n.subjectType === "event") return `/events/${encodeURIComponent(n.subjectId)}`;
  if (n.subjectType === "supervision") return "/supervision";
  if (n.subjectType === "task" || n.subjectType === "consultation") return "/tasks";
  return null;
}
