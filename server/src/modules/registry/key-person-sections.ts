import { recordAudit } from "../../core/audit";
import { can } from "../../core/authorize";
import { labelOf } from "./field-checks";
import { registerFileSection } from "./file-sections";
import { canReadKeyPerson } from "./key-person-grants";
import * as repo from "./key-persons.repo";

const METHOD_ZH: Record<string, string> = {
  in_person: "上门",
  phone: "电话",
  video: "视频",
  joint: "联合走访",
  other: "其他",
};

/**
 * Registers what key persons add to files: a person's key-person records (only those the reader may
 * read — else no section, so the file does not reveal the status; the showing is audited) and the
 * visits to a person (through their records), a place or a household.
 */
export function registerKeyPersonSections(): void {
  registerFileSection("key_persons", ["person"], async (ctx, subject) => {
    const records = await repo.recordsOfPerson(ctx.tx, subject.id);
    const readable = [];
    for (const r of records) if (await canReadKeyPerson(ctx, r)) readable.push(r);
    if (readable.length === 0) return null;
    await recordAudit(ctx, {
      action: "key_person.list",
      subjectType: "person",
      subjectId: subject.id,
      after: { view: "person_file", keyPersonIds: readable.map((r) => r.id) },
    });
    return {
      key: "key_persons",
      title: { zh: "重点人员", en: "Key person" },
      total: readable.length,
      items: readable.map((r) => ({
        id: r.id,
        title: `${labelOf("special-population-type", r.category)?.zh ?? r.category} · 关注程度${labelOf("attention-level", r.attentionLevel)?.zh ?? r.attentionLevel}`,
        at: r.startedOn,
        status: r.status,
        href: `/registry/key-persons/${r.id}`,
      })),
    };
  });

  registerFileSection("visits", ["person", "place", "household"], async (ctx, subject) => {
    let type: string = subject.type;
    let ids = [subject.id];
    if (subject.type === "person") {
      const records = await repo.recordsOfPerson(ctx.tx, subject.id);
      const readable = [];
      for (const r of records) if (await canReadKeyPerson(ctx, r)) readable.push(r.id);
      type = "key_person";
      ids = readable;
    } else if (!can(ctx.actor, "registry.read")) return null;
    const { items, total } = await repo.visitsOf(ctx.tx, type, ids);
    if (total === 0) return null;
    return {
      key: "visits",
      title: { zh: "走访记录", en: "Visits" },
      total,
      items: items.map(({ v, by }) => ({
        id: v.id,
        title: [v.doneAt ? (METHOD_ZH[v.method ?? ""] ?? v.method) : "待走访", by]
          .filter(Boolean)
          .join(" · "),
        at: v.doneAt ? v.doneAt.toISOString() : v.dueOn,
        status: v.doneAt ? "done" : "due",
      })),
    };
  });
}
