import type {
  AreaDetail,
  AreaFeature,
  AreaFeatureCollection,
  AreaFeatureProps,
  AreaGeometry,
} from "../../api/types";
import { fromWgs84, mapGeometry, type Crs, type LngLat } from "./crs";

/** `[[west, south], [east, north]]`. */
export type Bounds = [LngLat, LngLat];

/** How a feature is drawn: the shown area behind its children, or a leaf among its siblings. */
export type DisplayRole = "self" | "leaf" | "child" | "sibling";

export interface DisplayProps extends AreaFeatureProps {
  role: DisplayRole;
  /** The label's text: children and siblings without their parent's name in front. */
  label: string;
  /** Where the label goes, in the display coordinate system. */
  labelLng: number;
  labelLat: number;
}

export interface DisplayFeature {
  type: "Feature";
  geometry: AreaGeometry;
  properties: DisplayProps;
}

export interface DisplayCollection {
  type: "FeatureCollection";
  features: DisplayFeature[];
}

/** A GeoJSON feature for one area as `GET /api/areas/{code}` returns it. */
export function featureFromDetail(d: AreaDetail): AreaFeature {
  return {
    type: "Feature",
    geometry: d.geometry,
    properties: {
      code: d.code,
      name: d.name,
      level: d.level,
      path: d.path,
      parent: d.parent,
      centerLat: d.center?.lat ?? null,
      centerLng: d.center?.lng ?? null,
    },
  };
}

function eachPosition(g: AreaGeometry, f: (lng: number, lat: number) => void): void {
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) for (const pos of ring) f(pos[0], pos[1]);
}

/** The bounding box of some geometries; null when there is no position at all. */
export function boundsOf(geometries: Iterable<AreaGeometry | null>): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const g of geometries) {
    if (!g) continue;
    eachPosition(g, (lng, lat) => {
      if (lng < w) w = lng;
      if (lng > e) e = lng;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    });
  }
  return w === Infinity
    ? null
    : [
        [w, s],
        [e, n],
      ];
}

/** The bounding box of a feature collection's geometries (features without geometry are skipped). */
export function collectionBounds(fc: {
  features: readonly { geometry: AreaGeometry | null }[];
}): Bounds | null {
  return boundsOf(fc.features.map((f) => f.geometry));
}

/** The direct children of `code` in a subtree collection, ordered by code. */
export function childrenOf(fc: AreaFeatureCollection, code: string): AreaFeatureProps[] {
  return fc.features
    .filter((f) => f.properties.parent === code)
    .map((f) => f.properties)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The features to draw for area `code`: the area itself and its direct children, converted from
 * WGS84 to the basemap's coordinate system. An area without children is a leaf; its siblings,
 * from `context` (its parent's subtree), are drawn around it. Features without geometry are
 * left out; a label goes at the area's centre, or the middle of its bounding box when it has none.
 */
export function displayCollection(
  fc: AreaFeatureCollection,
  code: string,
  crs: Crs,
  context?: AreaFeatureCollection | null,
): DisplayCollection {
  const convert = fromWgs84(crs);
  const hasChildren = fc.features.some((f) => f.properties.parent === code);
  const parent = fc.features.find((f) => f.properties.code === code)?.properties.parent;
  const siblings =
    hasChildren || !context ? [] : context.features.filter((f) => f.properties.parent === parent);
  const nameOf = (c: string | null | undefined, from: AreaFeatureCollection) =>
    from.features.find((f) => f.properties.code === c)?.properties.name ?? "";
  const features: DisplayFeature[] = [];
  const add = (f: AreaFeature, role: DisplayRole, parentName: string) => {
    if (!f.geometry) return;
    const p = f.properties;
    const geometry = mapGeometry(f.geometry, convert);
    let label: LngLat;
    if (p.centerLng !== null && p.centerLat !== null) label = convert([p.centerLng, p.centerLat]);
    else {
      const [[w, s], [e, n]] = boundsOf([geometry]) as Bounds;
      label = [(w + e) / 2, (s + n) / 2];
    }
    const text = parentName ? shortName(p.name, parentName) : p.name;
    features.push({
      type: "Feature",
      geometry,
      properties: { ...p, role, label: text, labelLng: label[0], labelLat: label[1] },
    });
  };
  // drawing order: siblings, the area, then its children over it
  const siblingPrefix = context ? nameOf(parent, context) : "";
  for (const f of siblings) if (f.properties.code !== code) add(f, "sibling", siblingPrefix);
  for (const f of fc.features) if (f.properties.code === code) add(f, hasChildren ? "self" : "leaf", "");
  for (const f of fc.features) if (f.properties.parent === code) add(f, "child", nameOf(code, fc));
  return { type: "FeatureCollection", features };
}

/** A child's label without its parent's name in front (`张斌社区第1网格` under `张斌社区` → `第1网格`). */
export function shortName(name: string, parentName: string): string {
  return name.startsWith(parentName) && name.length > parentName.length
    ? name.slice(parentName.length)
    : name;
}
