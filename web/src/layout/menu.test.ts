import { describe, expect, it } from "vitest";
import { ROLES } from "../api/types";
import { MENU, menuFor, selectedMenuKey, STAFF_ROLES } from "./menu";

const ADMIN_PATHS = ["/admin/users", "/admin/areas", "/admin/audit", "/admin/api-keys"];
const STAFF = ["admin", "leader", "dispatcher", "grid_worker", "department_handler", "mediator", "police"];
const paths = (roles: string[]) => menuFor(roles).map((e) => e.path);

describe("menuFor", () => {
  it("gives an admin the home page and every admin page", () => {
    expect(paths(["admin"])).toEqual(["/", "/map", "/dispatch/unassigned", ...ADMIN_PATHS]);
  });

  it("gives the unassigned queue to dispatchers and admins only, and area management to admins only", () => {
    for (const role of ROLES) {
      expect(paths([role]).includes("/dispatch/unassigned"), role).toBe(
        role === "admin" || role === "dispatcher",
      );
      expect(paths([role]).includes("/admin/areas"), role).toBe(role === "admin");
    }
    expect(paths(["dispatcher"])).toEqual(["/", "/map", "/dispatch/unassigned"]);
  });

  it("gives a grid worker the map and no admin page", () => {
    expect(paths(["grid_worker"])).toEqual(["/", "/map"]);
  });

  it("shows the map to every staff role and not to residents or volunteers", () => {
    expect([...STAFF_ROLES].sort()).toEqual([...STAFF].sort());
    for (const role of ROLES) {
      expect(paths([role]).includes("/map"), role).toBe(STAFF.includes(role));
    }
    expect(paths(["resident"])).toEqual(["/"]);
    expect(paths(["resident", "police"])).toContain("/map");
  });

  it("gives admin pages to no other role", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(
        paths([role]).filter((p) => p.startsWith("/admin")),
        role,
      ).toEqual([]);
    }
  });

  it("adds admin pages when admin is one of several roles", () => {
    expect(paths(["leader", "admin"])).toEqual(["/", "/map", "/dispatch/unassigned", ...ADMIN_PATHS]);
  });

  it("gives a user without roles only the home page", () => {
    expect(paths([])).toEqual(["/"]);
  });
});

describe("selectedMenuKey", () => {
  it("matches the longest entry path, and home only exactly", () => {
    expect(selectedMenuKey("/", MENU)).toBe("/");
    expect(selectedMenuKey("/admin/audit", MENU)).toBe("/admin/audit");
    expect(selectedMenuKey("/map", MENU)).toBe("/map");
    expect(selectedMenuKey("/admin/users/42", MENU)).toBe("/admin/users");
    expect(selectedMenuKey("/admin/areas", MENU)).toBe("/admin/areas");
    expect(selectedMenuKey("/dispatch/unassigned", MENU)).toBe("/dispatch/unassigned");
    expect(selectedMenuKey("/account/password", MENU)).toBeUndefined();
  });
});
