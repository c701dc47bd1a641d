import { recordAudit } from "../../core/audit";
import { can } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { todayOf } from "./dates";
import { fileSections, type FileSection } from "./file-sections";
import * as householdsRepo from "./households.repo";
import * as repo from "./persons.repo";
import { presentPerson, type PersonView } from "./present-person";
import { householdFor, householdView, type HouseholdView } from "./read-household";
import { personFor } from "./read-person";

/** The house a file shows, when the actor may see it. */
async function houseFor(ctx: Ctx, id: string | null): Promise<repo.HouseSummary | null> {
  if (!id) return null;
  const house = await repo.findHouse(ctx.tx, id);
  return house && can(ctx.actor, "registry.read", { areaPath: house.areaPath ?? "" }) ? house : null;
}

export interface PersonFile {
  person: PersonView;
  household: HouseholdView | null;
  house: repo.HouseSummary | null;
  /** What other modules link to the person (events, disputes, visits, alerts…), as they register it. */
  sections: FileSection[];
}

/**
 * A person's whole file (全息档案): the person, their household and its members, their house, and
 * every section other modules register. Reading it is audited, as it gathers much about one person.
 */
export async function readPersonFile(ctx: Ctx, id: string): Promise<PersonFile> {
  const row = await personFor(ctx, id);
  const householdRow = row.householdId ? await householdsRepo.find(ctx.tx, row.householdId) : undefined;
  const household =
    householdRow && can(ctx.actor, "registry.read", { areaPath: householdRow.areaPath ?? "" })
      ? await householdView(ctx, householdRow)
      : null;
  const file: PersonFile = {
    person: presentPerson(row, ctx.actor, todayOf(ctx)),
    household,
    house: await houseFor(ctx, row.houseId),
    sections: await fileSections(ctx, { type: "person", id: row.id }),
  };
  await recordAudit(ctx, {
    action: "person.file_viewed",
    subjectType: "person",
    subjectId: row.id,
    after: { sections: file.sections.map((s) => s.key) },
  });
  return file;
}

export interface HouseholdFile {
  household: HouseholdView;
  house: repo.HouseSummary | null;
  sections: FileSection[];
}

/** A household's file (一户一档): members, house, and the sections other modules register; audited. */
export async function readHouseholdFile(ctx: Ctx, id: string): Promise<HouseholdFile> {
  const row = await householdFor(ctx, id);
  const file: HouseholdFile = {
    household: await householdView(ctx, row),
    house: await houseFor(ctx, row.houseId),
    sections: await fileSections(ctx, { type: "household", id: row.id }),
  };
  await recordAudit(ctx, {
    action: "household.file_viewed",
    subjectType: "household",
    subjectId: row.id,
    after: { sections: file.sections.map((s) => s.key) },
  });
  return file;
}
