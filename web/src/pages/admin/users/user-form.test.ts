import { describe, expect, it } from "vitest";
import type { UserRow } from "../../../api/types";
import { buildUserPatch, type UserFormValues } from "./user-form";

describe("buildUserPatch", () => {
  const user: UserRow = {
    id: "u1",
    username: "zhang",
    displayName: "张三",
    roles: ["grid_worker"],
    scopes: [{ code: "330203001", name: "东胜街道", level: "street", path: "33.3302.330203.330203001" }],
    department: null,
    departmentCode: null,
    disabled: false,
    createdAt: "2026-11-23T00:00:00Z",
  };
  const same: UserFormValues = {
    username: "zhang",
    displayName: "张三",
    roles: ["grid_worker"],
    scopeCodes: ["330203001"],
    department: undefined,
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
    expect(buildUserPatch(user, { ...same, password: "new-secret-1" })).toEqual({ password: "new-secret-1" });
  });

  it("compares the department by code, and sends a cleared one as null", () => {
    const handler = { ...user, department: "东胜街道城管中队", departmentCode: "urban-dongsheng" };
    expect(buildUserPatch(user, { ...same, department: "urban-dongsheng" })).toEqual({
      department: "urban-dongsheng",
    });
    // the form holds the code; the row's display name must not read as a change
    expect(buildUserPatch(handler, { ...same, department: "urban-dongsheng" })).toEqual({});
    expect(buildUserPatch(handler, { ...same, department: "judicial-dongsheng" })).toEqual({
      department: "judicial-dongsheng",
    });
    expect(buildUserPatch(handler, same)).toEqual({ department: null });
    expect(buildUserPatch(handler, { ...same, department: null })).toEqual({ department: null });
  });
});
