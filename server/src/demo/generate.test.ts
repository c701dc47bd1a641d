import { describe, expect, it } from "vitest";
import { buildStreetAreas, DEMO_ACCOUNTS } from "./generate";

describe("demo street", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(buildStreetAreas(7)).toEqual(buildStreetAreas(7));
    expect(buildStreetAreas(7).rows.length).not.toBe(0);
    expect(JSON.stringify(buildStreetAreas(7).rows)).not.toBe(JSON.stringify(buildStreetAreas(8).rows));
  });

  it("codes areas by GB/T 2260 county + street code + sequence numbers, each path under its parent", () => {
    const { rows } = buildStreetAreas(1);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get("330212009")).toMatchObject({
      name: "东胜街道",
      level: "street",
      path: "/330212/330212009/",
    });
    for (const r of rows.filter((r) => r.level !== "district")) {
      const parent = rows.find((p) => p.id === r.parentId)!;
      expect(r.path).toBe(`${parent.path}${r.code}/`);
      expect(r.code.startsWith(parent.code)).toBe(true);
      const ring = (r.geometry as { coordinates: number[][][] }).coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
    }
    expect(rows.filter((r) => r.level === "community")).toHaveLength(9);
  });

  it("has the accounts the issue names, with grid workers in two different communities", () => {
    expect(DEMO_ACCOUNTS.map((a) => a.username).sort()).toEqual(
      [
        "demo-admin",
        "demo-leader",
        "demo-dispatcher",
        "demo-grid-worker",
        "demo-grid-worker-2",
        "demo-handler",
        "demo-mediator",
        "demo-police",
        "demo-volunteer",
        "demo-resident",
      ].sort(),
    );
    const { codes } = buildStreetAreas(1);
    const gw1 = DEMO_ACCOUNTS.find((a) => a.username === "demo-grid-worker")!.scope(codes);
    const gw2 = DEMO_ACCOUNTS.find((a) => a.username === "demo-grid-worker-2")!.scope(codes);
    expect(gw1.map((c) => c.slice(0, 12))).not.toContain(gw2[0]!.slice(0, 12));
    expect(DEMO_ACCOUNTS.find((a) => a.username === "demo-dispatcher")!.scope(codes)).toEqual(["330212009"]);
  });
});
