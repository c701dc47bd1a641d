import { sql } from "drizzle-orm";
import { buildUser } from "../../../test/factories";
import { bearer, type TestEnv } from "../../../test/services";
import type { Role } from "../../core/actor";
import { queryRows } from "../../db/database";
import { departments, gridTeamMembers } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";
import * as areasRepo from "../areas/areas.repo";
import { bumpAreasVersion, locatorFor } from "../areas/locator";

/** Test fixtures for the events module (not a test file: vitest picks up *.test.ts only). */

let n = 0;
const box = (w: number, s: number, e: number, no: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, no],
      [w, no],
      [w, s],
    ],
  ],
});

/**
 * A street with drawn areas: community c1 (grids g11 south, g12 north) and c2 (grid g21); an urban
 * squad and a fire station (department kinds), and the people of the loop, each with a token.
 */
export async function eventWorld(
  env: TestEnv,
  app: FastifyTypebox,
  prefix = `W${(n++).toString(36)}${Date.now().toString(36)}`,
) {
  const area = async (
    code: string,
    name: string,
    level: string,
    parent: areasRepo.AreaRow | null,
    g: object,
  ) => {
    const [row] = await areasRepo.insert(env.db, [
      {
        code: `${prefix}${code}`,
        name,
        level,
        parentId: parent?.id ?? null,
        path: areasRepo.childPath(parent?.path ?? null, `${prefix}${code}`),
        geometry: g,
      },
    ]);
    return row!;
  };
  const street = await area("S", `${prefix}街道`, "street", null, box(121.5, 29.8, 121.6, 29.9));
  const c1 = await area("C1", `${prefix}朝晖社区`, "community", street, box(121.5, 29.8, 121.55, 29.9));
  const c2 = await area("C2", `${prefix}新河社区`, "community", street, box(121.55, 29.8, 121.6, 29.9));
  const g11 = await area("G11", `${prefix}朝晖一网格`, "grid", c1, box(121.5, 29.8, 121.55, 29.85));
  const g12 = await area("G12", `${prefix}朝晖十一网格`, "grid", c1, box(121.5, 29.85, 121.55, 29.9));
  const g21 = await area("G21", `${prefix}新河一网格`, "grid", c2, box(121.55, 29.8, 121.6, 29.9));
  await bumpAreasVersion(env.db);
  locatorFor(env).invalidate();
  const [urban] = await env.db
    .insert(departments)
    .values({ code: `${prefix}-urban`, name: `${prefix}城管中队`, kind: "urban", areaId: street.id })
    .returning();
  const [fire] = await env.db
    .insert(departments)
    .values({ code: `${prefix}-fire`, name: `${prefix}消防站`, kind: "fire", areaId: street.id })
    .returning();
  const person = async (roles: Role[], scopes: { code: string }[], department?: string) => {
    const u = await buildUser(env, { roles, scopes, department });
    return { ...u, auth: await bearer(app, u.username) };
  };
  const people = {
    admin: await person(["admin"], []),
    dispatcher: await person(["dispatcher"], [street]),
    leader: await person(["leader"], [street]),
    worker11: await person(["grid_worker"], [g11]),
    worker21: await person(["grid_worker"], [g21]),
    urbanHandler: await person(["department_handler"], [street], urban!.code),
    fireHandler: await person(["department_handler"], [street], fire!.code),
    resident: await person(["resident"], [g11]),
  };
  await env.db.insert(gridTeamMembers).values([
    { areaId: g11.id, userId: people.worker11.id, name: "王芳", teamRole: "grid_worker" },
    { areaId: g21.id, userId: people.worker21.id, name: "李强", teamRole: "grid_worker" },
  ]);
  return {
    prefix,
    areas: { street, c1, c2, g11, g12, g21 },
    departments: { urban: urban!, fire: fire! },
    people,
    points: {
      g11: { lat: 29.82, lng: 121.52 },
      g12: { lat: 29.88, lng: 121.52 },
      g21: { lat: 29.85, lng: 121.58 },
      outside: { lat: 30.5, lng: 120.0 },
    },
  };
}

export type World = Awaited<ReturnType<typeof eventWorld>>;

/** The audit records of an event (or any subject), oldest first. */
export function auditOf(env: TestEnv, subjectId: string, action?: string) {
  return queryRows<{
    action: string;
    changes: Record<string, { before?: unknown; after?: unknown }>;
    reason: string | null;
    actor_name: string;
  }>(
    env.db,
    sql`select action, changes, reason, actor_name from audit_log where subject_id = ${subjectId}
        ${action ? sql`and action = ${action}` : sql``} order by id`,
  );
}

/** Counts the timeline rows of an event. */
export async function actionCount(env: TestEnv, eventId: string, action?: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    env.db,
    sql`select count(*)::int as n from event_actions where event_id = ${eventId} ${action ? sql`and action = ${action}` : sql``}`,
  );
  return Number(rows[0]!.n);
}
