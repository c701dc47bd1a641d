import { hasRole, systemActor } from "../../core/actor";
import { recordAudit } from "../../core/audit";
import type { Ctx } from "../../core/context";
import { forbidden, invalid } from "../../core/errors";
import { loadEventConfig } from "./event-config";
import { unknownAlarmKind, unknownDevice } from "./events.errors";
import * as repo from "./events.repo";
import { eventNo } from "./present-event";
import { reportEvent } from "./report-event";

export interface AlarmInput {
  deviceId: string;
  kind: string;
  at: string;
  value?: number | string | null;
}

/** What the device gateway gets back: enough to correlate, nothing about people. */
export interface AlarmAck {
  id: string;
  no: string;
  created: boolean;
  state: string;
  category: string;
  urgency: string;
  area: { code: string; name: string } | null;
  deadline: string | null;
}

/**
 * An IoT alarm (smoke, gas…) from a device gateway authenticated by an API key: finds the registered
 * thing by its device id and raises an event of the configured category and urgency at its location,
 * linked to the thing and its place or house; routed like any other (to the fire micro-station and the
 * grid worker at once by default). Idempotent on (deviceId, at).
 */
export async function receiveAlarm(ctx: Ctx, input: AlarmInput): Promise<AlarmAck> {
  if (ctx.actor.via !== "api_key" && !hasRole(ctx.actor, "admin")) throw forbidden();
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) throw invalid("at", "报警时间格式不正确", "at is not a valid time");
  const config = await loadEventConfig(ctx.tx);
  const mapping = config.routing.iot[input.kind];
  if (!mapping || !Object.hasOwn(config.routing.iot, input.kind)) throw unknownAlarmKind(input.kind);
  const thing = await repo.thingByDevice(ctx.tx, input.deviceId);
  if (!thing) throw unknownDevice(input.deviceId);
  const area = await repo.areaById(ctx.tx, thing.areaId);
  const now = ctx.clock.now();
  const links: { type: repo.LinkType; id: string; role: string }[] = [
    { type: "thing", id: thing.id, role: "source" },
  ];
  if (thing.placeId) links.push({ type: "place", id: thing.placeId, role: "location" });
  if (thing.houseId) links.push({ type: "house", id: thing.houseId, role: "location" });
  const where = thing.label ?? thing.address ?? thing.deviceId ?? "";
  const value = input.value === undefined || input.value === null ? "" : `，读数 ${String(input.value)}`;
  // raised by the system on the gateway's behalf: a device is no resident, and its source is fixed
  const result = await reportEvent(
    { ...ctx, actor: systemActor },
    {
      category: mapping.category,
      urgency: mapping.urgency,
      source: "iot",
      sourceRef: `${input.deviceId}@${at.toISOString()}`,
      title: `${mapping.name.zh}：${where}`.slice(0, 200),
      description: `${mapping.name.zh}（设备 ${input.deviceId}${value}），报警时间 ${at.toISOString()}`,
      areaCode: area?.code,
      ...(thing.lat !== null && thing.lng !== null ? { lat: thing.lat, lng: thing.lng } : {}),
      address: thing.address ?? (area ? undefined : where),
      links,
      reportedAt: at.getTime() <= now.getTime() ? at : now,
      createdBy: ctx.actor.userId,
    },
  );
  if (result.created)
    await recordAudit(ctx, {
      action: "event.iot_alarm",
      subjectType: "event",
      subjectId: result.id,
      after: { deviceId: input.deviceId, kind: input.kind, at: at.toISOString() },
    });
  const row = (await repo.findById(ctx.tx, result.id))!;
  return {
    id: result.id,
    no: eventNo(row, ctx.services.config.timeZone),
    created: result.created,
    state: result.state,
    category: result.category.code,
    urgency: result.urgency,
    area: result.area ? { code: result.area.code, name: result.area.name } : null,
    deadline: result.deadline,
  };
}
