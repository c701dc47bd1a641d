import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { todayOf } from "./dates";
import { labelOf } from "./field-checks";
import { keyPersonAccess } from "./key-person-grants";
import * as repo from "./key-persons.repo";
import { areaPathOf, areaRefs } from "./locate-record";

export interface KeyPersonQuery {
  category?: string;
  attentionLevel?: string;
  areaCode?: string;
  /** only those whose next visit is due by today */
  visitDue?: boolean;
  /** only those whose next visit falls on or before this date */
  visitDueBefore?: string;
  status?: "active" | "ended";
  /** name or pinyin-initials prefix */
  q?: string;
  limit: number;
  offset: number;
}

/**
 * Key persons the actor may read (scope × categories by role or grant): name and masked ID,
 * category, attention level and next visit — never the category details. The listing is audited.
 */
export async function listKeyPersons(ctx: Ctx, q: KeyPersonQuery) {
  const access = await keyPersonAccess(ctx);
  const today = todayOf(ctx);
  const areaPath = await areaPathOf(ctx, q.areaCode);
  const dueBy = [q.visitDue ? today : undefined, q.visitDueBefore]
    .filter((d): d is string => Boolean(d))
    .sort()[0];
  const { items, total } = await repo.listKeyPersons(ctx.tx, {
    access,
    category: q.category,
    attentionLevel: q.attentionLevel,
    areaPath,
    visitDueBy: dueBy,
    status: q.status ?? "active",
    q: q.q?.trim() || undefined,
    limit: q.limit,
    offset: q.offset,
  });
  const areasById = await areaRefs(
    ctx,
    items.map((i) => i.kp.areaId),
  );
  await recordAudit(ctx, {
    action: "key_person.list",
    after: {
      filters: {
        category: q.category,
        attentionLevel: q.attentionLevel,
        areaCode: q.areaCode,
        visitDue: q.visitDue,
        q: q.q ? "…" : undefined,
      },
      count: items.length,
    },
  });
  return {
    total,
    items: items.map(({ kp, name, idMasked }) => ({
      id: kp.id,
      personId: kp.personId,
      name,
      idMasked,
      category: kp.category,
      categoryLabel: labelOf("special-population-type", kp.category),
      attentionLevel: kp.attentionLevel,
      attentionLabel: labelOf("attention-level", kp.attentionLevel),
      startedOn: kp.startedOn,
      endedOn: kp.endedOn,
      nextVisitOn: kp.nextVisitOn,
      visitOverdue: kp.status === "active" && kp.nextVisitOn !== null && kp.nextVisitOn < today,
      area: (kp.areaId && areasById.get(kp.areaId)) || null,
      status: kp.status,
    })),
  };
}
