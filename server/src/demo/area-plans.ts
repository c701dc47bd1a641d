import crypto from "node:crypto";
import * as areasRepo from "../modules/areas/areas.repo";
import { boxCenter, boxPolygon, splitBox, type Box } from "./geometry";
import { rng } from "./random";

export type Scale = "street" | "chengxiang" | "district";
export const SCALES: readonly Scale[] = ["street", "chengxiang", "district"];

/** Codes of one generated street, from which the demo accounts get their scopes. */
export interface Codes {
  streets: string[];
  communities: string[];
  grids: string[][];
  microGrids: string[];
}

interface StreetPlan {
  code: string;
  name: string;
  box: Box;
  /** Communities per grid layer, in order. */
  layers: number[];
  communityNames?: string[];
  /** Grids per community (cycled), micro-grids per grid (cycled); random in ranges when absent. */
  gridsPer?: (i: number) => number;
  microPer?: (i: number) => number;
}

// The seeds name seven of 东胜街道's nine communities; the last two are placeholders.
export const DONGSHENG_COMMUNITIES = [
  "张斌社区",
  "史家社区",
  "戎家社区",
  "王家社区",
  "樱花社区",
  "泰和社区",
  "庆安社区",
  "新城社区",
  "朝晖社区",
];
export const DONGSHENG = { code: "330212009", name: "东胜街道" };
const DONGSHENG_BOX: Box = { west: 121.566, south: 29.858, east: 121.602, north: 29.884 };

// 鄞州区's streets and towns (GB/T 2260 + street codes, from the national division list).
const YINZHOU_STREETS: [string, string][] = [
  ["330212001", "下应街道"],
  ["330212002", "钟公庙街道"],
  ["330212004", "梅墟街道"],
  ["330212005", "中河街道"],
  ["330212006", "首南街道"],
  ["330212007", "潘火街道"],
  ["330212008", "百丈街道"],
  ["330212009", "东胜街道"],
  ["330212010", "明楼街道"],
  ["330212011", "白鹤街道"],
  ["330212012", "东柳街道"],
  ["330212013", "东郊街道"],
  ["330212014", "福明街道"],
  ["330212015", "新明街道"],
  ["330212016", "聚贤街道"],
];

/** A UUID derived from a name, so the same seed gives the same ids. */
function stableUuid(name: string): string {
  const h = crypto.createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const seq = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Builds an area tree for a scale: district → street → grid layer (2–3 neighbouring communities)
 * → community → grid → micro-grid, with non-overlapping box polygons that tile each parent.
 * Codes: street code + 3-digit community + 3-digit grid + 2-digit micro-grid; layers "L" + 2 digits.
 */
export function buildAreasForScale(scale: Scale, seed: number) {
  const r = rng(seed);
  const rows: areasRepo.NewArea[] = [];
  const perStreet = new Map<string, Codes>();
  const add = (
    code: string,
    name: string,
    level: string,
    parent: { path: string; id: string } | null,
    box?: Box,
  ) => {
    const path = areasRepo.childPath(parent?.path ?? null, code);
    const center = box ? boxCenter(box) : null;
    const id = stableUuid(`area:${code}`);
    rows.push({
      id,
      parentId: parent?.id ?? null,
      code,
      name,
      level,
      path,
      geometry: box ? boxPolygon(box) : null,
      centerLat: center?.lat ?? null,
      centerLng: center?.lng ?? null,
    });
    return { path, id };
  };

  const streetPlans: (StreetPlan & { district: { code: string; name: string } })[] = [];
  if (scale === "street") {
    streetPlans.push({
      ...DONGSHENG,
      district: { code: "330212", name: "鄞州区" },
      box: DONGSHENG_BOX,
      layers: [3, 2, 2, 2],
      communityNames: DONGSHENG_COMMUNITIES,
    });
  } else if (scale === "chengxiang") {
    // 城厢街道 (萧山区): 14 grid layers over 36 communities, 186 grids, 1,904 micro-grids.
    streetPlans.push({
      code: "330109001",
      name: "城厢街道",
      district: { code: "330109", name: "萧山区" },
      box: { west: 120.235, south: 30.135, east: 120.305, north: 30.195 },
      layers: [3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2],
      gridsPer: (i) => (i < 6 ? 6 : 5),
      microPer: (i) => (i < 44 ? 11 : 10),
    });
  } else {
    const district = { code: "330212", name: "鄞州区" };
    const dBox: Box = { west: 121.5, south: 29.75, east: 121.7, north: 29.9 };
    splitBox(dBox, YINZHOU_STREETS.length).forEach((box, i) => {
      const [code, name] = YINZHOU_STREETS[i]!;
      streetPlans.push(
        code === DONGSHENG.code
          ? { ...DONGSHENG, district, box, layers: [3, 2, 2, 2], communityNames: DONGSHENG_COMMUNITIES }
          : { code, name, district, box, layers: Array.from({ length: r.int(3, 5) }, () => r.int(2, 3)) },
      );
    });
  }

  const districts = new Map<string, { path: string; id: string }>();
  let gridIndex = 0;
  for (const plan of streetPlans) {
    let district = districts.get(plan.district.code);
    if (!district) {
      district = add(plan.district.code, plan.district.name, "district", null);
      districts.set(plan.district.code, district);
    }
    const street = add(plan.code, plan.name, "street", district, plan.box);
    const codes: Codes = { streets: [plan.code], communities: [], grids: [], microGrids: [] };
    perStreet.set(plan.code, codes);
    let communityNo = 0;
    splitBox(plan.box, plan.layers.length).forEach((lBox, li) => {
      const layerCount = plan.layers[li]!;
      const layer = add(
        `${plan.code}L${seq(li + 1, 2)}`,
        `${plan.name.replace(/街道|镇$/, "")}第${li + 1}网层`,
        "grid_layer",
        street,
        lBox,
      );
      splitBox(lBox, layerCount).forEach((cBox) => {
        communityNo += 1;
        const cCode = `${plan.code}${seq(communityNo, 3)}`;
        const cName =
          plan.communityNames?.[communityNo - 1] ??
          `${plan.name.replace(/街道|镇$/, "")}第${communityNo}社区`;
        const community = add(cCode, cName, "community", layer, cBox);
        codes.communities.push(cCode);
        const gridCodes: string[] = [];
        const grids = plan.gridsPer ? plan.gridsPer(communityNo - 1) : r.int(4, 6);
        splitBox(cBox, grids).forEach((gBox, gi) => {
          const gCode = `${cCode}${seq(gi + 1, 3)}`;
          const grid = add(gCode, `${cName}第${gi + 1}网格`, "grid", community, gBox);
          gridCodes.push(gCode);
          const micro = plan.microPer ? plan.microPer(gridIndex) : r.int(3, 5);
          gridIndex += 1;
          splitBox(gBox, micro).forEach((mBox, mi) => {
            const mCode = `${gCode}${seq(mi + 1, 2)}`;
            add(mCode, `${cName}第${gi + 1}网格${mi + 1}号微网格`, "micro_grid", grid, mBox);
            codes.microGrids.push(mCode);
          });
        });
        codes.grids.push(gridCodes);
      });
    });
  }
  // the demo accounts work in 东胜街道 where the scale has it, else in the first street
  const codes = perStreet.get(DONGSHENG.code) ?? perStreet.get(streetPlans[0]!.code)!;
  return { rows, codes };
}
