import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { beforeAll, describe, expect, it } from "vitest";
import { labelPoint } from "./label-point";
import { AreaIndex } from "./spatial-index";
import { validateFeatureCollection, type ValidationReport } from "./validate";

// Real data: 99 Los Angeles neighbourhood councils (2019) and 10,000 service requests of 2018,
// each labelled by the city with its council (column NC = the polygons' nc_id).
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");
const DATA = process.env.PINGAN_SHARED_DATA ?? path.resolve(REPO_ROOT, "../shared/data");
const COUNCILS = path.join(DATA, "la-311/neighborhood-councils-2019.geojson");
const REQUESTS = path.join(DATA, "la-311/requests-2018-sample.csv.gz");
const present = fs.existsSync(COUNCILS) && fs.existsSync(REQUESTS);
if (!present)
  console.warn(`LA 311 data not found under ${DATA} (set PINGAN_SHARED_DATA): real-data tests skipped`);

/** Parses CSV with quoted fields ("a, b", doubled quotes, newlines inside quotes) into records. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = "",
    quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ""])));
}

describe("parseCsv", () => {
  it("handles quoted commas, doubled quotes and CRLF", () => {
    expect(parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\n2,,"multi\nline"\n')).toEqual([
      { a: "1", b: "x, y", c: 'say "hi"' },
      { a: "2", b: "", c: "multi\nline" },
    ]);
  });
});

describe.skipIf(!present)("LA neighbourhood councils (real data)", () => {
  let report: ValidationReport;
  let index: AreaIndex<{
    code: string;
    level: string;
    depth: number;
    geometry: ValidationReport["features"][0]["geometry"];
  }>;
  let points: { lng: number; lat: number; nc: string }[];

  beforeAll(() => {
    const fc: unknown = JSON.parse(fs.readFileSync(COUNCILS, "utf8"));
    report = validateFeatureCollection(fc, { codeProp: "nc_id", nameProp: "name" });
    index = new AreaIndex(
      report.features.map((f) => ({ code: f.code, level: "council", depth: 1, geometry: f.geometry })),
    );
    points = parseCsv(zlib.gunzipSync(fs.readFileSync(REQUESTS)).toString("utf8"))
      .filter((r) => r.Latitude !== "" && r.Longitude !== "")
      .map((r) => ({ lng: Number(r.Longitude), lat: Number(r.Latitude), nc: r.NC! }))
      .filter((p) => Number.isFinite(p.lng) && Number.isFinite(p.lat));
  });

  it("validates with no errors (warnings allowed)", () => {
    const kinds: Record<string, number> = {};
    for (const w of report.warnings) kinds[w.kind] = (kinds[w.kind] ?? 0) + 1;
    console.log(`LA councils: ${report.features.length} features, ${report.warnings.length} warnings`, kinds);
    expect(report.errors).toEqual([]);
    expect(report.features).toHaveLength(99);
    expect(new Set(report.features.map((f) => f.name)).size).toBe(99);
  });

  it("locates every request as turf's point-in-polygon over all 99 councils does", () => {
    expect(points.length).toBeGreaterThan(9900);
    const turfFeatures = report.features.map((f) => ({
      type: "Feature" as const,
      bbox: f.bbox,
      properties: { code: f.code },
      geometry: f.geometry,
    }));
    let located = 0,
      inSeveral = 0;
    const disagreements: string[] = [];
    for (const p of points) {
      const turfCodes = turfFeatures
        .filter((f) => booleanPointInPolygon([p.lng, p.lat], f))
        .map((f) => f.properties.code)
        .sort();
      const ours = index
        .locateAll(p.lng, p.lat)
        .map((a) => a.code)
        .sort();
      const chosen = index.locate(p.lng, p.lat);
      if (chosen) located++;
      if (turfCodes.length > 1) inSeveral++;
      // the same set of containing councils, and the chosen one is the lowest code among them
      if (ours.join() !== turfCodes.join() || (chosen?.code ?? null) !== (turfCodes[0] ?? null))
        disagreements.push(`${p.lng},${p.lat}: ours ${ours} chose ${chosen?.code}, turf ${turfCodes}`);
    }
    console.log(
      `LA locate vs turf: ${points.length} points, ${located} located, ${inSeveral} in more than one council, ${disagreements.length} disagreements`,
    );
    expect(disagreements).toEqual([]);
  });

  it("puts every council's label point strictly inside it", () => {
    for (const f of report.features) {
      const p = labelPoint(f.geometry);
      expect(booleanPointInPolygon([p.lng, p.lat], f.geometry, { ignoreBoundary: true }), f.code).toBe(true);
    }
  });

  it("agrees with the city's own council label on ≥ 95% of labelled points", () => {
    const labelled = points.filter((p) => p.nc !== "");
    const agree = labelled.filter((p) => index.locate(p.lng, p.lat)?.code === p.nc).length;
    const unlocated = labelled.filter((p) => !index.locate(p.lng, p.lat)).length;
    const share = agree / labelled.length;
    console.log(
      `LA label agreement: ${agree}/${labelled.length} = ${(share * 100).toFixed(2)}% (${unlocated} outside every council)`,
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
