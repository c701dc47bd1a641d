import { api, queryString } from "../../api/client";
import type { Supervision } from "../../api/event-types";
import type { Page } from "../../api/types";

/** Filters of `GET /api/supervisions`. */
export interface SupervisionQuery {
  status?: "open" | "closed";
  level?: "notice" | "yellow" | "red";
  areaCode?: string;
  eventId?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

/** `GET /api/supervisions`: newest first, in the user's scope. */
export function listSupervisions(q: SupervisionQuery): Promise<Page<Supervision>> {
  return api.get<Page<Supervision>>(`/api/supervisions${queryString({ ...q })}`);
}

/** `POST /api/supervisions`: a supervisor's own instruction on an event (督办, level notice). */
export function openSupervision(eventId: string, reason: string): Promise<Supervision> {
  return api.post<Supervision>("/api/supervisions", { eventId, reason });
}

/** `POST /api/supervisions/{id}/close` with an optional note. */
export function closeSupervision(id: string, note?: string): Promise<Supervision> {
  return api.post<Supervision>(`/api/supervisions/${encodeURIComponent(id)}/close`, note ? { note } : {});
}
