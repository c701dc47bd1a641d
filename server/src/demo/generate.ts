import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Role } from "../core/actor";
import { recordAudit } from "../core/audit";
import type { Ctx } from "../core/context";
import { unprocessable } from "../core/errors";
import { areas, departments, settings } from "../db/schema";
import * as areasRepo from "../modules/areas/areas.repo";
import { createUser } from "../modules/users/create-user";
import { boxCenter, boxPolygon, splitBox, type Box } from "./geometry";
import { rng } from "./random";

export interface GenerateOptions {
  scale: "street";
  seed: number;
  password: string;
}

// 鄞州区 东胜街道 (GB/T 2260 330212, street 330212009), around its real location in Ningbo.
const DISTRICT = { code: "330212", name: "鄞州区" };
const STREET = { code: "330212009", name: "东胜街道" };
const STREET_BOX: Box = { west: 121.566, south: 29.858, east: 121.602, north: 29.884 };
// The seeds name seven of 东胜街道's nine communities; the last two are placeholders.
const COMMUNITY_NAMES = [
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

const DEPARTMENTS: { code: string; name: string; kind: string }[] = [
  { code: "police-dongsheng", name: "东胜派出所", kind: "police" },
  { code: "justice-dongsheng", name: "东胜司法所", kind: "justice" },
  { code: "fire-micro-dongsheng", name: "东胜消防微型站", kind: "fire" },
  { code: "market-dongsheng", name: "东胜市场监管所", kind: "market" },
  { code: "women-dongsheng", name: "东胜街道妇联", kind: "women" },
  { code: "labour-dongsheng", name: "东胜人力社保所", kind: "labour" },
  { code: "urban-dongsheng", name: "东胜城管中队", kind: "urban" },
  { code: "gas-ningbo", name: "宁波燃气东胜服务站", kind: "gas" },
];

export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  roles: Role[];
  scope: (c: Codes) => string[];
  department?: string;
}[] = [
  { username: "demo-admin", displayName: "系统管理员 周敏", roles: ["admin"], scope: () => [DISTRICT.code] },
  { username: "demo-leader", displayName: "街道领导 陈建国", roles: ["leader"], scope: () => [STREET.code] },
  {
    username: "demo-dispatcher",
    displayName: "综治中心 林晓",
    roles: ["dispatcher"],
    scope: () => [STREET.code],
  },
  {
    username: "demo-grid-worker",
    displayName: "网格员 王芳",
    roles: ["grid_worker"],
    scope: (c) => [c.grids[0]![0]!, c.grids[0]![1]!],
  },
  {
    username: "demo-grid-worker-2",
    displayName: "网格员 李强",
    roles: ["grid_worker"],
    scope: (c) => [c.grids[1]![0]!],
  },
  {
    username: "demo-handler",
    displayName: "城管中队 张伟",
    roles: ["department_handler"],
    scope: () => [STREET.code],
    department: "urban-dongsheng",
  },
  {
    username: "demo-mediator",
    displayName: "调解员 赵玉兰",
    roles: ["mediator"],
    scope: () => [STREET.code],
  },
  {
    username: "demo-police",
    displayName: "社区民警 孙磊",
    roles: ["police"],
    scope: (c) => [c.communities[0]!, c.communities[1]!],
  },
  {
    username: "demo-volunteer",
    displayName: "志愿者 刘洋",
    roles: ["volunteer"],
    scope: (c) => [c.communities[0]!],
  },
  {
    username: "demo-resident",
    displayName: "居民 黄秀英",
    roles: ["resident"],
    scope: (c) => [c.microGrids[0]!],
  },
];

interface Codes {
  communities: string[];
  grids: string[][];
  microGrids: string[];
}

/** A UUID derived from a name, so the same seed gives the same ids. */
function stableUuid(name: string): string {
  const h = crypto.createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Builds the demo street's area tree: communities, grids and micro-grids with box polygons. */
export function buildStreetAreas(seed: number) {
  const r = rng(seed);
  const rows: areasRepo.NewArea[] = [];
  const codes: Codes = { communities: [], grids: [], microGrids: [] };
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
  const districtArea = add(DISTRICT.code, DISTRICT.name, "district", null);
  const streetArea = add(STREET.code, STREET.name, "street", districtArea, STREET_BOX);
  const communityCount = COMMUNITY_NAMES.length;
  splitBox(STREET_BOX, communityCount).forEach((cBox, ci) => {
    const cCode = `${STREET.code}${String(ci + 1).padStart(3, "0")}`;
    const cName = COMMUNITY_NAMES[ci]!;
    const cArea = add(cCode, cName, "community", streetArea, cBox);
    codes.communities.push(cCode);
    const gridCodes: string[] = [];
    splitBox(cBox, r.int(4, 6)).forEach((gBox, gi) => {
      const gCode = `${cCode}${String(gi + 1).padStart(3, "0")}`;
      const gArea = add(gCode, `${cName}第${gi + 1}网格`, "grid", cArea, gBox);
      gridCodes.push(gCode);
      splitBox(gBox, r.int(3, 5)).forEach((mBox, mi) => {
        const mCode = `${gCode}${String(mi + 1).padStart(2, "0")}`;
        add(mCode, `${cName}第${gi + 1}网格${mi + 1}号微网格`, "micro_grid", gArea, mBox);
        codes.microGrids.push(mCode);
      });
    });
    codes.grids.push(gridCodes);
  });
  return { rows, codes };
}

/**
 * Generates the demo street (areas, departments, the demo accounts) into an empty deployment.
 * Deterministic for a seed; refuses when areas already exist.
 */
export async function generateDemo(ctx: Ctx, o: GenerateOptions) {
  const existing = await ctx.tx.select({ n: count() }).from(areas);
  if (Number(existing[0]?.n ?? 0) > 0)
    throw unprocessable(
      "NOT_EMPTY",
      "已有区域数据，演示数据只能生成到空库",
      "Areas already exist: the demo is generated into an empty database only",
    );
  const { rows, codes } = buildStreetAreas(o.seed);
  for (let i = 0; i < rows.length; i += 500) await areasRepo.insert(ctx.tx, rows.slice(i, i + 500));
  const [street] = await ctx.tx.select().from(areas).where(eq(areas.code, STREET.code));
  await ctx.tx.insert(departments).values(DEPARTMENTS.map((d) => ({ ...d, areaId: street!.id })));
  for (const account of DEMO_ACCOUNTS)
    await createUser(ctx, {
      username: account.username,
      displayName: account.displayName,
      password: o.password,
      roles: account.roles,
      scopeCodes: account.scope(codes),
      department: account.department,
    });
  const summary = {
    scale: o.scale,
    seed: o.seed,
    areas: rows.length,
    departments: DEPARTMENTS.length,
    users: DEMO_ACCOUNTS.length,
  };
  await ctx.tx.insert(settings).values({ key: "demo", value: summary }).onConflictDoNothing();
  await recordAudit(ctx, { action: "demo.generated", after: summary });
  return summary;
}
