/**
 * The places of a demo community: shops, restaurants and bars (涉酒场所) at rates per resident, each
 * bar with its safety manager (平安经理), restaurants and shops often with one; colour ratings with a
 * few red and yellow; the fire things that go with them (gas cylinders in kitchens, extinguishers,
 * smoke sensors in bars) and the community's micro fire station.
 */
import { placeRow, type PlaceInput } from "../modules/registry/place-input";
import type { CommunityPlan } from "./population-community";
import {
  BAR_NAMES,
  creditCode,
  givenName,
  mobile,
  RESTAURANT_NAMES,
  ROADS,
  SHOP_BRANDS,
  SHOP_NAMES,
  surname,
  type Rng,
} from "./population-names";
import { pointIn, shiftDay, type Sink } from "./population-sink";

const KINDS: { kind: "shop" | "restaurant" | "bar"; perPeople: number; names: string[]; manager: number }[] =
  [
    { kind: "shop", perPeople: 120, names: SHOP_NAMES, manager: 0.3 },
    { kind: "restaurant", perPeople: 250, names: RESTAURANT_NAMES, manager: 0.6 },
    { kind: "bar", perPeople: 900, names: BAR_NAMES, manager: 1 },
  ];

/** Adds a community's places, their things and its micro fire station. */
export async function buildPlaces(sink: Sink, r: Rng, plan: CommunityPlan, people: number): Promise<void> {
  const now = sink.ctx.clock.now();
  const first = plan.microGrids[0]!;
  const station = pointIn(r, first.box);
  sink.things.push({
    id: sink.uuid(),
    kind: "micro_fire_station",
    label: `${plan.community.name}微型消防站`,
    ...station,
    address: `${plan.streetName}${plan.community.name}居委会`,
    installedOn: shiftDay(sink.today, -r.int(400, 2000)),
    lastInspectedOn: shiftDay(sink.today, -r.int(0, 25)),
    nextInspectionOn: shiftDay(sink.today, r.int(5, 30)),
    attrs: {
      staff: r.int(5, 8),
      equipment: ["灭火器", "消防水带", "破拆工具", "防毒面具", "对讲机"],
      onDuty: "24小时",
    },
    areaId: first.id,
    areaPath: first.path,
    createdAt: now,
    updatedAt: now,
  });
  sink.counts.things++;
  for (const k of KINDS) {
    const n = Math.max(k.kind === "bar" ? 1 : 2, Math.round(people / k.perPeople));
    for (let i = 0; i < n; i++) {
      const grid = r.pick(plan.microGrids);
      const where = { areaId: grid.id, areaPath: grid.path };
      const p = pointIn(r, grid.box);
      const roll = r.next();
      const risky = k.kind === "bar" ? 2.5 : 1;
      const colour = roll < 0.03 * risky ? "red" : roll < 0.13 * risky ? "yellow" : "green";
      const input: PlaceInput = {
        name: `${r.pick(SHOP_BRANDS)}${r.pick(k.names)}${i >= 10 ? `（${r.pick(ROADS)}店）` : ""}`,
        kind: k.kind,
        creditCode:
          r.next() < 0.8 ? creditCode(sink.counts.places + 1, k.kind !== "bar" && r.next() < 0.6) : undefined,
        address: `${r.pick(ROADS)}${r.int(1, 999)}号`,
        ...p,
        responsibleName: surname(r) + givenName(r, r.next() < 0.6, 1975),
        responsiblePhone: mobile(r),
        colour,
        employees: k.kind === "shop" ? r.int(1, 6) : r.int(3, 30),
      };
      if (r.next() < k.manager) {
        input.safetyManagerName = surname(r) + givenName(r, r.next() < 0.6, 1980);
        input.safetyManagerPhone = mobile(r);
      }
      const id = sink.uuid();
      const since = shiftDay(sink.today, -r.int(10, 600));
      sink.places.push({
        ...placeRow(sink.ctx.keyring, input),
        id,
        colourSince: since,
        ...where,
        createdAt: now,
        updatedAt: now,
      });
      sink.ratings.push({
        subjectType: "place",
        subjectId: id,
        kind: "colour",
        value: colour,
        reason:
          colour === "green"
            ? "例行检查合格"
            : colour === "yellow"
              ? "存在消防通道堵塞等问题，限期整改"
              : "多次违规经营，重点管控",
        ratedAt: new Date(`${since}T15:00:00+08:00`),
      });
      sink.counts.places++;
      if (k.kind === "bar") sink.counts.bars++;
      const thing = (kind: string, label: string, extra: Record<string, unknown> = {}) => {
        sink.things.push({
          id: sink.uuid(),
          kind,
          label,
          ...p,
          address: input.address,
          placeId: id,
          installedOn: shiftDay(sink.today, -r.int(60, 1500)),
          lastInspectedOn: shiftDay(sink.today, -r.int(0, 45)),
          nextInspectionOn: shiftDay(sink.today, r.int(-15, 30)),
          ...where,
          createdAt: now,
          updatedAt: now,
          ...extra,
        });
        sink.counts.things++;
      };
      thing("extinguisher", `${input.name}灭火器`, { serial: `MFZ-${id.slice(0, 8)}` });
      if (k.kind === "restaurant")
        for (let c = r.int(2, 4); c > 0; c--)
          thing("gas_cylinder", "液化石油气钢瓶 15kg", {
            serial: `NBRQ${id.slice(0, 6)}${c}`,
            attrs: { sizeKg: 15, supplier: "宁波燃气" },
          });
      if (k.kind === "bar") {
        const device = `YG${String(sink.counts.things + 1).padStart(8, "0")}`;
        thing("smoke_sensor", `${input.name}烟感`, {
          serial: device,
          deviceId: device,
          attrs: { vendor: "NB-IoT", battery: r.int(40, 100) },
        });
      }
    }
  }
}
