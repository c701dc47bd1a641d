import type { Ctx } from "../../core/context";
import { areaForPerson, assertUniqueId } from "./create-person";
import { followPersonArea } from "./key-person-lifecycle";
import { todayOf } from "./dates";
import { recordChange } from "./history";
import { checkPersonInput, personRow, type FloatingInput, type PersonInput } from "./person-input";
import * as repo from "./persons.repo";
import { changedFields, historyView, presentPerson, type PersonView } from "./present-person";
import { personFor } from "./read-person";
import { fieldProblems, staleVersion, wrongState } from "./registry.errors";
import { openValue } from "./sensitive";

/** A change to a person: only the fields given change; null clears a field; `version` is the one read. */
export type PersonPatch = { [K in keyof PersonInput]?: PersonInput[K] | null } & { version: number };

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** The stored person as input, so a patch is validated together with what it does not change. */
function inputOf(ctx: Ctx, row: repo.PersonRow): PersonInput {
  return {
    name: row.name,
    formerNames: row.formerNames ?? undefined,
    docType: row.docType as PersonInput["docType"],
    idNumber: openValue(ctx.keyring, row.idEnc) ?? undefined,
    phone: openValue(ctx.keyring, row.phoneEnc) ?? undefined,
    sex: orUndefined(row.sex),
    birthDate: orUndefined(row.birthDate),
    ethnicity: orUndefined(row.ethnicity),
    maritalStatus: orUndefined(row.maritalStatus),
    education: orUndefined(row.education),
    politicalStatus: orUndefined(row.politicalStatus),
    religion: orUndefined(row.religion),
    nationality: orUndefined(row.nationality),
    occupation: orUndefined(row.occupation),
    workplace: orUndefined(row.workplace),
    hukouDivision: orUndefined(row.hukouDivision),
    hukouAddress: orUndefined(row.hukouAddress),
    currentAddress: orUndefined(row.currentAddress),
    houseId: orUndefined(row.houseId),
    residentType: row.residentType as PersonInput["residentType"],
    floating: orUndefined(row.floating as FloatingInput | null),
    livesAlone: row.livesAlone,
    extra: orUndefined(row.extra as Record<string, unknown> | null),
  };
}

/** The stored input with the patch laid over it; values derived from a changed ID are derived again. */
function merge(current: PersonInput, patch: PersonPatch): PersonInput {
  const merged: Record<string, unknown> = { ...current };
  const idChanges = patch.idNumber !== undefined || patch.docType !== undefined;
  if (idChanges) {
    if (patch.sex === undefined) delete merged.sex;
    if (patch.birthDate === undefined) delete merged.birthDate;
  }
  if (patch.residentType && patch.residentType !== "floating" && patch.floating === undefined)
    delete merged.floating;
  for (const [k, v] of Object.entries(patch)) {
    if (k === "version" || k === "areaCode" || v === undefined) continue;
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  return merged as unknown as PersonInput;
}

/**
 * Changes a person under optimistic locking: a stale `version` → 409 with the current one. The
 * whole person is validated again (all problems, the first as a 400 naming its field); moving to
 * another house or area places them there (in scope). Keeps history; a no-op changes nothing.
 */
export async function updatePerson(ctx: Ctx, id: string, patch: PersonPatch): Promise<PersonView> {
  const today = todayOf(ctx);
  const row = await personFor(ctx, id, "registry.edit", true);
  if (row.status !== "active")
    throw wrongState(
      "status",
      "已注销或已清除的人员不能修改",
      "A deregistered or purged person cannot be changed",
    );
  if (patch.version !== row.version) throw staleVersion(row.version);

  const merged = merge(inputOf(ctx, row), patch);
  const problems = checkPersonInput(merged, today);
  if (problems.length) throw fieldProblems(problems);
  const values = personRow(ctx.keyring, merged, today);
  if (patch.idNumber === undefined && patch.docType === undefined)
    for (const k of ["idEnc", "idIndex", "idMasked", "idTail"] as const) delete values[k];
  else await assertUniqueId(ctx, values.idIndex, row.id);
  if (patch.phone === undefined)
    for (const k of ["phoneEnc", "phoneIndex", "phoneMasked", "phoneTail"] as const) delete values[k];

  let area = { areaId: row.areaId, areaPath: row.areaPath };
  if (patch.houseId || patch.areaCode) {
    const located = await areaForPerson(ctx, {
      houseId: patch.houseId,
      areaCode: patch.houseId ? null : patch.areaCode,
    });
    area = { areaId: located.areaId, areaPath: located.areaPath };
    if (located.house && patch.currentAddress === undefined)
      values.currentAddress = [located.house.address, located.house.unit, located.house.room]
        .filter(Boolean)
        .join(" ");
  }

  const before = historyView(row);
  const diff = changedFields(before, historyView({ ...row, ...values, ...area }));
  if (!diff) return presentPerson(row, ctx.actor, today);
  const next = await repo.update(ctx.tx, row.id, { ...values, ...area }, ctx.clock.now());
  // a key person's file and open visits follow the person to their new grid
  if (area.areaId && area.areaPath && area.areaPath !== row.areaPath)
    await followPersonArea(ctx, row.id, { areaId: area.areaId, areaPath: area.areaPath });
  await recordChange(ctx, {
    subjectType: "person",
    subjectId: row.id,
    version: next.version,
    action: "updated",
    before: diff.before,
    after: diff.after,
  });
  const [withArea] = await repo.findMany(ctx.tx, [row.id]);
  return presentPerson(withArea!, ctx.actor, today);
}
