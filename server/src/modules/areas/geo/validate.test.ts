import { describe, expect, it } from "vitest";
import type { Polygon, Ring } from "./geojson";
import { selfIntersections } from "./topology";
import { outsideParent, validateFeatureCollection, type ErrorKind, type Problem } from "./validate";

const O = { codeProp: "code", nameProp: "name" };
const sq = (x: number, y: number, size = 0.01): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const poly = (...rings: Ring[]): Polygon => ({ type: "Polygon", coordinates: rings });
const feature = (code: unknown, geometry: unknown, name: unknown = `name ${String(code)}`) => ({
  type: "Feature",
  properties: { code, name },
  geometry,
});
const fc = (...features: unknown[]) => ({ type: "FeatureCollection", features });
const kinds = (ps: Problem[]) => ps.map((p) => p.kind);

describe("validateFeatureCollection: errors refuse the import", () => {
  const good = feature("A", poly(sq(121, 29)));
  const cases: [string, unknown, ErrorKind, RegExp][] = [
    ["not an object", "hello", "not_feature_collection", /not a GeoJSON FeatureCollection.*string/],
    ["a bare Feature", good, "not_feature_collection", /type is "Feature"/],
    ["no features array", { type: "FeatureCollection" }, "not_feature_collection", /FeatureCollection/],
    [
      "a feature that is not a Feature",
      fc(good, { type: "Point" }),
      "feature_invalid",
      /feature #1 is not a GeoJSON Feature/,
    ],
    [
      "a Point geometry",
      fc(feature("B", { type: "Point", coordinates: [121, 29] })),
      "geometry_type",
      /feature #0 \(code B\) has geometry type "Point"/,
    ],
    ["no geometry", fc(feature("B", null)), "geometry_type", /geometry type null/],
    [
      "coordinates not an array",
      fc(feature("B", { type: "Polygon", coordinates: 5 })),
      "geometry_invalid",
      /not a non-empty array/,
    ],
    [
      "a polygon without rings",
      fc(feature("B", { type: "MultiPolygon", coordinates: [[]] })),
      "geometry_invalid",
      /polygon 0, has no rings/,
    ],
    [
      "a ring that is not an array",
      fc(feature("B", { type: "Polygon", coordinates: [7] })),
      "geometry_invalid",
      /ring 0: not an array/,
    ],
    [
      "an unclosed ring",
      fc(
        feature(
          "B",
          poly(
            sq(121, 29)
              .slice(0, 4)
              .concat([[121, 29.005]]),
          ),
        ),
      ),
      "ring_not_closed",
      /code B\), ring 0: not closed: first position \[121, 29\], last \[121, 29.005\]/,
    ],
    [
      "a ring of three positions",
      fc(
        feature(
          "B",
          poly([
            [121, 29],
            [121.1, 29],
            [121, 29],
          ]),
        ),
      ),
      "ring_too_short",
      /ring 0: 3 positions; a ring needs at least 4/,
    ],
    [
      "a text coordinate",
      fc(
        feature(
          "B",
          poly(sq(121, 29), [
            [121.001, 29.001],
            ["121.002", 29.001],
            [121.002, 29.002],
            [121.001, 29.001],
          ] as Ring),
        ),
      ),
      "coordinate_not_numeric",
      /ring 1: position 1 \["121.002",29.001\] is not a pair of finite numbers/,
    ],
    [
      "a NaN coordinate",
      fc(feature("B", poly(sq(121, 29).map((p, k) => (k === 2 ? [NaN, 29] : p))))),
      "coordinate_not_numeric",
      /position 2 \[null,29\]/,
    ],
    [
      "a position with one number",
      fc(feature("B", poly(sq(121, 29).map((p, k) => (k === 1 ? [121] : p))))),
      "coordinate_not_numeric",
      /position 1 \[121\]/,
    ],
    [
      "a longitude beyond 180",
      fc(feature("B", poly(sq(121, 29).map((p, k) => (k === 1 ? [181, 29] : p))))),
      "coordinate_out_of_range",
      /position 1 \[181, 29\] is outside longitude/,
    ],
    [
      "a latitude beyond 90",
      fc(feature("B", { type: "MultiPolygon", coordinates: [[sq(121, 29)], [sq(121, 89.995)]] })),
      "coordinate_out_of_range",
      /polygon 1, ring 0: position 2 \[121.01, 90.005\d*\] is outside .* \(2 in all\)/,
    ],
    [
      "a missing code",
      fc(feature(undefined, poly(sq(121, 29)))),
      "code_missing",
      /feature #0 has no code in property "code"/,
    ],
    ["an empty code", fc(feature("  ", poly(sq(121, 29)))), "code_missing", /no code/],
    ["a code that is an object", fc(feature({ a: 1 }, poly(sq(121, 29)))), "code_missing", /value \{"a":1\}/],
    [
      "a repeated code",
      fc(good, feature("C", poly(sq(122, 29))), feature("A", poly(sq(123, 29)))),
      "code_duplicate",
      /feature #2 \(code A\) repeats the code of feature #0/,
    ],
  ];

  it.each(cases)("%s", (_, input, kind, message) => {
    const r = validateFeatureCollection(input, O);
    expect(kinds(r.errors)).toContain(kind);
    const p = r.errors.find((e) => e.kind === kind)!;
    expect(p.message.en).toMatch(message);
    expect(p.message.zh.length).toBeGreaterThan(5);
    expect(p.message.zh).not.toBe(p.message.en);
  });

  it("keeps the valid features apart from those with errors, and names each problem once per ring", () => {
    const bad = sq(121, 29).map((p, k) => (k > 0 && k < 4 ? [200, 29] : p));
    const r = validateFeatureCollection(fc(feature("A", poly(sq(120, 29))), feature("B", poly(bad))), O);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      featureIndex: 1,
      code: "B",
      kind: "coordinate_out_of_range",
      position: [200, 29],
    });
    expect(r.errors[0]!.message.en).toMatch(/\(3 in all\)/);
    expect(r.features.map((f) => f.code)).toEqual(["A"]);
  });

  it("caps a flood of problems with a count of the rest", () => {
    const many = Array.from({ length: 30 }, (_, k) =>
      feature(`F${k}`, { type: "Point", coordinates: [0, 0] }),
    );
    const r = validateFeatureCollection(fc(...many), { ...O, maxProblems: 10 });
    expect(r.errors).toHaveLength(11);
    expect(r.errors[10]).toMatchObject({
      kind: "too_many_problems",
      message: { en: "20 more errors not listed" },
    });
  });
});

describe("validateFeatureCollection: what passes", () => {
  it("returns each feature's code, name, 2-D geometry, bbox and properties", () => {
    const r = validateFeatureCollection(
      fc(
        {
          ...feature(42, poly(sq(121, 29).map(([x, y]) => [x!, y!, 7]))),
          properties: { code: 42, name: " 张斌社区 ", pop: 3 },
        },
        feature("B", poly(sq(121.01, 29)), ""),
      ),
      O,
    );
    expect(r.errors).toEqual([]);
    expect(r.features[0]).toMatchObject({
      index: 0,
      code: "42",
      name: "张斌社区",
      bbox: [121, 29, 121.01, 29.01],
    });
    expect(r.features[0]!.props).toMatchObject({ pop: 3 });
    expect(r.features[0]!.geometry.coordinates[0]![0]).toEqual([121, 29]);
    // a missing name falls back to the code, with a warning; squares sharing an edge do not overlap
    expect(r.features[1]!.name).toBe("B");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ featureIndex: 1, code: "B", kind: "name_missing" });
  });
});

describe("validateFeatureCollection: warnings", () => {
  const bowTie: Ring = [
    [121, 29],
    [121.01, 29.01],
    [121.01, 29],
    [121, 29.01],
    [121, 29],
  ];

  it("reports a self-intersecting ring with the edges and the crossing point", () => {
    const r = validateFeatureCollection(fc(feature("X", poly(bowTie))), O);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ kind: "self_intersection", featureIndex: 0, code: "X" });
    expect(r.warnings[0]!.message.en).toMatch(/ring 0 edge 0 meets ring 0 edge 2 at \[121.005, 29.005\d*\]/);
  });

  it("reports a hole that crosses its shell, and a spike", () => {
    const hole: Ring = [
      [121.005, 29.005],
      [121.02, 29.005],
      [121.02, 29.006],
      [121.005, 29.005],
    ];
    expect(selfIntersections([sq(121, 29), hole]).map((x) => [x.ringA, x.ringB])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    const spike: Ring = [
      [0, 0],
      [2, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    // edge 1 doubles back over edge 0, and vertex [1, 0] touches edge 0
    expect(selfIntersections([spike]).map((x) => [x.edgeA, x.edgeB, x.position])).toEqual([
      [0, 1, [2, 0]],
      [0, 2, [1, 0]],
    ]);
    expect(selfIntersections([sq(121, 29), [...sq(121.002, 29.002, 0.002)].reverse()])).toEqual([]);
    // repeated positions are not intersections
    expect(
      selfIntersections([
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
          [0, 0],
        ],
      ]),
    ).toEqual([]);
  });

  it("checks a 10,000-vertex ring in well under a second", () => {
    const n = 10_000;
    const ring: Ring = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n,
        r = 0.05 * (1 + 0.1 * Math.sin(37 * a));
      ring.push([121 + r * Math.cos(a), 29 + r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    let t = performance.now();
    expect(selfIntersections([ring])).toEqual([]);
    const clean = performance.now() - t;
    // swap two far-apart vertices: the ring now crosses itself
    const broken = ring.map((p) => [...p]);
    [broken[100], broken[5100]] = [broken[5100]!, broken[100]!];
    t = performance.now();
    expect(selfIntersections([broken]).length).toBeGreaterThan(0);
    const dirty = performance.now() - t;
    expect(clean).toBeLessThan(500);
    expect(dirty).toBeLessThan(500);
  });

  it("reports overlapping siblings as a pair, with the depth of the overlap", () => {
    const r = validateFeatureCollection(
      fc(
        feature("A", poly(sq(121, 29))),
        feature("B", poly(sq(121.005, 29.005))), // crosses A
        feature("C", poly(sq(121.1, 29))),
        feature("D", poly(sq(121.102, 29.002, 0.002))), // wholly inside C
        feature("E", poly(sq(121.2, 29))),
        feature("F", poly(sq(121.2, 29))), // identical to E
        feature("G", poly(sq(121.01, 29))), // shares an edge with A, overlaps B
      ),
      O,
    );
    expect(r.errors).toEqual([]);
    const pairs = r.warnings.map((w) => [w.kind, w.code, w.otherIndex]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ["sibling_overlap", "A", 1],
        ["sibling_overlap", "C", 3],
        ["sibling_overlap", "B", 6],
        ["sibling_overlap", "E", 5],
      ]),
    );
    expect(r.warnings).toHaveLength(4); // not A with G: they only share an edge
    const ab = r.warnings.find((w) => w.code === "A")!;
    expect(ab.message.en).toMatch(
      /feature #0 \(code A\) overlaps feature #1 \(code B\): their boundaries cross at \[121\.01, 29\.005\]/,
    );
    expect(ab.message.en).toMatch(/up to 486\.\d\d m deep/); // B's corner is 0.005° of longitude (486 m) inside A
    expect(r.warnings.find((w) => w.code === "C")!.message.en).toMatch(/a vertex of one lies inside/);
    expect(r.warnings.find((w) => w.code === "E")!.message.en).toMatch(/an interior point/);
  });

  it("leaves out overlaps no deeper than the tolerance", () => {
    const sliver = [
      [121.01, 29],
      [121.02, 29],
      [121.02, 29.01],
      [121.01, 29.01],
      [121.009999, 29.005], // ~0.1 m into A
      [121.01, 29],
    ];
    const input = fc(feature("A", poly(sq(121, 29))), feature("B", poly(sliver)));
    expect(kinds(validateFeatureCollection(input, O).warnings)).toEqual(["sibling_overlap"]);
    expect(validateFeatureCollection(input, { ...O, overlapToleranceMeters: 1 }).warnings).toEqual([]);
  });

  it("reports a child outside its parent beyond the tolerance", () => {
    const parent = { code: "P", geometry: poly(sq(121, 29, 0.1)) };
    const input = fc(
      feature("in", poly(sq(121.01, 29.01))),
      feature("edge", poly(sq(121.095, 29.05))), // 0.005° ≈ 486 m beyond the east edge
      feature("slightly", poly(sq(121.0001, 28.99995))), // ~5.5 m below the south edge
    );
    const r = validateFeatureCollection(input, { ...O, parent, parentToleranceMeters: 10 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ kind: "outside_parent", code: "edge", featureIndex: 1 });
    expect(r.warnings[0]!.message.en).toMatch(
      /feature #1 \(code edge\) has 2 vertices outside its parent P; the farthest, \[121\.10\d*, 29\.05\d*\], is 486\.\d m outside \(tolerance 10 m\)/,
    );
    expect(
      validateFeatureCollection(input, { ...O, parent, parentToleranceMeters: 1 }).warnings,
    ).toHaveLength(2);
  });
});

describe("outsideParent", () => {
  it("measures the farthest vertex outside, in meters", () => {
    const parent = poly(sq(0, 0, 1));
    expect(outsideParent(poly(sq(0.2, 0.2, 0.5)), parent, 0)).toEqual({
      outside: false,
      verticesOutside: 0,
      worst: null,
    });
    const r = outsideParent(poly(sq(0.5, 0.5, 0.501)), parent, 100);
    expect(r.verticesOutside).toBe(3);
    expect(r.worst!.position).toEqual([1.001, 1.001]);
    // the corner is 0.001° beyond both edges: √2 × 111.2 m
    expect(r.worst!.meters).toBeGreaterThan(157);
    expect(r.worst!.meters).toBeLessThan(158);
    expect(r.outside).toBe(true); // beyond 100 m
    expect(outsideParent(poly(sq(0.5, 0.5, 0.501)), parent, 160).outside).toBe(false);
  });
});
