import { bboxOf, bboxesIntersect, type AreaGeometry, type BBox, type Position, type Ring } from "./geojson";
import { PreparedGeometry } from "./point-in-polygon";
import { ProblemList, pt, show, where, type ErrorKind, type Problem } from "./problems";
import { findOverlap, outsideParent, selfIntersections } from "./topology";

export { outsideParent, type OutsideParent } from "./topology";
export type { ErrorKind, Problem, WarningKind } from "./problems";

export interface ValidFeature {
  /** index in the input's `features` */
  index: number;
  code: string;
  name: string;
  geometry: AreaGeometry;
  bbox: BBox;
  props: Record<string, unknown>;
}

export interface ValidationReport {
  errors: Problem[];
  warnings: Problem[];
  /** the features without errors, positions reduced to [lng, lat] */
  features: ValidFeature[];
}

export interface ValidateOptions {
  codeProp: string;
  nameProp: string;
  /** when given, each feature is checked against it (`outside_parent`) */
  parent?: { code: string; geometry: AreaGeometry };
  /** how far a child's vertex may lie outside the parent; default 20 m */
  parentToleranceMeters?: number;
  /** overlaps between siblings no deeper than this are not reported; default 0 (all are) */
  overlapToleranceMeters?: number;
  /** at most this many errors and this many warnings are listed; default 500 */
  maxProblems?: number;
}

/**
 * Checks a GeoJSON FeatureCollection of areas before import. `errors` (structure, coordinates,
 * codes) refuse the whole import; `warnings` (self-intersections, sibling overlaps, a child outside
 * its parent, a missing name) are kept with the areas and refuse it only when the import is strict.
 */
export function validateFeatureCollection(input: unknown, o: ValidateOptions): ValidationReport {
  const errors = new ProblemList(o.maxProblems ?? 500);
  const warnings = new ProblemList(o.maxProblems ?? 500);
  const features: ValidFeature[] = [];
  const fc = input as { type?: unknown; features?: unknown } | null;
  if (
    typeof fc !== "object" ||
    fc === null ||
    fc.type !== "FeatureCollection" ||
    !Array.isArray(fc.features)
  ) {
    const type = typeof fc === "object" && fc !== null ? show(fc.type) : typeof fc;
    errors.add({
      featureIndex: null,
      kind: "not_feature_collection",
      message: {
        zh: `输入不是含 features 数组的 GeoJSON FeatureCollection（type 为 ${type}）`,
        en: `The input is not a GeoJSON FeatureCollection with a features array (type is ${type})`,
      },
    });
    return { errors: errors.close("errors"), warnings: [], features };
  }

  const seen = new Map<string, number>();
  fc.features.forEach((f: unknown, i: number) => {
    const before = errors.items.length;
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (typeof feature !== "object" || feature === null || feature.type !== "Feature") {
      errors.add({
        featureIndex: i,
        kind: "feature_invalid",
        message: {
          zh: `${where(i).zh} 不是 GeoJSON Feature：${show(f)}`,
          en: `${where(i).en} is not a GeoJSON Feature: ${show(f)}`,
        },
      });
      return;
    }
    const props = (typeof feature.properties === "object" && feature.properties) || {};
    const rawCode = (props as Record<string, unknown>)[o.codeProp];
    const code =
      typeof rawCode === "string" || (typeof rawCode === "number" && Number.isFinite(rawCode))
        ? String(rawCode).trim()
        : "";
    if (!code)
      errors.add({
        featureIndex: i,
        kind: "code_missing",
        message: {
          zh: `${where(i).zh} 缺少编码属性 "${o.codeProp}"（值为 ${show(rawCode)}）`,
          en: `${where(i).en} has no code in property "${o.codeProp}" (value ${show(rawCode)})`,
        },
      });
    else if (seen.has(code))
      errors.add({
        featureIndex: i,
        code,
        otherIndex: seen.get(code)!,
        kind: "code_duplicate",
        message: {
          zh: `${where(i, code).zh} 的编码与要素 #${seen.get(code)} 重复`,
          en: `${where(i, code).en} repeats the code of feature #${seen.get(code)}`,
        },
      });
    else seen.set(code, i);

    const geometry = readGeometry(feature.geometry, i, code || undefined, errors);
    if (errors.items.length > before || !geometry) return;

    const rawName = (props as Record<string, unknown>)[o.nameProp];
    let name = typeof rawName === "string" || typeof rawName === "number" ? String(rawName).trim() : "";
    if (!name) {
      name = code;
      warnings.add({
        featureIndex: i,
        code,
        kind: "name_missing",
        message: {
          zh: `${where(i, code).zh} 缺少名称属性 "${o.nameProp}"，以编码作名称`,
          en: `${where(i, code).en} has no name in property "${o.nameProp}"; the code is used as its name`,
        },
      });
    }
    features.push({
      index: i,
      code,
      name,
      geometry,
      bbox: bboxOf(geometry),
      props: props as Record<string, unknown>,
    });
  });

  checkTopology(features, o, warnings);
  return { errors: errors.close("errors"), warnings: warnings.close("warnings"), features };
}

/** The geometry with positions reduced to [lng, lat], or undefined after adding its errors. */
function readGeometry(
  g: unknown,
  i: number,
  code: string | undefined,
  errors: ProblemList,
): AreaGeometry | undefined {
  const at = where(i, code);
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  const type = typeof geom === "object" && geom !== null ? geom.type : null;
  if (type !== "Polygon" && type !== "MultiPolygon") {
    errors.add({
      featureIndex: i,
      code,
      kind: "geometry_type",
      message: {
        zh: `${at.zh} 的几何类型为 ${show(type)}，只接受 Polygon 或 MultiPolygon`,
        en: `${at.en} has geometry type ${show(type)}; only Polygon and MultiPolygon are accepted`,
      },
    });
    return undefined;
  }
  const invalid = (zh: string, en: string) => {
    errors.add({
      featureIndex: i,
      code,
      kind: "geometry_invalid",
      message: { zh: `${at.zh} ${zh}`, en: `${at.en} ${en}` },
    });
    return undefined;
  };
  const coords = geom!.coordinates;
  if (!Array.isArray(coords) || coords.length === 0)
    return invalid(
      `的坐标不是非空数组：${show(coords)}`,
      `has coordinates that are not a non-empty array: ${show(coords)}`,
    );
  const polygons = type === "Polygon" ? [coords] : coords;
  const out: Ring[][] = [];
  let ok = true;
  polygons.forEach((rings: unknown, p: number) => {
    const part =
      type === "MultiPolygon" ? { zh: `第 ${p} 个多边形的`, en: `polygon ${p}, ` } : { zh: "", en: "" };
    if (!Array.isArray(rings) || rings.length === 0) {
      ok = false;
      return invalid(`${part.zh}环列表不是非空数组`, `${part.en}has no rings`);
    }
    const outRings: Ring[] = [];
    rings.forEach((ring: unknown, r: number) => {
      const loc = { zh: `${part.zh}环 ${r}`, en: `${part.en}ring ${r}` };
      const checked = readRing(ring, i, code, at, loc, errors);
      if (checked) outRings.push(checked);
      else ok = false;
    });
    out.push(outRings);
  });
  if (!ok) return undefined;
  return type === "Polygon" ? { type, coordinates: out[0]! } : { type, coordinates: out };
}

function readRing(
  ring: unknown,
  i: number,
  code: string | undefined,
  at: { zh: string; en: string },
  loc: { zh: string; en: string },
  errors: ProblemList,
): Ring | undefined {
  const add = (kind: ErrorKind, zh: string, en: string, position?: [number, number]) =>
    errors.add({
      featureIndex: i,
      code,
      kind,
      message: { zh: `${at.zh} ${loc.zh}${zh}`, en: `${at.en}, ${loc.en}: ${en}` },
      ...(position ? { position } : {}),
    });
  if (!Array.isArray(ring)) {
    add("geometry_invalid", ` 不是坐标数组：${show(ring)}`, `not an array of positions: ${show(ring)}`);
    return undefined;
  }
  let ok = true;
  if (ring.length < 4) {
    add(
      "ring_too_short",
      ` 只有 ${ring.length} 个坐标，至少需要 4 个`,
      `${ring.length} positions; a ring needs at least 4`,
    );
    ok = false;
  }
  const out: Position[] = [];
  let badNumber = -1,
    badNumbers = 0,
    badRange = -1,
    badRanges = 0;
  ring.forEach((pos: unknown, k: number) => {
    const x = Array.isArray(pos) ? pos[0] : undefined,
      y = Array.isArray(pos) ? pos[1] : undefined;
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      if (badNumbers++ === 0) badNumber = k;
    } else if (x < -180 || x > 180 || y < -90 || y > 90) {
      if (badRanges++ === 0) badRange = k;
    } else out.push([x, y]);
  });
  const more = (n: number) => (n > 1 ? { zh: `（共 ${n} 处）`, en: ` (${n} in all)` } : { zh: "", en: "" });
  if (badNumbers > 0) {
    add(
      "coordinate_not_numeric",
      ` 第 ${badNumber} 个坐标 ${show(ring[badNumber])} 不是有限数值${more(badNumbers).zh}`,
      `position ${badNumber} ${show(ring[badNumber])} is not a pair of finite numbers${more(badNumbers).en}`,
    );
    ok = false;
  }
  if (badRanges > 0) {
    const p = ring[badRange] as number[];
    add(
      "coordinate_out_of_range",
      ` 第 ${badRange} 个坐标 ${pt(p)} 超出经度 [-180, 180] 或纬度 [-90, 90]${more(badRanges).zh}`,
      `position ${badRange} ${pt(p)} is outside longitude [-180, 180] or latitude [-90, 90]${more(badRanges).en}`,
      [p[0]!, p[1]!],
    );
    ok = false;
  }
  if (ok) {
    const first = out[0]!,
      last = out[out.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      add(
        "ring_not_closed",
        ` 未闭合：首坐标 ${pt(first)}，末坐标 ${pt(last)}`,
        `not closed: first position ${pt(first)}, last ${pt(last)}`,
        [last[0]!, last[1]!],
      );
      ok = false;
    }
  }
  return ok ? out : undefined;
}

function checkTopology(features: ValidFeature[], o: ValidateOptions, warnings: ProblemList) {
  const prepared = features.map((f) => ({
    geometry: f.geometry,
    prepared: new PreparedGeometry(f.geometry),
  }));

  for (const f of features) {
    const at = where(f.index, f.code);
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    polygons.forEach((rings, p) => {
      const found = selfIntersections(rings);
      if (found.length === 0) return;
      const x = found[0]!;
      const part =
        f.geometry.type === "MultiPolygon"
          ? { zh: `第 ${p} 个多边形`, en: `polygon ${p}: ` }
          : { zh: "", en: "" };
      const more =
        found.length > 1
          ? { zh: `，另有 ${found.length - 1} 处`, en: `; ${found.length - 1} more` }
          : { zh: "", en: "" };
      warnings.add({
        featureIndex: f.index,
        code: f.code,
        kind: "self_intersection",
        position: x.position,
        message: {
          zh: `${at.zh} ${part.zh}自相交：环 ${x.ringA} 的边 ${x.edgeA} 与环 ${x.ringB} 的边 ${x.edgeB} 交于 ${pt(x.position)}${more.zh}`,
          en: `${at.en} ${part.en}self-intersects: ring ${x.ringA} edge ${x.edgeA} meets ring ${x.ringB} edge ${x.edgeB} at ${pt(x.position)}${more.en}`,
        },
      });
    });
  }

  // sibling overlaps: sweep over bboxes sorted by west edge, then the exact test
  const tolerance = o.overlapToleranceMeters ?? 0;
  const order = features.map((_, k) => k).sort((a, b) => features[a]!.bbox[0] - features[b]!.bbox[0]);
  for (let p = 0; p < order.length; p++) {
    const a = order[p]!;
    for (let q = p + 1; q < order.length; q++) {
      const b = order[q]!;
      if (features[b]!.bbox[0] > features[a]!.bbox[2]) break;
      if (!bboxesIntersect(features[a]!.bbox, features[b]!.bbox)) continue;
      const overlap = findOverlap(prepared[a]!, prepared[b]!);
      if (!overlap || (tolerance > 0 && overlap.depthMeters <= tolerance)) continue;
      const [fa, fb] =
        features[a]!.index < features[b]!.index ? [features[a]!, features[b]!] : [features[b]!, features[a]!];
      const how = {
        crossing: { zh: "边界相交于", en: "their boundaries cross at" },
        vertex: { zh: "一方的顶点落在另一方内部：", en: "a vertex of one lies inside the other at" },
        interior: {
          zh: "一方内部的点落在另一方内部：",
          en: "an interior point of one lies inside the other at",
        },
      }[overlap.how];
      const depth = overlap.depthMeters.toFixed(2);
      warnings.add({
        featureIndex: fa.index,
        code: fa.code,
        otherIndex: fb.index,
        kind: "sibling_overlap",
        position: overlap.position,
        message: {
          zh: `${where(fa.index, fa.code).zh} 与 ${where(fb.index, fb.code).zh} 重叠：${how.zh} ${pt(overlap.position)}，重叠深达 ${depth} 米`,
          en: `${where(fa.index, fa.code).en} overlaps ${where(fb.index, fb.code).en}: ${how.en} ${pt(overlap.position)}, up to ${depth} m deep`,
        },
      });
    }
  }

  if (o.parent) {
    const parent = new PreparedGeometry(o.parent.geometry);
    const parentTolerance = o.parentToleranceMeters ?? 20;
    for (const f of features) {
      const r = outsideParent(f.geometry, parent, parentTolerance);
      if (!r.outside || !r.worst) continue;
      const m = r.worst.meters.toFixed(1);
      warnings.add({
        featureIndex: f.index,
        code: f.code,
        kind: "outside_parent",
        position: r.worst.position,
        message: {
          zh: `${where(f.index, f.code).zh} 有 ${r.verticesOutside} 个顶点在上级 ${o.parent.code} 之外，最远的 ${pt(r.worst.position)} 超出 ${m} 米（容差 ${parentTolerance} 米）`,
          en: `${where(f.index, f.code).en} has ${r.verticesOutside} vertices outside its parent ${o.parent.code}; the farthest, ${pt(r.worst.position)}, is ${m} m outside (tolerance ${parentTolerance} m)`,
        },
      });
    }
  }
}
