import { describe, expect, it } from "vitest";
import { ROLES } from "../api/types";
import { MENU, menuFor, selectedMenuKey, STAFF_ROLES } from "./menu";

const ADMIN_PATHS = [
  "/admin/users",
  "/admin/areas",
  "/admin/audit",
  "/admin/event-config",
  "/admin/api-keys",
];
const EVENT_PATHS = ["/events/report", "/events", "/tasks"];
const CENTRE_PATHS = ["/events/report", "/dispatch/board", "/events", "/tasks", "/supervision"];
const REGISTRY_PATHS = [
  "/registry/households",
  "/registry/persons",
  "/registry/houses",
  "/registry/places",
  "/registry/key-persons",
  "/registry/visits",
];
const STAFF = ["admin", "leader", "dispatcher", "grid_worker", "department_handler", "mediator", "police"];
const paths = (roles: string[]) => menuFor(roles).map((e) => e.path);

describe("menuFor", () => {
  it("gives an admin the home page and every admin page", () => {
    expect(paths(["admin"])).toEqual([
      "/",
      "/map",
      ...CENTRE_PATHS,
      "/dispatch/unassigned",
      ...REGISTRY_PATHS,
      "/registry/imports",
      ...ADMIN_PATHS,
    ]);
  });

  it("gives the unassigned queue to dispatchers and admins only, and area management to admins only", () => {
    for (const role of ROLES) {
      expect(paths([role]).includes("/dispatch/unassigned"), role).toBe(
        role === "admin" || role === "dispatcher",
      );
      expect(paths([role]).includes("/admin/areas"), role).toBe(role === "admin");
    }
    expect(paths(["dispatcher"])).toEqual([
      "/",
      "/map",
      ...CENTRE_PATHS,
      "/dispatch/unassigned",
      ...REGISTRY_PATHS,
      "/registry/imports",
    ]);
  });

  it("gives a grid worker the map and no admin page", () => {
    expect(paths(["grid_worker"])).toEqual(["/", "/map", ...EVENT_PATHS, ...REGISTRY_PATHS]);
  });

  it("shows the map to every staff role and not to residents or volunteers", () => {
    expect([...STAFF_ROLES].sort()).toEqual([...STAFF].sort());
    for (const role of ROLES) {
      expect(paths([role]).includes("/map"), role).toBe(STAFF.includes(role));
    }
    // residents and volunteers report events and see nothing of the registry
    expect(paths(["resident"])).toEqual(["/", "/events/report"]);
    expect(paths(["volunteer"])).toEqual(["/", "/events/report"]);
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
    expect(paths(["leader", "admin"])).toEqual(paths(["admin"]));
  });

  it("shows key persons only to the roles that read them by default", () => {
    for (const role of ROLES)
      expect(paths([role]).includes("/registry/key-persons"), role).toBe(
        ["admin", "dispatcher", "grid_worker", "police", "leader"].includes(role),
      );
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
