import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { personFor } from "./read-person";
import { reasonRequired, wrongState } from "./registry.errors";
import { openValue } from "./sensitive";

export type RevealField = "idNumber" | "phone";

/**
 * One sensitive value of a person in clear (ID number or phone), for staff allowed `person.reveal`
 * in scope, with a reason of 5–200 characters; every reveal is audited as `person.revealed`.
 */
export async function revealPerson(
  ctx: Ctx,
  id: string,
  field: RevealField,
  reason: string,
): Promise<{ field: RevealField; value: string | null }> {
  const row = await personFor(ctx, id, "person.reveal");
  const why = (reason ?? "").trim();
  if (why.length < 5 || why.length > 200) throw reasonRequired();
  if (row.status === "purged")
    throw wrongState("status", "该人员的个人信息已清除", "This person's personal data has been purged");
  const enc = field === "idNumber" ? row.idEnc : row.phoneEnc;
  await recordAudit(ctx, {
    action: "person.revealed",
    subjectType: "person",
    subjectId: row.id,
    after: { field, masked: field === "idNumber" ? row.idMasked : row.phoneMasked },
    reason: why,
  });
  return { field, value: openValue(ctx.keyring, enc) };
}
