import { api } from "../../api/client";
import type { Consultation, EventPart, TaskItem, TimelineEntry } from "../../api/event-types";

const url = (id: string, rest = "") => `/api/consultations/${encodeURIComponent(id)}${rest}`;

/** A party to invite: a user or a department (all its handlers). */
export type Party = { userId: string } | { departmentId: string };

/** A party the convener can choose, with its name. */
export interface PartyOption {
  value: string;
  label: string;
  party: Party;
}

/** `POST /api/events/{id}/consultations`: convenes the parties; all are notified at once. */
export function convene(eventId: string, input: { title: string; agenda?: string; participants: Party[] }) {
  return api.post<Consultation>(`/api/events/${encodeURIComponent(eventId)}/consultations`, input);
}

export const loadConsultation = (id: string) => api.get<Consultation>(url(id));
export const joinConsultation = (id: string) => api.post<Consultation>(url(id, "/join"));
export const saveMinutes = (id: string, minutes: string, decisions: { text: string }[]) =>
  api.put<Consultation>(url(id, "/minutes"), { minutes, decisions });
export const addTask = (id: string, input: { title: string; assignee: Party; dueAt: string }) =>
  api.post<TaskItem>(url(id, "/tasks"), input);
export const closeConsultation = (id: string) => api.post<Consultation>(url(id, "/close"));

/** The consultations convened on an event, newest first, as its timeline records them. */
export function consultationIds(timeline: readonly TimelineEntry[]): string[] {
  const ids: string[] = [];
  for (const e of timeline) {
    const id = e.data?.consultationId;
    if (e.action === "consultation_convened" && typeof id === "string" && !ids.includes(id)) ids.unshift(id);
  }
  return ids;
}

/**
 * Parties one may invite: the units already working on the event (their people and departments),
 * then every department whose id the server gives; each once.
 */
export function partyOptions(
  parts: readonly EventPart[],
  departments: readonly { id?: string; name: string }[],
): PartyOption[] {
  const out: PartyOption[] = [];
  const seen = new Set<string>();
  const add = (value: string, label: string, party: Party) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, label, party });
  };
  for (const p of parts) {
    if (p.state === "withdrawn") continue;
    if (p.assignee) add(`user:${p.assignee.id}`, p.assignee.name || p.assignee.id, { userId: p.assignee.id });
    if (p.department)
      add(`dept:${p.department.id}`, p.department.name || p.department.code, {
        departmentId: p.department.id,
      });
  }
  for (const d of departments) if (d.id) add(`dept:${d.id}`, d.name, { departmentId: d.id });
  return out;
}
