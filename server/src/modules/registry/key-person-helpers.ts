import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import * as repo from "./key-persons.repo";
import { presentKeyPerson } from "./read-key-person";
import { helperRows, type HelperInput } from "./register-key-person";
import { wrongState } from "./registry.errors";
import { editableKeyPerson } from "./update-key-person";

/** Adds helpers (帮扶人) to a key person. */
export async function addHelpers(ctx: Ctx, id: string, helpers: HelperInput[]) {
  const row = await editableKeyPerson(ctx, id);
  const rows = await helperRows(ctx, helpers, todayOf(ctx));
  const added = await repo.insertHelpers(
    ctx.tx,
    rows.map((h) => ({ ...h, keyPersonId: id })),
  );
  await recordChange(ctx, {
    subjectType: "key_person",
    subjectId: id,
    version: row.version,
    action: "helpers_added",
    before: null,
    after: { helpers: added.map((h) => ({ id: h.id, userId: h.userId, name: h.name, role: h.role })) },
  });
  return presentKeyPerson(ctx, row);
}

/** Takes a helper off from today; the helper stays in the file's history. */
export async function removeHelper(ctx: Ctx, id: string, helperId: string) {
  const row = await editableKeyPerson(ctx, id);
  const helper = await repo.findHelper(ctx.tx, id, helperId);
  if (!helper) throw notFound({ zh: "帮扶人", en: "helper" });
  if (helper.toOn) throw wrongState("helperId", "该帮扶人已撤下", "This helper was already taken off");
  const today = todayOf(ctx);
  await repo.endHelper(ctx.tx, helperId, today);
  await recordChange(ctx, {
    subjectType: "key_person",
    subjectId: id,
    version: row.version,
    action: "helper_removed",
    before: { helper: { id: helper.id, name: helper.name, role: helper.role, toOn: null } },
    after: { helper: { id: helper.id, name: helper.name, role: helper.role, toOn: today } },
  });
  return presentKeyPerson(ctx, row);
}
