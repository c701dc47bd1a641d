import { authorize, type Action } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { todayOf } from "./dates";
import { listChanges } from "./history";
import * as repo from "./persons.repo";
import { presentPerson, type PersonView } from "./present-person";
import { PERSON } from "./registry.errors";

/**
 * The person for an action: missing, or outside the actor's scope → 404 (existence must not leak);
 * in scope but not allowed → 403. `lock` takes a row lock for an update in the same transaction.
 */
export async function personFor(
  ctx: Ctx,
  id: string,
  action: Action = "registry.read",
  lock = false,
): Promise<repo.PersonWithArea> {
  const row = await repo.find(ctx.tx, id, lock);
  if (!row) throw notFound(PERSON);
  authorize(ctx.actor, action, { areaPath: row.areaPath ?? "" }, PERSON);
  return row;
}

/** One person, masked, for staff in scope. */
export async function readPerson(ctx: Ctx, id: string): Promise<PersonView> {
  const row = await personFor(ctx, id);
  return presentPerson(row, ctx.actor, todayOf(ctx));
}

export interface ChangeView {
  id: number;
  version: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorName: string | null;
  at: string;
}

/** A registry record's history, oldest first (sensitive values only as "changed"). */
export function presentChanges(rows: Awaited<ReturnType<typeof listChanges>>): ChangeView[] {
  return rows.map((r) => ({
    id: Number(r.id),
    version: r.version,
    action: r.action,
    before: r.before as Record<string, unknown> | null,
    after: r.after as Record<string, unknown> | null,
    actorName: r.actorName,
    at: r.at.toISOString(),
  }));
}

/** A person's history: who changed what, when, before and after. */
export async function personHistory(ctx: Ctx, id: string): Promise<{ items: ChangeView[] }> {
  await personFor(ctx, id);
  return { items: presentChanges(await listChanges(ctx, "person", id)) };
}
