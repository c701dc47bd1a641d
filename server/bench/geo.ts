/**
 * Point → area throughput: AreaIndex.locate over the Chengxiang-scale area tree (1 street, 14 grid
 * layers, 36 communities, 186 grids, 1,904 micro-grids), beside turf's booleanPointInPolygon looping
 * over the micro-grids for the same points in the same run. `geoBench()` is called from run.ts;
 * run alone with `node server/bin/run-ts.js server/bench/geo.ts`.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { buildAreasForScale } from "../src/demo/area-plans";
import { rng } from "../src/demo/random";
import type { AreaGeometry, Polygon, Position } from "../src/modules/areas/geo/geojson";
import { AreaIndex, pathDepth, type IndexedArea } from "../src/modules/areas/geo/spatial-index";

import { round, type Benchmark, type BenchResult } from "./bench";

const INDEX_POINTS = 1_000_000;
const TURF_MIN_MS = 2_000;
const EXTRA_VERTICES_PER_SIDE = 3;

// The generated polygons are boxes; extra vertices along each side (on the edge, so neighbours still
// tile exactly) make each a 16-edge polygon, nearer to real boundaries, for both contenders.
function densify(g: Polygon): Polygon {
  return {
    type: "Polygon",
    coordinates: g.coordinates.map((ring) => {
      const out: Position[] = [];
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i]! as [number, number],
          [x2, y2] = ring[i + 1]! as [number, number];
        for (let k = 0; k <= EXTRA_VERTICES_PER_SIDE; k++) {
          const t = k / (EXTRA_VERTICES_PER_SIDE + 1);
          out.push([x1 + t * (x2 - x1), y1 + t * (y2 - y1)]);
        }
      }
      return [...out, ring[ring.length - 1]!];
    }),
  };
}

export async function geoBench(seed = 20240611, points = INDEX_POINTS): Promise<BenchResult> {
  const { rows } = buildAreasForScale("chengxiang", seed);
  const areas: IndexedArea[] = rows
    .filter((r) => r.geometry)
    .map((r) => ({
      code: r.code,
      level: r.level,
      depth: pathDepth(r.path),
      geometry: densify(r.geometry as Polygon),
    }));
  const micro = areas.filter((a) => a.level === "micro_grid").sort((a, b) => (a.code < b.code ? -1 : 1));
  const count = (level: string) => areas.filter((a) => a.level === level).length;
  const street = areas.find((a) => a.level === "street")!;
  const [w, s, e, n] = bboxOf(street.geometry);

  const t0 = performance.now();
  const index = new AreaIndex(areas);
  const buildMs = performance.now() - t0;

  const r = rng(seed);
  const xs = new Float64Array(points),
    ys = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    xs[i] = w + (e - w) * r.next();
    ys[i] = s + (n - s) * r.next();
  }

  // one core, best of three passes after a warm-up pass
  let located = 0;
  const pass = () => {
    located = 0;
    const t = performance.now();
    for (let i = 0; i < points; i++) if (index.locate(xs[i]!, ys[i]!) !== null) located++;
    return performance.now() - t;
  };
  pass();
  const indexMs = Math.min(pass(), pass(), pass());
  const indexRate = points / (indexMs / 1000);

  // turf: polygons with their bbox (which turf checks first), in code order, first hit wins (= lowest code)
  const features = micro.map((a) => ({
    type: "Feature" as const,
    bbox: bboxOf(a.geometry),
    properties: { code: a.code },
    geometry: a.geometry,
  }));
  const pt = [0, 0];
  const turfCodes: (string | null)[] = [];
  const t1 = performance.now();
  let turfMs = 0;
  for (let i = 0; i < points; i++) {
    pt[0] = xs[i]!;
    pt[1] = ys[i]!;
    let hit: string | null = null;
    for (const f of features)
      if (booleanPointInPolygon(pt, f)) {
        hit = f.properties.code;
        break;
      }
    turfCodes.push(hit);
    if ((i & 63) === 63 && (turfMs = performance.now() - t1) >= TURF_MIN_MS) break;
  }
  turfMs = performance.now() - t1;
  const turfRate = turfCodes.length / (turfMs / 1000);

  // the two must give the same answers: the micro-grids tile the street, so every point has one
  const disagree = turfCodes.filter((c, i) => index.locate(xs[i]!, ys[i]!)?.code !== c).length;
  if (located !== points)
    throw new Error(`geo bench: ${points - located} points inside the street located nowhere`);
  if (disagree > 0)
    throw new Error(`geo bench: AreaIndex and turf disagree on ${disagree} of ${turfCodes.length} points`);

  const ratio = indexRate / turfRate;
  console.log(
    `geo: ${areas.length} areas (${count("street")} street, ${count("grid_layer")} grid layers, ${count("community")} communities, ` +
      `${count("grid")} grids, ${micro.length} micro-grids, ${4 * (EXTRA_VERTICES_PER_SIDE + 1)} edges each); index built in ${buildMs.toFixed(1)} ms; ` +
      `${points} points in ${indexMs.toFixed(0)} ms; turf ${turfCodes.length} points in ${turfMs.toFixed(0)} ms`,
  );
  return {
    name: "locate",
    workload: `point → smallest area, AreaIndex.locate, Chengxiang scale (${areas.length} areas), ${points} points, one core`,
    value: round(indexRate),
    unit: "points/s",
    baselineValue: round(turfRate),
    baseline: `turf booleanPointInPolygon over ${micro.length} micro-grids`,
    ratio: round(ratio, 1),
    goal: "≥ 1000000 points/s and ratio ≥ 50",
    met: indexRate >= 1_000_000 && ratio >= 50,
  };
}

export const locateBench: Benchmark = {
  name: "locate",
  run: (o) => geoBench(20240611, o.quick ? 200_000 : INDEX_POINTS),
};

function bboxOf(g: AreaGeometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates)
    for (const [x, y] of poly[0]!) {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    }
  return b;
}

const isMain = process.argv.slice(1).some((a) => pathToFileURL(path.resolve(a)).href === import.meta.url);
if (isMain) console.log(await geoBench());
