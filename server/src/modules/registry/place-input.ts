import type { Keyring } from "../../core/crypto";
import type { places } from "../../db/schema";
import { validateCreditCode } from "./codes/credit-code";
import { Problems } from "./field-checks";
import type { FieldProblem } from "./registry.errors";
import { sealPhone } from "./sensitive";

/** A place or enterprise (场所) as the API and the Excel importer give it. */
export interface PlaceInput {
  name: string;
  /** place-type code: shop, restaurant, bar… */
  kind: string;
  /** unified social credit code (GB 32100), checksum validated */
  creditCode?: string;
  address?: string;
  lat?: number;
  lng?: number;
  areaCode?: string;
  responsibleName?: string;
  responsiblePhone?: string;
  /** the venue's safety manager (平安经理) */
  safetyManagerName?: string;
  safetyManagerPhone?: string;
  colour?: "red" | "yellow" | "green";
  employees?: number;
  /** the building it is in, when known */
  buildingId?: string;
  /** the safety manager as a registry person, when known */
  safetyManagerPersonId?: string;
}

/** Every problem of a place input (empty when good): credit code via GB 32100, kind via the code table. */
export function checkPlaceInput(
  input: Partial<Omit<PlaceInput, "colour">> & { colour?: string },
  o: { partial?: boolean } = {},
): FieldProblem[] {
  const p = new Problems();
  const whole = !o.partial;
  if (whole || input.name !== undefined) p.text("name", input.name, { required: true, max: 100 });
  if (whole || input.kind !== undefined) {
    p.text("kind", input.kind, { required: true, max: 40 });
    if (input.kind) p.code("kind", "place-type", input.kind);
  }
  if (input.creditCode !== undefined && input.creditCode !== null && input.creditCode.trim() !== "") {
    const cc = validateCreditCode(input.creditCode);
    if (!cc.ok) p.list.push({ field: "creditCode", code: cc.code, message: cc.message });
  }
  p.text("address", input.address, { max: 200 });
  p.point(input.lat, input.lng);
  p.text("responsibleName", input.responsibleName, { max: 50 });
  p.phone("responsiblePhone", input.responsiblePhone);
  p.text("safetyManagerName", input.safetyManagerName, { max: 50 });
  p.phone("safetyManagerPhone", input.safetyManagerPhone);
  p.code("colour", "colour-rating", input.colour);
  p.number("employees", input.employees, { min: 0, max: 1_000_000, integer: true });
  return p.list;
}

/** The credit code in normal form (upper case, no spaces), or null when none was given. */
export function normalCreditCode(text: string | null | undefined): string | null {
  if (!text || !text.trim()) return null;
  const cc = validateCreditCode(text);
  return cc.ok ? cc.normalized : text.trim();
}

/** A phone sealed for the places table: encrypted and masked, or nulls when none was given. */
export function sealedPhone(keyring: Keyring, raw: string | null | undefined, field: string) {
  if (!raw || !raw.trim()) return { enc: null, masked: null };
  const s = sealPhone(keyring, raw, field);
  return { enc: s.enc, masked: s.masked };
}

/** The row a good place input becomes, phones sealed and masked, without its area (the caller locates). */
export function placeRow(keyring: Keyring, input: PlaceInput): typeof places.$inferInsert {
  const responsible = sealedPhone(keyring, input.responsiblePhone, "responsiblePhone");
  const manager = sealedPhone(keyring, input.safetyManagerPhone, "safetyManagerPhone");
  return {
    name: input.name.trim(),
    kind: input.kind,
    creditCode: normalCreditCode(input.creditCode),
    address: input.address?.trim() || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    buildingId: input.buildingId ?? null,
    responsibleName: input.responsibleName?.trim() || null,
    responsiblePhoneEnc: responsible.enc,
    responsiblePhoneMasked: responsible.masked,
    safetyManagerPersonId: input.safetyManagerPersonId ?? null,
    safetyManagerName: input.safetyManagerName?.trim() || null,
    safetyManagerPhoneEnc: manager.enc,
    safetyManagerPhoneMasked: manager.masked,
    colour: input.colour ?? null,
    employees: input.employees ?? null,
  };
}
