import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";
import {
  areas,
  departments,
  gridTeamMembers,
  policeDistrictGrids,
  policeDistrictOfficers,
  policeDistricts,
  users,
} from "../../db/schema";

/** SQL for resolving routing units: departments, grid teams, police districts, users. */

export async function departmentByCode(tx: Executor, code: string) {
  const rows = await tx.select().from(departments).where(eq(departments.code, code));
  return rows[0];
}

export async function departmentsByIds(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(departments).where(inArray(departments.id, ids));
}

/** Departments of a kind with the path of their area (null when they serve everywhere). */
export async function departmentsOfKind(tx: Executor, kind: string) {
  return tx
    .select({ id: departments.id, code: departments.code, name: departments.name, areaPath: areas.path })
    .from(departments)
    .leftJoin(areas, eq(areas.id, departments.areaId))
    .where(eq(departments.kind, kind))
    .orderBy(asc(departments.code));
}

export async function activeUsersByIds(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, displayName: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
}

/** Team members with an account in a role, in the given areas (deepest area first). */
export async function teamUsers(tx: Executor, paths: string[], teamRole: string, today: string) {
  if (paths.length === 0) return [];
  return tx
    .select({ userId: gridTeamMembers.userId, name: gridTeamMembers.name, areaPath: areas.path })
    .from(gridTeamMembers)
    .innerJoin(areas, eq(areas.id, gridTeamMembers.areaId))
    .innerJoin(users, eq(users.id, gridTeamMembers.userId))
    .where(
      and(
        inArray(areas.path, paths),
        eq(gridTeamMembers.teamRole, teamRole),
        eq(users.disabled, false),
        or(isNull(gridTeamMembers.activeTo), sql`${gridTeamMembers.activeTo} >= ${today}`),
        or(isNull(gridTeamMembers.activeFrom), sql`${gridTeamMembers.activeFrom} <= ${today}`),
      ),
    )
    .orderBy(sql`length(${areas.path}) desc`, asc(gridTeamMembers.createdAt));
}

/** Users with a role whose scope is one of these areas (deepest first): e.g. a grid's grid worker. */
export async function scopedUsers(tx: Executor, paths: string[], role: string) {
  if (paths.length === 0) return [];
  return queryRows<{ user_id: string }>(
    tx,
    sql`select u.id as user_id from users u join user_scopes s on s.user_id = u.id join areas a on a.id = s.area_id
        where a.path in ${paths} and ${role} = any(u.roles) and not u.disabled
        order by length(a.path) desc, u.username limit 5`,
  );
}

/** The police district of the nearest mapped ancestor of an area, its officers and its station. */
export async function policeFor(tx: Executor, paths: string[]) {
  if (paths.length === 0) return undefined;
  const rows = await tx
    .select({ districtId: policeDistricts.id, stationId: policeDistricts.stationId })
    .from(policeDistrictGrids)
    .innerJoin(areas, eq(areas.id, policeDistrictGrids.areaId))
    .innerJoin(policeDistricts, eq(policeDistricts.id, policeDistrictGrids.policeDistrictId))
    .where(inArray(areas.path, paths))
    .orderBy(sql`length(${areas.path}) desc`)
    .limit(1);
  const d = rows[0];
  if (!d) return undefined;
  const officers = await tx
    .select({ userId: users.id })
    .from(policeDistrictOfficers)
    .innerJoin(users, eq(users.id, policeDistrictOfficers.userId))
    .where(and(eq(policeDistrictOfficers.policeDistrictId, d.districtId), eq(users.disabled, false)))
    .orderBy(asc(users.username));
  return { stationId: d.stationId, officerIds: officers.map((o) => o.userId) };
}
