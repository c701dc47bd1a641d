import type { AreaGeometry } from "../../api/types";

/** The largest file the console reads; the server takes up to 256 MB, a browser tab much less comfortably. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface GeoFeature {
  type: "Feature";
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

export interface GeoCollection {
  type: "FeatureCollection";
  features: GeoFeature[];
}

/** Why a file could not be used, as an i18n key suffix (`geojson.error.<reason>`). */
export type FileProblem =
  "json" | "notCollection" | "empty" | "noGeometry" | "manyGeometries" | "geometryType";

export type Result<T> = { ok: true; value: T } | { ok: false; reason: FileProblem };

/** Parses JSON text; anything unparsable is `json`. */
export function parseJson(text: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "json" };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The value as a FeatureCollection with at least one feature (the server checks each feature). */
export function asCollection(value: unknown): Result<GeoCollection> {
  if (!isObject(value) || value.type !== "FeatureCollection" || !Array.isArray(value.features))
    return { ok: false, reason: "notCollection" };
  if (value.features.length === 0) return { ok: false, reason: "empty" };
  return { ok: true, value: value as unknown as GeoCollection };
}

/**
 * The property names of a collection's first `sample` features, in order of first appearance,
 * to offer as the code and name properties of an import.
 */
export function propertyKeys(fc: GeoCollection, sample = 50): string[] {
  const keys = new Set<string>();
  for (const f of fc.features.slice(0, sample)) {
    if (isObject(f) && isObject(f.properties)) for (const k of Object.keys(f.properties)) keys.add(k);
  }
  return [...keys];
}

const CODE_GUESSES = ["code", "areacode", "adcode", "gbcode", "id", "编码", "代码", "区划代码"];
const NAME_GUESSES = ["name", "areaname", "title", "名称", "名字"];

/** The likeliest code (or name) property among `keys`: a known spelling, compared without case. */
export function guessProperty(keys: readonly string[], kind: "code" | "name"): string | undefined {
  const guesses = kind === "code" ? CODE_GUESSES : NAME_GUESSES;
  for (const g of guesses) {
    const hit = keys.find((k) => k.toLowerCase() === g);
    if (hit) return hit;
  }
  return keys.find((k) => k.toLowerCase().includes(kind));
}

const isArea = (g: unknown): g is AreaGeometry =>
  isObject(g) && (g.type === "Polygon" || g.type === "MultiPolygon") && Array.isArray(g.coordinates);

/**
 * The one polygon in a file for redrawing an area: a bare Polygon or MultiPolygon, a Feature,
 * or a FeatureCollection holding exactly one feature. Coordinates are checked by the server.
 */
export function singleGeometry(value: unknown): Result<AreaGeometry> {
  let geometry: unknown = value;
  if (isObject(value) && value.type === "FeatureCollection" && Array.isArray(value.features)) {
    if (value.features.length === 0) return { ok: false, reason: "noGeometry" };
    if (value.features.length > 1) return { ok: false, reason: "manyGeometries" };
    geometry = value.features[0];
  }
  if (isObject(geometry) && geometry.type === "Feature") geometry = geometry.geometry;
  if (!isObject(geometry)) return { ok: false, reason: "noGeometry" };
  return isArea(geometry) ? { ok: true, value: geometry } : { ok: false, reason: "geometryType" };
}

export interface SplitPart {
  code: string;
  name: string;
  geometry: unknown;
}

/**
 * The parts of a split from a FeatureCollection: each feature's code and name from the named
 * properties (numbers become strings, text is trimmed). `missing` lists the indexes of features
 * without a code or a name; the server checks geometry and duplicates.
 */
export function splitParts(
  fc: GeoCollection,
  codeProp: string,
  nameProp: string,
): { parts: SplitPart[]; missing: number[] } {
  const parts: SplitPart[] = [];
  const missing: number[] = [];
  const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");
  fc.features.forEach((f, i) => {
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const code = text(props[codeProp]);
    const name = text(props[nameProp]);
    if (!code || !name) missing.push(i);
    else parts.push({ code, name, geometry: isObject(f) ? f.geometry : null });
  });
  return { parts, missing };
}

/** A byte count for people: `12.3 MB`, `840 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
