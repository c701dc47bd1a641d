import { LEVELS, type Level } from "./event-config-types";
import { budgetWindow, type EventSla } from "./event-clock";
import { escalationNotUp, noUnits, returnLimit, unitInvalid } from "./events.errors";
import type { ActionHandler, Step } from "./event-step";
import { lastDispatcher, partUnits } from "./event-step";
import * as units from "./units.repo";
import * as repo from "./events.repo";
import { resolveUnits, routeEvent, type ResolvedUnit } from "./routing";

/** 受理: the desk takes the matter on; a rule marked autoDispatch sends it on at once. */
export const acceptEvent: ActionHandler = async (s) => {
  const route = await routeEvent(s.ctx.tx, s.config, s.event);
  const auto =
    route.autoDispatch &&
    s.event.areaPath !== null &&
    (await resolveUnits(s.ctx.tx, s.event.areaPath, route.units, s.today)).length > 0;
  return {
    changes: { acceptedAt: s.now, handlingLevel: s.event.handlingLevel ?? route.level },
    data: { rule: route.ruleId, level: route.level },
    then: auto ? { action: "dispatch" } : undefined,
  };
};

async function unitsFromBody(s: Step): Promise<ResolvedUnit[]> {
  const given = s.body.units ?? [];
  const depIds = given.map((u) => u.departmentId).filter((x): x is string => !!x);
  const userIds = given.map((u) => u.userId).filter((x): x is string => !!x);
  const deps = new Set((await units.departmentsByIds(s.ctx.tx, depIds)).map((d) => d.id));
  const users = new Set((await units.activeUsersByIds(s.ctx.tx, userIds)).map((u) => u.id));
  const seen = new Set<string>();
  const out: ResolvedUnit[] = [];
  given.forEach((u, i) => {
    if (Boolean(u.departmentId) === Boolean(u.userId))
      throw unitInvalid(
        `第 ${i + 1} 个单位须且只能指定 departmentId 或 userId 之一 / unit ${i + 1} needs exactly one of departmentId, userId`,
        `units.${i}`,
      );
    if (u.departmentId && !deps.has(u.departmentId))
      throw unitInvalid(
        `单位 ${u.departmentId} 不存在 / no department ${u.departmentId}`,
        `units.${i}.departmentId`,
      );
    if (u.userId && !users.has(u.userId))
      throw unitInvalid(`用户 ${u.userId} 不存在或已停用 / no active user ${u.userId}`, `units.${i}.userId`);
    const key = `${u.departmentId ?? ""}|${u.userId ?? ""}`;
    if (seen.has(key)) throw unitInvalid(`单位重复 / a unit is named twice`, `units.${i}`);
    seen.add(key);
    out.push({
      departmentId: u.departmentId ?? null,
      userId: u.userId ?? null,
      role: u.role ?? (i === 0 ? "lead" : "assist"),
      required: u.required ?? true,
    });
  });
  const leads = out.filter((u) => u.role === "lead").length;
  if (leads > 1) throw unitInvalid("只能有一个牵头单位 / only one lead unit", "units");
  if (leads === 0 && out.length) out[0] = { ...out[0]!, role: "lead", required: true };
  return out;
}

/**
 * 分派: sends the matter to one or more units at once (联动处置), each with a part of its own; the
 * units come from the body or, when it names none, from the routing rules. The handle clock starts.
 */
export const dispatchEvent: ActionHandler = async (s) => {
  const route = await routeEvent(s.ctx.tx, s.config, s.event);
  const units = s.body.units?.length
    ? await unitsFromBody(s)
    : await resolveUnits(s.ctx.tx, s.event.areaPath, route.units, s.today);
  if (units.length === 0) throw noUnits();
  const level: Level = s.body.level ?? (s.event.handlingLevel as Level | null) ?? route.level;
  const sla = s.event.sla as EventSla;
  const { deadline } = budgetWindow(s.cal, sla.policy, sla.policy.handle, s.now);
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  await repo.insertParts(
    s.ctx.tx,
    units.map((u) => ({
      eventId: s.event.id,
      departmentId: u.departmentId,
      assigneeUserId: u.userId,
      role: u.role,
      required: u.required,
      state: "pending",
      deadline,
      createdAt: s.now,
    })),
  );
  const lead = units.find((u) => u.role === "lead");
  const parts = units.map((u) => ({
    departmentId: u.departmentId,
    assigneeUserId: u.userId,
    state: "pending",
  }));
  return {
    changes: {
      dispatchedAt: s.now,
      dispatchCount: s.event.dispatchCount + 1,
      handlingLevel: level,
      assigneeUserId: lead?.userId ?? null,
      acceptedAt: s.event.acceptedAt ?? s.now,
    },
    data: { level, rule: s.body.units?.length ? null : route.ruleId, units },
    notices: [
      {
        kind: "event.dispatched",
        title: `新派遣事件：${s.event.title}`,
        body: `请在 ${deadline.toISOString()} 前处置 / handle by ${deadline.toISOString()}`,
        ...partUnits(parts as repo.PartWithNames[]),
      },
    ],
  };
};

/** 上报: sends the matter up the ladder; open parts are withdrawn and it waits for dispatch there. */
export const escalateEvent: ActionHandler = async (s) => {
  const level = s.body.level!;
  const current = s.event.handlingLevel as Level | null;
  if (current && LEVELS.indexOf(level) <= LEVELS.indexOf(current)) throw escalationNotUp(current, level);
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  return {
    changes: { handlingLevel: level, assigneeUserId: null, acceptedAt: s.event.acceptedAt ?? s.now },
    note: s.body.reason ?? s.body.note ?? null,
    data: { from: current, to: level },
    notices: [{ kind: "event.escalated", title: `事件上报至${level}：${s.event.title}` }],
  };
};

/** 退回: a unit sends the matter back to the desk, with a reason, a limited number of times. */
export const returnEvent: ActionHandler = async (s) => {
  if (s.event.returnCount >= s.config.states.maxReturns) throw returnLimit(s.config.states.maxReturns);
  await repo.withdrawOpenParts(s.ctx.tx, s.event.id);
  return {
    changes: { returnCount: s.event.returnCount + 1, assigneeUserId: null },
    note: s.body.reason,
    notices: [
      {
        kind: "event.returned",
        title: `事件被退回：${s.event.title}`,
        body: s.body.reason,
        userIds: await lastDispatcher(s.ctx.tx, s.event.id),
      },
    ],
  };
};
