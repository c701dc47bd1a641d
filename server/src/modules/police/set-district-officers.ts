import { recordAudit } from "../../core/audit";
import { authorize } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import * as usersRepo from "../users/users.repo";
import { notPolice, POLICE_DISTRICT, unknownUsers } from "./police.errors";
import * as repo from "./police.repo";
import { presentDistrict, type DistrictView } from "./present-districts";

/** Makes these users the district's officers; each must be an active user with the police role (else 422). */
export async function setDistrictOfficers(
  ctx: Ctx,
  code: string,
  usernames: string[],
): Promise<DistrictView> {
  authorize(ctx.actor, "police_district.manage");
  const district = await repo.findByCode(ctx.tx, code, true);
  if (!district) throw notFound(POLICE_DISTRICT);
  const names = [...new Map(usernames.map((u) => [u.toLowerCase(), u])).values()];
  const rows: (usersRepo.UserRow | undefined)[] = [];
  for (const u of names) rows.push(await usersRepo.findByUsername(ctx.tx, u));
  const unknown = names.filter((_, i) => !rows[i]);
  if (unknown.length > 0) throw unknownUsers(unknown);
  const users = rows.map((r) => r!);
  const notOfficers = users.filter((u) => !u.roles.includes("police") || u.disabled).map((u) => u.username);
  if (notOfficers.length > 0) throw notPolice(notOfficers);

  const before = (await repo.officersOf(ctx.tx, [district.id])).map((o) => o.username).sort();
  await repo.setOfficers(
    ctx.tx,
    district.id,
    users.map((u) => u.id),
  );
  await recordAudit(ctx, {
    action: "police_district.officers_changed",
    subjectType: "police_district",
    subjectId: district.id,
    before: { officers: before },
    after: { officers: users.map((u) => u.username).sort() },
  });
  return presentDistrict(ctx, district);
}
