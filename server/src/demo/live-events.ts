import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../core/actor";
import type { Ctx } from "../core/context";
import { areas, departments } from "../db/schema";
import { actOnEvent } from "../modules/events/act-on-event";
import { reportEvent, type ReportInput } from "../modules/events/report-event";
import type { EventView } from "../modules/events/present-event";
import { actorFor, findByUsername } from "../modules/users/users.repo";

type Step = { as: string; action: string; part?: "own" | "first" } & Record<string, unknown>;

interface Scenario {
  reporter: string;
  /** Hours before now that it was reported (feeds and desk only: staff may back-date). */
  hoursAgo?: number;
  input: Omit<ReportInput, "areaCode"> & { grid?: number };
  steps: Step[];
}

/**
 * The demo street's live events, raised and moved through the real closed loop by the demo accounts:
 * some waiting at the desk, some with units, one overdue, some closed and rated, so every screen
 * (board, tasks, supervision, KPIs, files) has something true to show on first start.
 */
const SCENARIOS: Scenario[] = [
  {
    reporter: "demo-resident",
    input: {
      category: "0101",
      description: "小区东门垃圾桶满溢，周边有暴露垃圾，气味很大",
      source: "resident",
    },
    steps: [],
  },
  {
    reporter: "demo-grid-worker",
    input: { category: "0108", description: "夜间KTV噪声扰民，居民多次反映", urgency: "normal" },
    steps: [{ as: "demo-dispatcher", action: "accept" }],
  },
  {
    reporter: "demo-volunteer",
    input: { category: "0902", description: "3幢楼道内电动车违规充电，飞线拉到一楼", source: "volunteer" },
    steps: [
      { as: "demo-dispatcher", action: "accept" },
      { as: "demo-dispatcher", action: "dispatch" },
    ],
  },
  {
    reporter: "demo-dispatcher",
    hoursAgo: 24 * 9,
    input: {
      category: "0304",
      description: "沿街商铺违规搭建雨棚，占用人行道",
      source: "hotline_12345",
      sourceRef: "12345-DEMO-0001",
    },
    steps: [{ as: "demo-dispatcher", action: "dispatch" }],
  },
  {
    reporter: "demo-dispatcher",
    hoursAgo: 30,
    input: {
      category: "1603",
      description: "居民来电：楼道声控灯坏了，请网格员帮忙联系物业维修",
      source: "hotline_12345",
      sourceRef: "12345-DEMO-0002",
    },
    // a small matter stays in the grid (小事不出格): the grid worker fixes it and the centre checks
    steps: [
      { as: "demo-grid-worker", action: "handle_in_grid", result: "已联系物业更换声控灯" },
      { as: "demo-dispatcher", action: "verify", ok: true, note: "电话回访属实" },
      { as: "demo-dispatcher", action: "close" },
    ],
  },

  {
    reporter: "demo-resident",
    hoursAgo: 0,
    input: { category: "0201", description: "单元门口被贴满小广告", source: "resident" },
    steps: [
      { as: "demo-grid-worker", action: "handle_in_grid", result: "已清除小广告" },
      { as: "demo-dispatcher", action: "verify", ok: true, note: "照片核实" },
      { as: "demo-dispatcher", action: "close" },
      { as: "demo-resident", action: "evaluate", satisfaction: "satisfied", comment: "处理很快" },
    ],
  },
  {
    reporter: "demo-grid-worker",
    input: { category: "0602", description: "人行道井盖破损松动，存在安全隐患", grid: 1 },
    steps: [
      { as: "demo-dispatcher", action: "accept" },
      { as: "demo-dispatcher", action: "dispatch" },
      { as: "demo-handler", action: "accept_part", part: "own" },
    ],
  },
];

async function actorNamed(ctx: Ctx, username: string): Promise<Actor> {
  const user = await findByUsername(ctx.tx, username);
  if (!user) throw new Error(`demo account ${username} is missing`);
  return actorFor(ctx.tx, user, "token");
}

/** Raises the demo's live events through the loop; answers how many events and actions it made. */
export async function generateLiveEvents(
  ctx: Ctx,
  gridCodes: string[],
): Promise<{ events: number; actions: number }> {
  const grids = await ctx.tx.select().from(areas).where(inArray(areas.code, gridCodes));
  const urban = await ctx.tx.select().from(departments).where(eq(departments.kind, "urban"));
  let actions = 0;
  for (const s of SCENARIOS) {
    const grid = grids.find((g) => g.code === gridCodes[s.input.grid ?? 0]) ?? grids[0]!;
    const reporter = await actorNamed(ctx, s.reporter);
    const { grid: _grid, ...input } = s.input;
    void _grid;
    const at = new Date(ctx.clock.now().getTime() - (s.hoursAgo ?? 2) * 3_600_000);
    const staffReport = reporter.roles.some((r) => r !== "resident" && r !== "volunteer");
    // a back-dated matter was also handled back then: its steps run on a clock standing at that time
    const then: Ctx = s.hoursAgo ? { ...ctx, clock: { now: () => new Date(at.getTime() + 3_600_000) } } : ctx;
    let event: EventView = await reportEvent(
      { ...then, actor: reporter },
      {
        ...input,
        lat: grid.centerLat ?? undefined,
        lng: grid.centerLng ?? undefined,
        ...(staffReport && s.hoursAgo ? { reportedAt: at } : {}),
      },
    );
    for (const step of s.steps) {
      const actor = await actorNamed(ctx, step.as);
      const { as: _as, part, ...body } = step;
      void _as;
      const extra: Record<string, unknown> = {};
      if (step.action === "dispatch" && !event.parts?.length && urban[0]) {
        // routing picks the units; the demo's city-management matters go to the urban team
        if (!String(input.category).startsWith("09")) extra.units = [{ departmentId: urban[0].id }];
      }
      if (part) {
        const mine = event.parts?.find((p) => p.department?.id === actor.departmentId) ?? event.parts?.[0];
        if (mine) extra.partId = mine.id;
      }
      event = await actOnEvent({ ...then, actor }, event.id, {
        ...(body as { action: string }),
        ...extra,
        version: event.version,
      });
      actions++;
    }
  }
  return { events: SCENARIOS.length, actions };
}
