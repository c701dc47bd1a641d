import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ROLES, type Actor, type Role } from "./actor";
import { authorize, can, inScope, scopeCondition, type Action } from "./authorize";
import { AppError } from "./errors";

const area = (path: string) => ({
  id: path,
  code: path.split("/").filter(Boolean).at(-1)!,
  name: path,
  level: "grid",
  path,
});
const actor = (
  roles: Role[],
  scopes = ["/330212/330212009/330212009001/"],
  via: Actor["via"] = "token",
): Actor => ({
  userId: "u1",
  username: "u",
  displayName: "u",
  roles,
  scopes: scopes.map(area),
  allAreas: false,
  departmentId: null,
  via,
});

const INSIDE = { areaPath: "/330212/330212009/330212009001/330212009001002/" };
const OUTSIDE = { areaPath: "/330212/330212009/330212009002/" };

// Every action × role: who is allowed, in scope. Admin-only actions are denied to every other role.
const ADMIN_ONLY: Action[] = [
  "user.list",
  "user.create",
  "user.update",
  "apikey.manage",
  "audit.search",
  "audit.verify",
  "clock.set",
  "system.status",
];
const STAFF: Role[] = [
  "admin",
  "leader",
  "dispatcher",
  "grid_worker",
  "department_handler",
  "mediator",
  "police",
];

describe("policy matrix", () => {
  for (const role of ROLES) {
    for (const action of ADMIN_ONLY)
      it(`${role} ${role === "admin" ? "may" : "may not"} ${action}`, () => {
        expect(can(actor([role]), action)).toBe(role === "admin");
      });
    it(`${role} reading an area in scope: ${STAFF.includes(role)}; out of scope: never`, () => {
      expect(can(actor([role]), "area.read", INSIDE)).toBe(STAFF.includes(role));
      expect(can(actor([role]), "area.read", OUTSIDE)).toBe(false);
    });
  }

  it("every user may read themselves; API keys may not change a password", () => {
    expect(can(actor(["resident"]), "me.read")).toBe(true);
    expect(can(actor(["admin"], [], "api_key"), "me.password")).toBe(false);
    expect(can(actor(["admin"], [], "cookie"), "me.password")).toBe(true);
  });

  it("denies an unknown action by default", () => {
    expect(can(actor(["admin"]), "no.such.action" as Action)).toBe(false);
  });
});

describe("authorize", () => {
  it("answers 404 out of scope (existence does not leak) and 403 in scope without permission", () => {
    const grid = actor(["grid_worker"]);
    expect(() => authorize(grid, "area.read", OUTSIDE)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => authorize(actor(["resident"]), "area.read", INSIDE)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => authorize(grid, "user.create")).toThrow(AppError);
    expect(() => authorize(grid, "area.read", INSIDE)).not.toThrow();
  });

  it("lets an actor with several scopes see each subtree", () => {
    const two = actor(["grid_worker"], ["/a/b/g1/", "/a/c/g7/"]);
    expect(inScope(two, "/a/b/g1/m2/")).toBe(true);
    expect(inScope(two, "/a/c/g7/")).toBe(true);
    expect(inScope(two, "/a/c/g8/")).toBe(false);
  });

  it("matches whole path segments only (a sibling whose code extends ours is outside)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z_%]{1,8}$/),
        fc.stringMatching(/^[0-9A-Za-z_%]{1,8}$/),
        (code, extra) => {
          const me = actor(["grid_worker"], [`/r/${code}/`]);
          expect(inScope(me, `/r/${code}/${extra}/`)).toBe(true);
          expect(inScope(me, `/r/${code}${extra}/`)).toBe(false);
        },
      ),
    );
  });
});

describe("scopeCondition", () => {
  const dialect = new PgDialect();
  it("filters by escaped path prefixes, one per scope", () => {
    const q = dialect.sqlToQuery(scopeCondition(actor(["grid_worker"], ["/a_1/", "/b%/"]), sql.raw("path")));
    // parenthesised, so that and(scope, other) keeps the other filters for every scope
    expect(q.sql).toBe("(path like $1 or path like $2)");
    expect(q.params).toEqual(["/a\\_1/%", "/b\\%/%"]);
  });
  it("matches nothing without scopes and everything for the system", () => {
    expect(dialect.sqlToQuery(scopeCondition(actor(["grid_worker"], []), sql.raw("path"))).sql).toBe("false");
    expect(
      dialect.sqlToQuery(scopeCondition({ ...actor(["admin"], []), allAreas: true }, sql.raw("path"))).sql,
    ).toBe("true");
  });
});
