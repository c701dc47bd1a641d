import { api, ApiError, queryString, toApiError } from "../../api/client";
import type {
  DuplicateCandidate,
  EventCategory,
  EventDetail,
  EventList,
  NotificationList,
  TimelineEntry,
} from "../../api/event-types";
import type { DepartmentList } from "../../api/types";
import { newIdempotencyKey } from "./sla";

/** The URL of one event's route, its id encoded. */
export const eventUrl = (id: string, rest = "") => `/api/events/${encodeURIComponent(id)}${rest}`;

/** The URL of a stored file (photo) by its id. */
export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** Filters of `GET /api/events`. */
export interface EventQuery {
  state?: string;
  category?: string;
  areaCode?: string;
  colour?: string;
  source?: string;
  urgency?: string;
  overdue?: boolean;
  mine?: boolean;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

/** `GET /api/events` with filters, paged by page number (the API pages by limit and offset). */
export async function listEvents(query: EventQuery): Promise<EventList> {
  const { page = 1, pageSize = 20, ...filters } = query;
  const body = await api.get<{ items: EventList["items"]; total: number }>(
    `/api/events${queryString({ ...filters, limit: pageSize, offset: (page - 1) * pageSize })}`,
  );
  return { items: body.items, total: body.total, page, pageSize };
}

/** `GET /api/events/{id}`. */
export function loadEvent(id: string): Promise<EventDetail> {
  return api.get<EventDetail>(eventUrl(id));
}

/** `GET /api/events/{id}/timeline`, oldest first. */
export async function loadTimeline(id: string): Promise<TimelineEntry[]> {
  const body = await api.get<{ items: TimelineEntry[] } | TimelineEntry[]>(eventUrl(id, "/timeline"));
  return Array.isArray(body) ? body : body.items;
}

/** `GET /api/events/{id}/duplicates`, best first. */
export async function loadDuplicates(id: string): Promise<DuplicateCandidate[]> {
  const body = await api.get<{ items: DuplicateCandidate[] } | DuplicateCandidate[]>(
    eventUrl(id, "/duplicates"),
  );
  return Array.isArray(body) ? body : body.items;
}

/**
 * One press of an action button: `POST /api/events/{id}/actions` with the version the user saw and
 * a fresh idempotency key (a network retry of the same press re-sends the same key).
 */
export async function actOnEvent(
  event: Pick<EventDetail, "id" | "version">,
  action: string,
  fields: Record<string, unknown> = {},
  idempotencyKey = newIdempotencyKey(),
): Promise<EventDetail> {
  return api.post<EventDetail>(eventUrl(event.id, "/actions"), {
    ...fields,
    action,
    version: event.version,
    idempotencyKey,
  });
}

/** True for the 409 of a stale version: someone else acted first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === "EVENT_VERSION_CONFLICT";
}

let categories: Promise<EventCategory[]> | null = null;

/** `GET /api/event-categories` as a two-level tree, loaded once per page load (`fresh` reloads it). */
export function loadCategories(fresh = false): Promise<EventCategory[]> {
  if (!categories || fresh) {
    categories = api.get<{ items: EventCategory[] }>("/api/event-categories").then((body) =>
      categoryTree(body.items)
        .filter((c) => c.active !== false)
        .map((c) => ({ ...c, children: c.children?.filter((leaf) => leaf.active !== false) })),
    );
    categories.catch(() => (categories = null));
  }
  return categories;
}

/** Nests a flat list by `parent` (a list already nested comes back as it is). */
export function categoryTree(items: readonly EventCategory[]): EventCategory[] {
  if (items.some((c) => c.children && c.children.length > 0) || !items.some((c) => c.parent))
    return [...items];
  const byCode = new Map(items.map((c) => [c.code, { ...c, children: [] as EventCategory[] }]));
  const roots: EventCategory[] = [];
  for (const c of byCode.values()) {
    const parent = c.parent ? byCode.get(c.parent) : undefined;
    if (parent) parent.children.push(c);
    else roots.push(c);
  }
  return roots;
}

/** `GET /api/departments`. */
export async function loadDepartments() {
  return (await api.get<DepartmentList>("/api/departments")).items;
}

/** `GET /api/notifications`. */
export function loadNotifications(): Promise<NotificationList> {
  return api.get<NotificationList>("/api/notifications");
}

/** Uploads one photo (`POST /api/files`, multipart) and answers its file id. */
export async function uploadFile(file: File | Blob, name?: string): Promise<string> {
  const form = new FormData();
  form.append("file", file, name ?? (file instanceof File ? file.name : "photo.jpg"));
  let res: Response;
  try {
    res = await fetch("/api/files", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, {
      code: "NETWORK_ERROR",
      message: { zh: "无法连接服务器，请检查网络", en: "Cannot reach the server; check the network" },
      requestId: "",
    });
  }
  if (!res.ok) throw await toApiError(res);
  return ((await res.json()) as { id: string }).id;
}
