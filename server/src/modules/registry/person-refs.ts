import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { persons } from "../../db/schema";
import { PERSON, unknownReference } from "./registry.errors";

/** A registry person as other records show them: name and masked values only. */
export interface PersonRef {
  id: string;
  name: string;
  idMasked: string | null;
  phoneMasked: string | null;
  areaPath: string | null;
  status: string;
}

/** Sealed columns of a person, for an audited reveal. */
export type PersonSealed = PersonRef & {
  phoneEnc: string | null;
  birthDate: string | null;
  areaId: string | null;
};

const columns = {
  id: persons.id,
  name: persons.name,
  idMasked: persons.idMasked,
  phoneMasked: persons.phoneMasked,
  phoneEnc: persons.phoneEnc,
  birthDate: persons.birthDate,
  areaId: persons.areaId,
  areaPath: persons.areaPath,
  status: persons.status,
};

/** The people with these ids (purged ones included, shown without data), by id. */
export async function personRefs(db: Executor, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map<string, PersonSealed>();
  const rows = await db.select(columns).from(persons).where(inArray(persons.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A person a record is about to point at; missing or purged → 422 naming the field. */
export async function requirePerson(db: Executor, id: string, field: string): Promise<PersonSealed> {
  const found = (await personRefs(db, [id])).get(id);
  if (!found || found.status === "purged") throw unknownReference(field, PERSON);
  return found;
}

/** What a response shows of a person: id, name, masked ID and phone. */
export function presentPersonRef(p: PersonRef | undefined) {
  if (!p) return null;
  if (p.status === "purged") return { id: p.id, name: "—", idMasked: null, phoneMasked: null };
  return { id: p.id, name: p.name, idMasked: p.idMasked, phoneMasked: p.phoneMasked };
}
