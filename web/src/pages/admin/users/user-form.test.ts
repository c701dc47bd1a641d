import { describe, expect, it } from "vitest";
import type { UserRow } from "../../../api/types";
import { buildUserPatch } from "./user-form";

describe("buildUserPatch", () => {
  const user: UserRow = {
    id: "u1",
    username: "zhang",
    displayName: "张三",
    roles: ["grid_worker"],
    scopes: [{ code: "330203001", name: "东胜街道", level: "street", path: "33.3302.330203.330203001" }],
    department: null,
    disabled: false,
    createdAt: "2026-11-23T00:00:00Z",
  };
  const same = {
    username: "zhang",
    displayName: "张三",
    roles: ["grid_worker"],
    scopeCodes: ["330203001"],
    department: "",
    disabled: false,
  };

  it("is empty when nothing changed", () => {
    expect(buildUserPatch(user, same)).toEqual({});
  });

  it("holds only the changed fields", () => {
    expect(
      buildUserPatch(user, {
        ...same,
        displayName: " 张三丰 ",
        roles: ["grid_worker", "mediator"],
        disabled: true,
      }),
    ).toEqual({ displayName: "张三丰", roles: ["grid_worker", "mediator"], disabled: true });
    expect(buildUserPatch(user, { ...same, scopeCodes: [] })).toEqual({ scopeCodes: [] });
    expect(buildUserPatch(user, { ...same, department: "司法所" })).toEqual({
      department: "司法所",
    });
    expect(buildUserPatch({ ...user, department: "司法所" }, same)).toEqual({ department: null });
    expect(buildUserPatch(user, { ...same, password: "new-secret-1" })).toEqual({ password: "new-secret-1" });
  });
});
