import type { EventDetail } from "../../api/event-types";
import type { Department } from "../../api/types";
import type { UnitOption } from "./UnitPicker";

/**
 * What the dispatcher can pick: every department (by id), and the people already on the event (the
 * grid worker, officer or station member the rules found before, its assignee). Picking nothing lets
 * the routing rules choose, which is how the grid's own team is reached.
 */
export function unitOptions(
  departments: readonly (Department & { id?: string })[],
  kindLabel: (kind: string) => string,
  event?: Pick<EventDetail, "parts" | "assignee"> | null,
): UnitOption[] {
  const out: UnitOption[] = [];
  for (const d of departments)
    if (d.id)
      out.push({
        value: `dept:${d.id}`,
        label: d.name,
        hint: kindLabel(d.kind),
        group: "department",
        ref: { departmentId: d.id },
      });
  const people = new Map<string, string>();
  for (const p of event?.parts ?? []) if (p.assignee) people.set(p.assignee.id, p.assignee.name);
  if (event?.assignee) people.set(event.assignee.id, event.assignee.name);
  for (const [id, name] of people)
    out.push({ value: `user:${id}`, label: name, group: "team", ref: { userId: id } });
  return out;
}
