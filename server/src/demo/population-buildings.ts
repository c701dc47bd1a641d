/**
 * Buildings of the demo population: ordinary blocks of 5–7 floors and high-rises of 18–32 floors
 * with a safety star rating (高楼安全星级) and its criteria, extinguishers at the stairs, and the
 * connected smoke sensors of old people living alone.
 */
import type { Box } from "./geometry";
import type { Rng } from "./population-names";
import { pointIn, shiftDay, type Sink } from "./population-sink";

interface Where {
  areaId: string;
  areaPath: string;
}

/** A building being filled with houses: where the next house goes. */
export interface Building {
  id: string;
  name: string;
  lat: number;
  lng: number;
  units: number;
  perFloor: number;
  floors: number;
  next: number;
}

/** A new building in the box; high-rises get their star rating. */
export function newBuilding(
  sink: Sink,
  r: Rng,
  where: Where,
  box: Box,
  name: string,
  address: string,
): Building {
  const high = r.next() < 0.15;
  const floors = high ? r.int(18, 32) : r.int(5, 7);
  const p = pointIn(r, box);
  const id = sink.uuid();
  const stars = high ? [1, 2, 3, 3, 4, 4, 4, 5, 5][r.int(0, 8)]! : null;
  const ratedOn = high ? shiftDay(sink.today, -r.int(20, 400)) : null;
  sink.buildings.push({
    id,
    name,
    address,
    ...p,
    floors,
    isHighRise: high,
    starRating: stars,
    ratedOn,
    ...where,
    createdAt: sink.ctx.clock.now(),
    updatedAt: sink.ctx.clock.now(),
  });
  if (high) {
    sink.counts.highRises++;
    sink.ratings.push({
      subjectType: "building",
      subjectId: id,
      kind: "stars",
      value: String(stars),
      criteria: {
        fireExits: stars! >= 2,
        sprinklers: stars! >= 3,
        smokeSensors: stars! >= 3,
        propertyPatrols: stars! >= 4,
        drills: stars! >= 5,
      },
      reason: "高楼安全星级评定",
      ratedAt: new Date(`${ratedOn}T10:00:00+08:00`),
    });
  }
  for (let k = 0; k < 2; k++)
    sink.things.push({
      id: sink.uuid(),
      kind: "extinguisher",
      label: `${name}${k + 1}楼梯口灭火器`,
      serial: `MFZ-${id.slice(0, 6)}-${k}`,
      ...p,
      buildingId: id,
      installedOn: shiftDay(sink.today, -r.int(100, 1500)),
      lastInspectedOn: shiftDay(sink.today, -r.int(0, 40)),
      nextInspectionOn: shiftDay(sink.today, r.int(-10, 30)),
      ...where,
      createdAt: sink.ctx.clock.now(),
      updatedAt: sink.ctx.clock.now(),
    });
  sink.counts.buildings++;
  sink.counts.things += 2;
  return { id, name, ...p, units: high ? 2 : r.int(2, 3), perFloor: high ? 4 : 2, floors, next: 0 };
}

/** A connected smoke sensor (with the device id its alarms carry) in a house. */
export function smokeSensor(
  sink: Sink,
  r: Rng,
  where: Where,
  house: { id: string; address: string },
  b: Building,
) {
  sink.counts.things++;
  const device = `YG${String(sink.counts.things).padStart(8, "0")}`;
  return {
    id: sink.uuid(),
    kind: "smoke_sensor",
    label: "独居老人家中烟感",
    serial: device,
    lat: b.lat,
    lng: b.lng,
    address: house.address,
    houseId: house.id,
    deviceId: device,
    installedOn: shiftDay(sink.today, -r.int(30, 700)),
    lastInspectedOn: shiftDay(sink.today, -r.int(0, 90)),
    nextInspectionOn: shiftDay(sink.today, r.int(0, 90)),
    attrs: { vendor: "NB-IoT", battery: r.int(40, 100) },
    ...where,
    createdAt: sink.ctx.clock.now(),
    updatedAt: sink.ctx.clock.now(),
  };
}
