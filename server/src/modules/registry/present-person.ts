import type { Actor } from "../../core/actor";
import { stableStringify } from "../../core/audit";
import { can } from "../../core/authorize";
import { codeLabel } from "./codes/tables";
import type { PersonRow } from "./persons.repo";

/** A person as the API shows them: ID and phone masked, never a sealed or index column. */
export interface PersonView {
  id: string;
  name: string;
  formerNames: string[];
  docType: string;
  /** masked ("330212********1234"); POST …/reveal with a reason shows it in clear */
  idNumber: string | null;
  /** masked ("138****5678") */
  phone: string | null;
  sex: string | null;
  birthDate: string | null;
  age: number | null;
  minor: boolean;
  ethnicity: string | null;
  maritalStatus: string | null;
  education: string | null;
  politicalStatus: string | null;
  religion: string | null;
  nationality: string | null;
  occupation: string | null;
  workplace: string | null;
  hukouDivision: string | null;
  hukouAddress: string | null;
  currentAddress: string | null;
  houseId: string | null;
  householdId: string | null;
  residentType: string;
  floating: Record<string, unknown> | null;
  permitExpiresOn: string | null;
  livesAlone: boolean;
  /** Chinese labels of the coded fields, for display. */
  labels: Record<string, string>;
  area: { id: string; code: string | null; name: string | null } | null;
  status: string;
  deregistration: { reason: string | null; on: string | null; purgeAfter: string | null } | null;
  extra: Record<string, unknown> | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  can: { edit: boolean; reveal: boolean; deregister: boolean };
}

/** Whole years between a birth date and today (both YYYY-MM-DD); null without a birth date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const LABELLED: [keyof PersonRow, string][] = [
  ["sex", "sex"],
  ["ethnicity", "ethnicity"],
  ["maritalStatus", "marital-status"],
  ["education", "education"],
  ["politicalStatus", "political-status"],
  ["residentType", "resident-type"],
  ["deregisteredReason", "deregistration-reason"],
];

/**
 * A person for this actor: masked values, age on `today` (YYYY-MM-DD in the centre's time zone,
 * from `localDate(ctx.clock.now(), tz)`), and what the actor may do next.
 */
export function presentPerson(
  row: PersonRow & { areaCode?: string | null; areaName?: string | null },
  actor: Actor,
  today: string,
): PersonView {
  const subject = { areaPath: row.areaPath ?? "" };
  const live = row.status === "active";
  const age = ageOn(row.birthDate, today);
  const labels: Record<string, string> = {};
  for (const [field, table] of LABELLED) {
    const v = row[field];
    const label = typeof v === "string" ? codeLabel(table, v, "zh") : undefined;
    if (label) labels[field] = label;
  }
  const floating = row.floating as Record<string, unknown> | null;
  if (floating && typeof floating.permitType === "string") {
    const label = codeLabel("permit-type", floating.permitType, "zh");
    if (label) labels.permitType = label;
  }
  return {
    id: row.id,
    name: row.name,
    formerNames: row.formerNames ?? [],
    docType: row.docType,
    idNumber: row.idMasked,
    phone: row.phoneMasked,
    sex: row.sex,
    birthDate: row.birthDate,
    age,
    minor: age !== null && age < 18,
    ethnicity: row.ethnicity,
    maritalStatus: row.maritalStatus,
    education: row.education,
    politicalStatus: row.politicalStatus,
    religion: row.religion,
    nationality: row.nationality,
    occupation: row.occupation,
    workplace: row.workplace,
    hukouDivision: row.hukouDivision,
    hukouAddress: row.hukouAddress,
    currentAddress: row.currentAddress,
    houseId: row.houseId,
    householdId: row.householdId,
    residentType: row.residentType,
    floating,
    permitExpiresOn: row.permitExpiresOn,
    livesAlone: row.livesAlone,
    labels,
    area: row.areaId ? { id: row.areaId, code: row.areaCode ?? null, name: row.areaName ?? null } : null,
    status: row.status,
    deregistration:
      row.status === "active"
        ? null
        : { reason: row.deregisteredReason, on: row.deregisteredOn, purgeAfter: row.purgeAfter },
    extra: row.extra as Record<string, unknown> | null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: {
      edit: live && can(actor, "registry.edit", subject),
      reveal: row.status !== "purged" && can(actor, "person.reveal", subject),
      deregister: live && can(actor, "registry.edit", subject),
    },
  };
}

/** Columns that never enter history: sealed values, search keys, bookkeeping. */
const NOT_IN_HISTORY = new Set([
  "idEnc",
  "idIndex",
  "idTail",
  "phoneEnc",
  "phoneIndex",
  "phoneTail",
  "namePinyin",
  "nameInitials",
  "areaCode",
  "areaName",
  "version",
  "createdBy",
  "createdAt",
  "updatedAt",
  "importId",
]);

/** What history keeps of a person row: readable fields, ID and phone only in their masked form. */
export function historyView(row: Partial<PersonRow>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(([k, v]) => !NOT_IN_HISTORY.has(k) && v !== undefined),
  );
}

/** The fields that differ between two history views, as a before/after pair (null when nothing changed). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (stableStringify(before[k] ?? null) === stableStringify(after[k] ?? null)) continue;
    b[k] = before[k] ?? null;
    a[k] = after[k] ?? null;
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
