import { describe, expect, it } from "vitest";
import { buildAreasForScale, DONGSHENG_COMMUNITIES } from "./area-plans";
import { DEMO_ACCOUNTS } from "./generate";

const count = (rows: { level: string }[], level: string) => rows.filter((r) => r.level === level).length;

describe("demo areas", () => {
  it("are the same for the same seed and differ for another", () => {
    expect(buildAreasForScale("street", 7)).toEqual(buildAreasForScale("street", 7));
    expect(JSON.stringify(buildAreasForScale("street", 7).rows)).not.toBe(
      JSON.stringify(buildAreasForScale("street", 8).rows),
    );
  });

  it("code areas by GB/T 2260 county + street code + sequence numbers, each path under its parent, polygons closed", () => {
    const { rows } = buildAreasForScale("street", 1);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows.find((r) => r.code === "330212009")).toMatchObject({
      name: "东胜街道",
      level: "street",
      path: "/330212/330212009/",
    });
    for (const r of rows.filter((r) => r.level !== "district")) {
      const parent = byId.get(r.parentId!)!;
      expect(r.path).toBe(`${parent.path}${r.code}/`);
      if (r.level !== "community") expect(r.code.startsWith(parent.code)).toBe(true);
      const ring = (r.geometry as { coordinates: number[][][] }).coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
    }
    expect(rows.filter((r) => r.level === "community").map((r) => r.name)).toEqual(DONGSHENG_COMMUNITIES);
    expect(count(rows, "grid_layer")).toBe(4);
  });

  it("has the Chengxiang scale's figures: 14 grid layers, 36 communities, 186 grids, 1,904 micro-grids", () => {
    const { rows } = buildAreasForScale("chengxiang", 1);
    expect([
      count(rows, "grid_layer"),
      count(rows, "community"),
      count(rows, "grid"),
      count(rows, "micro_grid"),
    ]).toEqual([14, 36, 186, 1904]);
  });

  it("has a district of 15 streets including 东胜街道", () => {
    const { rows, codes } = buildAreasForScale("district", 1);
    expect(count(rows, "street")).toBe(15);
    expect(codes.streets).toEqual(["330212009"]);
  });

  it("gives the accounts the issue names, with grid workers in two different communities", () => {
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
    const { codes } = buildAreasForScale("street", 1);
    const c = { ...codes, district: "330212" };
    const gw1 = DEMO_ACCOUNTS.find((a) => a.username === "demo-grid-worker")!.scope(c);
    const gw2 = DEMO_ACCOUNTS.find((a) => a.username === "demo-grid-worker-2")!.scope(c);
    expect(gw1.map((code) => code.slice(0, 12))).not.toContain(gw2[0]!.slice(0, 12));
    expect(DEMO_ACCOUNTS.find((a) => a.username === "demo-dispatcher")!.scope(c)).toEqual(["330212009"]);
  });
});
