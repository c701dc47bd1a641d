import { STAFF_ROLES, type Role } from "../../core/actor";
import { inScope } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import * as areasRepo from "../areas/areas.repo";
import * as departmentsRepo from "../departments/departments.repo";
import * as repo from "./users.repo";
import { departmentRequired, scopeRequired, unknownArea, unknownDepartment } from "./users.errors";

/** Checks roles, scopes and department together; returns the area and department ids to store. */
export async function resolveAssignment(
  ctx: Ctx,
  roles: Role[],
  scopeCodes: string[],
  departmentCode: string | null | undefined,
): Promise<{ areaIds: string[]; departmentId: string | null }> {
  const codes = [...new Set(scopeCodes)];
  if (roles.some((r) => STAFF_ROLES.includes(r)) && codes.length === 0) throw scopeRequired();
  const found = await areasRepo.findByCodes(ctx.tx, codes);
  const byCode = new Map(found.map((a) => [a.code, a]));
  const areaIds = codes.map((code) => {
    const area = byCode.get(code);
    if (!area || !inScope(ctx.actor, area.path)) throw unknownArea(code);
    return area.id;
  });
  let departmentId: string | null = null;
  if (departmentCode) {
    const dept = await repo.findDepartmentByCode(ctx.tx, departmentCode);
    if (!dept) throw unknownDepartment(departmentCode);
    departmentId = dept.id;
  }
  if (roles.includes("department_handler") && !departmentId) throw departmentRequired();
  return { areaIds, departmentId };
}

/** What the API shows of a user: never the password hash. */
export async function presentUsers(ctx: Ctx, rows: repo.UserRow[]) {
  const scopes = await repo.scopesOf(
    ctx.tx,
    rows.map((r) => r.id),
  );
  const deptIds = [...new Set(rows.flatMap((r) => (r.departmentId ? [r.departmentId] : [])))];
  const depts = new Map((await departmentsRepo.findByIds(ctx.tx, deptIds)).map((d) => [d.id, d]));
  return rows.map((r) => {
    const dept = r.departmentId ? depts.get(r.departmentId) : undefined;
    return {
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      roles: r.roles,
      scopes: (scopes.get(r.id) ?? []).map(({ id: _id, ...a }) => a),
      department: dept?.name ?? null,
      departmentCode: dept?.code ?? null,
      disabled: r.disabled,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
