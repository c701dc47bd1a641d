import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { snapshot } from "./buildings";
import { addDays, dateOf, todayOf } from "./dates";
import { Problems } from "./field-checks";
import { recordChange } from "./history";
import { prepareDetails, type KeyPersonCategory } from "./key-person-details";
import { visibleKeyPerson } from "./key-person-grants";
import * as repo from "./key-persons.repo";
import { endBeforeStart } from "./places.errors";
import { presentKeyPerson } from "./read-key-person";
import { KEY_PERSON_TRACKED } from "./register-key-person";
import { fieldProblems, staleVersion, wrongState } from "./registry.errors";

export interface KeyPersonPatch {
  version: number;
  attentionLevel?: string;
  /** merged onto the stored details; null removes a field */
  details?: Record<string, unknown>;
  visitIntervalDays?: number;
  /** whether the person is employed now (counted by the group's employment rate) */
  employed?: boolean | null;
  nextVisitOn?: string;
}

/** An active key-person record the actor may edit (404 when not readable, 403 when read-only). */
export async function editableKeyPerson(ctx: Ctx, id: string) {
  const row = await visibleKeyPerson(ctx, id, true);
  authorize(ctx.actor, "key_person.edit", { areaPath: row.areaPath ?? "" });
  if (row.status !== "active")
    throw wrongState("status", "该重点人员已解除管理", "This key-person record has ended");
  return row;
}

/**
 * Changes a key-person record at a given version (409 when stale). A new visit interval reschedules
 * the next visit from the last one made; the category never changes (end it and register anew).
 */
export async function updateKeyPerson(ctx: Ctx, id: string, patch: KeyPersonPatch) {
  const row = await editableKeyPerson(ctx, id);
  if (row.version !== patch.version) throw staleVersion(row.version);
  const p = new Problems();
  p.code("attentionLevel", "attention-level", patch.attentionLevel);
  p.number("visitIntervalDays", patch.visitIntervalDays, { min: 1, max: 366, integer: true });
  const prepared = patch.details
    ? prepareDetails(
        ctx.keyring,
        row.category as KeyPersonCategory,
        patch.details,
        row.details as Record<string, unknown>,
      )
    : undefined;
  const problems = [...p.list, ...(prepared?.problems ?? [])];
  if (problems.length) throw fieldProblems(problems);
  let nextVisitOn = patch.nextVisitOn;
  if (
    nextVisitOn === undefined &&
    patch.visitIntervalDays &&
    patch.visitIntervalDays !== row.visitIntervalDays
  ) {
    const last = await repo.lastVisitAt(ctx.tx, "key_person", id);
    if (last) nextVisitOn = addDays(dateOf(ctx, last), patch.visitIntervalDays);
  }
  const values = Object.fromEntries(
    Object.entries({
      attentionLevel: patch.attentionLevel,
      details: prepared?.details,
      visitIntervalDays: patch.visitIntervalDays,
      employed: patch.employed,
      nextVisitOn,
    }).filter(([, v]) => v !== undefined),
  );
  const updated = await repo.updateKeyPerson(ctx.tx, id, values, ctx.clock.now());
  await recordChange(ctx, {
    subjectType: "key_person",
    subjectId: id,
    version: updated.version,
    action: "updated",
    before: snapshot(row, KEY_PERSON_TRACKED),
    after: snapshot(updated, KEY_PERSON_TRACKED),
  });
  return presentKeyPerson(ctx, updated);
}

/**
 * Ends a key-person record (解除: term ended, sent to prison, died, moved…) on a date between its start
 * and today; no more visits fall due. The record, its plans and visits stay in the history.
 */
export async function endKeyPerson(ctx: Ctx, id: string, input: { termination: string; on: string }) {
  const row = await editableKeyPerson(ctx, id);
  const p = new Problems();
  p.code("termination", "termination-type", input.termination);
  if (p.list.length) throw fieldProblems(p.list);
  if (row.startedOn && input.on < row.startedOn) throw endBeforeStart("on");
  if (input.on > todayOf(ctx))
    throw fieldProblems([
      {
        field: "on",
        code: "DATE_IN_FUTURE",
        message: { zh: "解除日期不能晚于今天", en: "The end date cannot be in the future" },
      },
    ]);
  const updated = await repo.updateKeyPerson(
    ctx.tx,
    id,
    { status: "deregistered", endedOn: input.on, termination: input.termination, nextVisitOn: null },
    ctx.clock.now(),
  );
  await recordChange(ctx, {
    subjectType: "key_person",
    subjectId: id,
    version: updated.version,
    action: "ended",
    before: snapshot(row, KEY_PERSON_TRACKED),
    after: snapshot(updated, KEY_PERSON_TRACKED),
  });
  return presentKeyPerson(ctx, updated);
}
