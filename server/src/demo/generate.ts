import { count, eq } from "drizzle-orm";
import type { Role } from "../core/actor";
import { recordAudit } from "../core/audit";
import type { Ctx } from "../core/context";
import { unprocessable } from "../core/errors";
import { areas, departments, settings } from "../db/schema";
import * as areasRepo from "../modules/areas/areas.repo";
import { createUser } from "../modules/users/create-user";
import { buildAreasForScale, type Codes, type Scale } from "./area-plans";
import { generateLiveEvents } from "./live-events";
import { generatePopulation } from "./population";
import { seedTeamsAndPolice } from "./teams-and-police";

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  password: string;
  /** Generate the population (default true). */
  population?: boolean;
  /** How many people (default by scale: 5,000 street, 150,000 chengxiang, 3,000,000 district). */
  people?: number;
}

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
  scope: (c: Codes & { district: string }) => string[];
  department?: string;
}[] = [
  { username: "demo-admin", displayName: "系统管理员 周敏", roles: ["admin"], scope: (c) => [c.district] },
  {
    username: "demo-leader",
    displayName: "街道领导 陈建国",
    roles: ["leader"],
    scope: (c) => [c.streets[0]!],
  },
  {
    username: "demo-dispatcher",
    displayName: "综治中心 林晓",
    roles: ["dispatcher"],
    scope: (c) => [c.streets[0]!],
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
    scope: (c) => [c.streets[0]!],
    department: "urban-dongsheng",
  },
  {
    username: "demo-mediator",
    displayName: "调解员 赵玉兰",
    roles: ["mediator"],
    scope: (c) => [c.streets[0]!],
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
  const { rows, codes: treeCodes } = buildAreasForScale(o.scale, o.seed);
  const codes = { ...treeCodes, district: rows.find((r) => r.level === "district")!.code };
  for (let i = 0; i < rows.length; i += 500) await areasRepo.insert(ctx.tx, rows.slice(i, i + 500));
  const [street] = await ctx.tx.select().from(areas).where(eq(areas.code, codes.streets[0]!));
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
  const gridWorkers = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS.filter((a) => a.roles.includes("grid_worker")))
    for (const grid of account.scope(codes))
      gridWorkers.set(grid, `${account.username} ${account.displayName}`);
  await seedTeamsAndPolice(ctx, codes, o.seed, gridWorkers);
  // people, houses, places and things of the street, then the live events moved through the loop
  const population =
    o.population === false
      ? null
      : await generatePopulation(ctx, { seed: o.seed, scale: o.scale, people: o.people });
  const live = await generateLiveEvents(ctx, [codes.grids[0]![0]!, codes.grids[1]![0]!]);
  const summary = {
    scale: o.scale,
    seed: o.seed,
    areas: rows.length,
    departments: DEPARTMENTS.length,
    users: DEMO_ACCOUNTS.length,
    population,
    events: live,
  };
  await ctx.tx.insert(settings).values({ key: "demo", value: summary }).onConflictDoNothing();
  await recordAudit(ctx, { action: "demo.generated", after: summary });
  return summary;
}
