import { describe, expect, it } from "vitest";
import type { AreaFeature, AreaFeatureCollection, AreaGeometry } from "../../api/types";
import { wgs84ToGcj02 } from "./crs";
import { childrenOf, collectionBounds, displayCollection, featureFromDetail, shortName } from "./geo";

function square(w: number, s: number, size: number): Extract<AreaGeometry, { type: "Polygon" }> {
  return {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [w + size, s],
        [w + size, s + size],
        [w, s + size],
        [w, s],
      ],
    ],
  };
}

function feature(
  code: string,
  parent: string | null,
  geometry: AreaGeometry | null,
  center?: [number, number] | null,
  name = `区域${code}`,
) {
  return featureFromDetail({
    code,
    name,
    level: parent ? "community" : "street",
    path: parent ? `/${parent}/${code}/` : `/${code}/`,
    parent,
    center: center ? { lng: center[0], lat: center[1] } : null,
    geometry,
  });
}

const collection = (...features: AreaFeature[]): AreaFeatureCollection => ({
  type: "FeatureCollection",
  features,
});

describe("collectionBounds", () => {
  it("spans every ring of every feature, Polygon and MultiPolygon alike", () => {
    const multi: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [square(121.25, 29.75, 0.125).coordinates, square(122, 30, 0.25).coordinates],
    };
    const fc = collection(feature("S", null, square(121.5, 29.5, 0.5)), feature("C", "S", multi));
    expect(collectionBounds(fc)).toEqual([
      [121.25, 29.5],
      [122.25, 30.25],
    ]);
  });

  it("skips features without geometry and is null when none has any", () => {
    expect(collectionBounds(collection(feature("S", null, null)))).toBeNull();
    expect(
      collectionBounds(collection(feature("S", null, null), feature("C", "S", square(1, 2, 1)))),
    ).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});

describe("displayCollection", () => {
  const fc = collection(
    feature("C2", "S", square(121.6, 29.86, 0.01)),
    feature("S", null, square(121.5, 29.8, 0.2), [121.6, 29.9]),
    feature("C1", "S", square(121.5, 29.86, 0.01)),
    feature("C3", "S", null),
    feature("G1", "C1", square(121.5, 29.86, 0.005)),
  );

  it("draws the area first and then its direct children, leaving out those without geometry", () => {
    const shown = displayCollection(fc, "S", "wgs84").features.map((f) => [
      f.properties.code,
      f.properties.role,
    ]);
    expect(shown).toEqual([
      ["S", "self"],
      ["C2", "child"],
      ["C1", "child"],
    ]);
    expect(childrenOf(fc, "S").map((c) => c.code)).toEqual(["C1", "C2", "C3"]);
  });

  it("marks an area without children as a leaf and labels it at the middle of its box", () => {
    const [leaf] = displayCollection(fc, "G1", "wgs84").features;
    expect(leaf.properties.role).toBe("leaf");
    expect(leaf.properties.labelLng).toBeCloseTo(121.5025, 9);
    expect(leaf.properties.labelLat).toBeCloseTo(29.8625, 9);
  });

  it("labels children without the shown area's name in front", () => {
    const named = collection(
      feature("S", null, square(0, 0, 4), null, "东胜街道"),
      feature("C1", "S", square(0, 0, 1), null, "东胜街道一社区"),
    );
    expect(displayCollection(named, "S", "wgs84").features.map((f) => f.properties.label)).toEqual([
      "东胜街道",
      "一社区",
    ]);
  });

  it("draws a leaf among its siblings from the parent's subtree", () => {
    const leafOnly = collection(feature("G1", "C1", square(121.5, 29.86, 0.005)));
    const parentTree = collection(
      feature("C1", "S", square(121.5, 29.86, 0.01), null, "张斌社区"),
      feature("G1", "C1", square(121.5, 29.86, 0.005)),
      feature("G2", "C1", square(121.505, 29.86, 0.005), null, "张斌社区第2网格"),
      feature("X9", "C2", square(122, 30, 0.005)),
    );
    const shown = displayCollection(leafOnly, "G1", "wgs84", parentTree);
    expect(shown.features.map((f) => [f.properties.code, f.properties.role])).toEqual([
      ["G2", "sibling"],
      ["G1", "leaf"],
    ]);
    expect(shown.features[0].properties.label).toBe("第2网格");
    // an area with children shows no siblings
    expect(
      displayCollection(fc, "S", "wgs84", parentTree).features.some((f) => f.properties.role === "sibling"),
    ).toBe(false);
  });

  it("converts geometry and labels to the basemap's system", () => {
    const [self] = displayCollection(fc, "S", "gcj02").features;
    expect(self.geometry.coordinates[0][0]).toEqual(wgs84ToGcj02([121.5, 29.8]));
    expect([self.properties.labelLng, self.properties.labelLat]).toEqual(wgs84ToGcj02([121.6, 29.9]));
  });
});

describe("shortName", () => {
  it("drops the parent's name in front, but never the whole name", () => {
    expect(shortName("张斌社区第1网格", "张斌社区")).toBe("第1网格");
    expect(shortName("樱花社区", "东胜街道")).toBe("樱花社区");
    expect(shortName("张斌社区", "张斌社区")).toBe("张斌社区");
  });
});
