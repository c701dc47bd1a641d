import type { AreaGeometry } from "./geo/geojson";
import { PreparedGeometry } from "./geo/point-in-polygon";
import { findOverlap } from "./geo/topology";
import type { Problem, ValidFeature } from "./geo/validate";

interface Shape {
  code: string;
  geometry: AreaGeometry;
  prepared: PreparedGeometry;
}

const shape = (code: string, geometry: AreaGeometry): Shape => ({
  code,
  geometry,
  prepared: new PreparedGeometry(geometry),
});
const pt = (p: readonly number[]) => `[${p[0]!.toFixed(6)}, ${p[1]!.toFixed(6)}]`;

/**
 * What a file cannot show by itself: overlaps between its features and siblings already in the
 * database, and gaps, places inside the parent that no child covers (found on a sample grid of
 * `samples`² points, so a gap narrower than the grid's step can pass unseen).
 */
export function siblingWarnings(
  features: ValidFeature[],
  existing: { code: string; geometry: AreaGeometry }[],
  parent: { code: string; geometry: AreaGeometry } | undefined,
  samples = 32,
): Problem[] {
  const warnings: Problem[] = [];
  const mine = features.map((f) => ({ ...shape(f.code, f.geometry), index: f.index }));
  const others = existing.map((e) => shape(e.code, e.geometry));
  for (const f of mine)
    for (const o of others) {
      const overlap = findOverlap(f, o);
      if (!overlap) continue;
      warnings.push({
        featureIndex: f.index,
        code: f.code,
        kind: "sibling_overlap",
        position: overlap.position,
        message: {
          zh: `要素 #${f.index}（编码 ${f.code}）与已有区域 ${o.code} 重叠：${pt(overlap.position)}，深达 ${overlap.depthMeters.toFixed(1)} 米`,
          en: `feature #${f.index} (code ${f.code}) overlaps the existing area ${o.code} at ${pt(overlap.position)}, up to ${overlap.depthMeters.toFixed(1)} m deep`,
        },
      });
    }
  if (!parent) return warnings;
  const p = new PreparedGeometry(parent.geometry);
  const [w, s, e, n] = p.bbox;
  const children = [...mine, ...others];
  const gaps: [number, number][] = [];
  let inside = 0;
  for (let i = 0; i < samples; i++)
    for (let j = 0; j < samples; j++) {
      const x = w! + ((e! - w!) * (i + 0.5)) / samples;
      const y = s! + ((n! - s!) * (j + 0.5)) / samples;
      if (!p.contains(x, y)) continue;
      inside++;
      if (!children.some((c) => c.prepared.contains(x, y))) gaps.push([x, y]);
    }
  if (gaps.length)
    warnings.push({
      featureIndex: null,
      kind: "gap",
      position: gaps[0],
      message: {
        zh: `上级区域 ${parent.code} 内约 ${Math.round((100 * gaps.length) / inside)}% 的抽样点不属于任何下级区域（缺口），例如 ${pt(gaps[0]!)}`,
        en: `about ${Math.round((100 * gaps.length) / inside)}% of sample points inside ${parent.code} fall in no child area (gaps), e.g. at ${pt(gaps[0]!)}`,
      },
    });
  return warnings;
}
