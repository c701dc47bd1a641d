import { describe, expect, it } from "vitest";
import {
  asCollection,
  formatBytes,
  guessProperty,
  parseJson,
  propertyKeys,
  singleGeometry,
  splitParts,
  type GeoCollection,
} from "./geojson-file";

const square = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};
const feature = (properties: Record<string, unknown> | null, geometry: unknown = square) => ({
  type: "Feature" as const,
  properties,
  geometry,
});
const fc = (...features: ReturnType<typeof feature>[]): GeoCollection => ({
  type: "FeatureCollection",
  features,
});

describe("reading a GeoJSON file", () => {
  it("parses JSON and refuses anything else", () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson("{a:1")).toEqual({ ok: false, reason: "json" });
  });

  it("accepts a FeatureCollection with features only", () => {
    expect(asCollection(fc(feature({ code: "1" }))).ok).toBe(true);
    expect(asCollection({ type: "FeatureCollection", features: [] })).toEqual({ ok: false, reason: "empty" });
    expect(asCollection(square)).toEqual({ ok: false, reason: "notCollection" });
    expect(asCollection(null)).toEqual({ ok: false, reason: "notCollection" });
  });

  it("lists property names in order of first appearance, over the first features only", () => {
    const c = fc(
      feature({ CODE: "1", NAME: "a" }),
      feature(null),
      feature({ NAME: "b", pop: 3 }),
      feature({ late: 1 }),
    );
    expect(propertyKeys(c)).toEqual(["CODE", "NAME", "pop", "late"]);
    expect(propertyKeys(c, 3)).toEqual(["CODE", "NAME", "pop"]);
  });

  it("guesses the code and name properties without regard to case", () => {
    expect(guessProperty(["OBJECTID", "NAME", "CODE"], "code")).toBe("CODE");
    expect(guessProperty(["OBJECTID", "NAME", "CODE"], "name")).toBe("NAME");
    expect(guessProperty(["编码", "名称"], "code")).toBe("编码");
    expect(guessProperty(["nc_code", "nc_name"], "name")).toBe("nc_name");
    expect(guessProperty(["a", "b"], "code")).toBeUndefined();
  });
});

describe("singleGeometry", () => {
  it("takes a bare polygon, a Feature, or a collection of one", () => {
    expect(singleGeometry(square)).toEqual({ ok: true, value: square });
    expect(singleGeometry(feature({}))).toEqual({ ok: true, value: square });
    expect(singleGeometry(fc(feature({})))).toEqual({ ok: true, value: square });
    const multi = { type: "MultiPolygon", coordinates: [square.coordinates] };
    expect(singleGeometry(feature({}, multi))).toEqual({ ok: true, value: multi });
  });

  it("says why anything else will not do", () => {
    expect(singleGeometry(fc(feature({}), feature({})))).toEqual({ ok: false, reason: "manyGeometries" });
    expect(singleGeometry({ type: "FeatureCollection", features: [] })).toEqual({
      ok: false,
      reason: "noGeometry",
    });
    expect(singleGeometry(feature({}, null))).toEqual({ ok: false, reason: "noGeometry" });
    expect(singleGeometry({ type: "Point", coordinates: [0, 0] })).toEqual({
      ok: false,
      reason: "geometryType",
    });
  });
});

describe("splitParts", () => {
  it("takes each part's code and name from the named properties", () => {
    const c = fc(feature({ id: 101, title: " 东区 " }), feature({ id: "102", title: "西区" }));
    expect(splitParts(c, "id", "title")).toEqual({
      parts: [
        { code: "101", name: "东区", geometry: square },
        { code: "102", name: "西区", geometry: square },
      ],
      missing: [],
    });
  });

  it("lists the features without a code or a name", () => {
    const c = fc(feature({ code: "1", name: "a" }), feature({ code: "", name: "b" }), feature({ code: "3" }));
    const { parts, missing } = splitParts(c, "code", "name");
    expect(parts.map((p) => p.code)).toEqual(["1"]);
    expect(missing).toEqual([1, 2]);
  });
});

describe("formatBytes", () => {
  it("shows bytes, kilobytes and megabytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(12.34 * 1024 * 1024)).toBe("12.3 MB");
  });
});
