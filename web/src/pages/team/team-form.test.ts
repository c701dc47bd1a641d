import { describe, expect, it } from "vitest";
import type { TeamMember } from "../../api/area-types";
import { memberCreateBody, memberPatchBody, teamRoleName } from "./team-form";

const member: TeamMember = {
  id: "m1",
  name: "王芳",
  teamRole: "grid_worker",
  teamRoleName: { zh: "专职网格员", en: "Full-time grid worker" },
  username: "demo-grid-worker",
  phone: "135****9834",
  duty: "巡查走访",
  substitute: null,
  activeFrom: null,
  activeTo: null,
};
const same = {
  name: "王芳",
  teamRole: "grid_worker",
  username: "demo-grid-worker",
  phone: "",
  duty: "巡查走访",
  substituteId: undefined,
  activeFrom: null,
  activeTo: null,
};

describe("team member form", () => {
  it("leaves empty optional fields out of a new member", () => {
    expect(
      memberCreateBody({ name: " 李四 ", teamRole: "volunteer", phone: " ", duty: "", username: "" }),
    ).toEqual({
      name: "李四",
      teamRole: "volunteer",
    });
    expect(
      memberCreateBody({
        name: "李四",
        teamRole: "volunteer",
        phone: "13500000000",
        activeFrom: "2026-01-01",
      }),
    ).toEqual({ name: "李四", teamRole: "volunteer", phone: "13500000000", activeFrom: "2026-01-01" });
  });

  it("sends only what changed; a blank phone keeps the masked one", () => {
    expect(memberPatchBody(member, same)).toEqual({});
    expect(
      memberPatchBody(member, { ...same, duty: "", substituteId: "m2", activeTo: "2026-12-31" }),
    ).toEqual({
      duty: null,
      substituteId: "m2",
      activeTo: "2026-12-31",
    });
    expect(memberPatchBody(member, { ...same, phone: "13600000000", username: "" })).toEqual({
      phone: "13600000000",
      username: null,
    });
  });

  it("names a role from the roles list in the current language, else from the member, else by code", () => {
    const roles = [{ code: "grid_worker", zh: "专职网格员", en: "Full-time grid worker" }];
    expect(teamRoleName("grid_worker", roles, "zh-CN")).toBe("专职网格员");
    expect(teamRoleName("grid_worker", roles, "en-US")).toBe("Full-time grid worker");
    expect(teamRoleName("grid_worker", undefined, "en-US", member)).toBe("Full-time grid worker");
    expect(teamRoleName("mystery", roles, "zh-CN")).toBe("mystery");
  });
});
