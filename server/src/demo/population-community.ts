/**
 * One community of the demo population: its residential compounds, buildings, houses and
 * households grid by grid, its places and things, and (through population-key-persons) the key
 * persons among its residents.
 */
import { personRow, type PersonInput } from "../modules/registry/person-input";
import type { Box } from "./geometry";
import { maybeKeyPerson } from "./population-key-persons";
import {
  COMPOUNDS,
  IdAllocator,
  givenName,
  mobile,
  ORIGINS,
  ROADS,
  surname,
  type Rng,
} from "./population-names";
import { newBuilding, smokeSensor, type Building } from "./population-buildings";
import { buildPlaces } from "./population-places";
import { shiftDay, type Sink } from "./population-sink";

export interface CommunityPlan {
  community: { id: string; code: string; name: string; path: string };
  streetName: string;
  microGrids: { id: string; code: string; path: string; box: Box; people: number }[];
}

interface Where {
  areaId: string;
  areaPath: string;
}

const ids = new WeakMap<Sink, IdAllocator>();
const allocator = (sink: Sink) => {
  let a = ids.get(sink);
  if (!a) ids.set(sink, (a = new IdAllocator()));
  return a;
};

/** A birth date for an age in whole years on `today`. */
function birthFor(r: Rng, today: string, age: number): string {
  const days = Math.floor(age * 365.25 + r.next() * 364);
  return shiftDay(today, -days);
}

/** Generates a community; flushes as people gather. */
export async function buildCommunity(sink: Sink, r: Rng, plan: CommunityPlan): Promise<void> {
  const people = plan.microGrids.reduce((s, m) => s + m.people, 0);
  await buildPlaces(sink, r, plan, people);
  for (const [gi, grid] of plan.microGrids.entries()) {
    const where = { areaId: grid.id, areaPath: grid.path };
    const compound = `${COMPOUNDS[(gi + plan.community.code.length) % COMPOUNDS.length]}${gi >= COMPOUNDS.length ? `${Math.floor(gi / COMPOUNDS.length) + 1}期` : ""}`;
    const road = ROADS[gi % ROADS.length]!;
    const owners: string[] = [];
    let building: Building | undefined;
    let buildingNo = 0;
    let household = 0;
    let made = 0;
    const nextHouse = (rented: boolean, group: boolean, ownerId: string | null) => {
      if (!building || building.next >= building.units * building.perFloor * building.floors) {
        buildingNo++;
        building = newBuilding(
          sink,
          r,
          where,
          grid.box,
          `${compound}${buildingNo}幢`,
          `${road}${100 + gi * 20 + buildingNo}号`,
        );
      }
      const i = building.next++;
      const unit = Math.floor(i / (building.perFloor * building.floors)) + 1;
      const floor = Math.floor((i % (building.perFloor * building.floors)) / building.perFloor) + 1;
      const room = `${floor}${String((i % building.perFloor) + 1).padStart(2, "0")}`;
      const id = sink.uuid();
      sink.houses.push({
        id,
        buildingId: building.id,
        address: `${plan.streetName}${plan.community.name}${building.name}`,
        unit: `${unit}单元`,
        room,
        lat: building.lat,
        lng: building.lng,
        ownerPersonId: ownerId,
        landlordPersonId: rented ? ownerId : null,
        use: "residential",
        floorArea: Math.round(45 + r.next() * 95),
        isRented: rented,
        isGroupRental: group,
        ...where,
        createdAt: sink.ctx.clock.now(),
        updatedAt: sink.ctx.clock.now(),
      });
      sink.counts.houses++;
      if (rented) sink.counts.rented++;
      if (group) sink.counts.groupRentals++;
      return {
        id,
        address: `宁波市鄞州区${plan.streetName}${plan.community.name}${building.name}${unit}单元${room}室`,
      };
    };

    while (made < grid.people) {
      const roll = r.next();
      const landlord = owners.length > 0 ? r.pick(owners) : null;
      if (landlord && roll < 0.25) {
        const group = r.next() < 0.035;
        const house = nextHouse(true, group, landlord);
        const n = group ? r.int(6, 10) : r.int(1, 3);
        const origin = r.pick(ORIGINS);
        for (let k = 0; k < n; k++) {
          const id = addPerson(sink, r, where, house, {
            age: r.int(19, 50),
            male: r.next() < (group ? 0.8 : 0.55),
            origin,
          });
          sink.tenancies.push({
            houseId: house.id,
            personId: id,
            startOn: shiftDay(sink.today, -r.int(30, 900)),
            createdAt: sink.ctx.clock.now(),
          });
        }
        made += n;
      } else if (roll < 0.31) {
        const id = sink.uuid();
        const house = nextHouse(false, false, id);
        const code = `${grid.code}-${++household}`;
        addPerson(sink, r, where, house, {
          id,
          age: r.int(70, 92),
          male: r.next() < 0.35,
          livesAlone: true,
          household: code,
          relation: "02",
        });
        addHousehold(sink, where, code, house, id);
        // an old person living alone gets a connected smoke sensor
        sink.things.push(smokeSensor(sink, r, where, house, building!));
        owners.push(id);
        made += 1;
      } else {
        made += addFamily(sink, r, where, nextHouse, `${grid.code}-${++household}`, owners);
      }
      await sink.maybeFlush();
    }
  }
}

interface PersonSpec {
  id?: string;
  age: number;
  male: boolean;
  name?: string;
  surname?: string;
  origin?: { code: string; name: string };
  livesAlone?: boolean;
  household?: string;
  relation?: string;
}

/** Adds a person (registered, or floating when they have an origin); returns their id. */
function addPerson(
  sink: Sink,
  r: Rng,
  where: Where,
  house: { id: string; address: string },
  p: PersonSpec,
): string {
  const id = p.id ?? sink.uuid();
  const region = p.origin ? p.origin.code : "330212";
  const { id: idNumber, birth } = allocator(sink).allocate(region, birthFor(r, sink.today, p.age), p.male);
  const name = p.name ?? (p.surname ?? surname(r)) + givenName(r, p.male, Number(birth.slice(0, 4)));
  const floating = p.origin
    ? (() => {
        const roll = r.next();
        // most permits run a year from their last renewal; some lapsed, some expire within a month
        const expires = shiftDay(
          sink.today,
          roll < 0.05 ? -r.int(1, 60) : roll < 0.15 ? r.int(0, 30) : r.int(31, 365),
        );
        return {
          reason: r.pick(["01", "01", "01", "01", "02", "02", "05", "06"]),
          permitType: r.next() < 0.9 ? "01" : "02",
          registeredOn: shiftDay(expires, -365),
          permitExpiresOn: expires,
          origin: p.origin.name,
        };
      })()
    : undefined;
  const input: PersonInput = {
    name,
    idNumber,
    phone: p.age >= 14 ? mobile(r) : undefined,
    ethnicity: r.next() < 0.97 ? "01" : r.pick(["03", "08", "11", "15"]),
    maritalStatus: p.age < 22 ? "10" : p.age > 75 && r.next() < 0.4 ? "30" : "20",
    education: p.age < 7 ? undefined : r.pick(["20", "30", "60", "70", "80"]),
    hukouDivision: region,
    hukouAddress: p.origin
      ? `${p.origin.name}${r.pick(["城关镇", "新华村", "李庄村", "河口镇", "东湖村"])}`
      : house.address,
    currentAddress: house.address,
    houseId: house.id,
    residentType: p.origin ? "floating" : "registered",
    floating,
    livesAlone: p.livesAlone ?? false,
    occupation:
      p.age >= 18 && p.age < 60
        ? r.pick(["职员", "个体经营", "工人", "教师", "司机", "快递员", "服务员", "自由职业"])
        : undefined,
  };
  const row = personRow(sink.ctx.keyring, input, sink.today);
  sink.persons.push({
    ...row,
    id,
    householdId: null,
    ...where,
    createdAt: sink.ctx.clock.now(),
    updatedAt: sink.ctx.clock.now(),
  });
  sink.counts.persons++;
  if (p.origin) sink.counts.floating++;
  if (p.livesAlone) sink.counts.livesAlone++;
  if (p.household) {
    const person = sink.persons[sink.persons.length - 1]!;
    person.householdId = householdIdOf(sink, p.household);
    // children belong from birth; the others joined on some day since they were 20
    const relation = p.relation ?? "02";
    const adult = shiftDay(birth, 7305);
    const since = shiftDay(sink.today, -r.int(100, 9000));
    const joinedOn = /^[23]/.test(relation)
      ? birth
      : since > adult
        ? since
        : adult < sink.today
          ? adult
          : sink.today;
    sink.members.push({ householdId: person.householdId, personId: id, relation, joinedOn });
  }
  maybeKeyPerson(sink, r, where, { id, name, age: p.age, male: p.male });
  return id;
}

const householdIds = new WeakMap<Sink, Map<string, string>>();
function householdIdOf(sink: Sink, code: string): string {
  let m = householdIds.get(sink);
  if (!m) householdIds.set(sink, (m = new Map()));
  let id = m.get(code);
  if (!id) {
    if (m.size > 1_000) m.clear(); // only the household being built is looked up
    m.set(code, (id = sink.uuid()));
  }
  return id;
}

function addHousehold(
  sink: Sink,
  where: Where,
  code: string,
  house: { id: string; address: string },
  headId: string,
) {
  sink.households.push({
    id: householdIdOf(sink, code),
    code,
    houseId: house.id,
    address: house.address,
    headPersonId: headId,
    ...where,
    createdAt: sink.ctx.clock.now(),
    updatedAt: sink.ctx.clock.now(),
  });
  sink.counts.households++;
}

/** A registered family of 2–5 in their own home: head, spouse, children, sometimes a grandparent. */
function addFamily(
  sink: Sink,
  r: Rng,
  where: Where,
  nextHouse: (rented: boolean, group: boolean, ownerId: string | null) => { id: string; address: string },
  code: string,
  owners: string[],
): number {
  const headId = sink.uuid();
  const house = nextHouse(false, false, headId);
  const headAge = r.int(28, 72);
  const family = surname(r);
  const headMale = r.next() < 0.8;
  addPerson(sink, r, where, house, {
    id: headId,
    age: headAge,
    male: headMale,
    surname: family,
    household: code,
    relation: "02",
  });
  addHousehold(sink, where, code, house, headId);
  owners.push(headId);
  if (owners.length > 200) owners.shift();
  let n = 1;
  const size = r.pick([2, 2, 3, 3, 3, 3, 4, 4, 5]);
  if (n < size) {
    addPerson(sink, r, where, house, {
      age: Math.max(22, headAge + r.int(-5, 3)),
      male: !headMale,
      household: code,
      relation: headMale ? "12" : "11",
    });
    n++;
  }
  const kids = Math.min(size - n - (size >= 5 ? 1 : 0), 3);
  for (let k = 0; k < kids; k++) {
    const male = r.next() < 0.52;
    const age = Math.max(0, headAge - r.int(24, 34));
    addPerson(sink, r, where, house, {
      age,
      male,
      surname: family,
      household: code,
      relation: male ? "20" : "30",
    });
    n++;
  }
  if (n < size) {
    const male = r.next() < 0.4;
    addPerson(sink, r, where, house, {
      age: Math.min(95, headAge + r.int(24, 30)),
      male,
      surname: male ? family : undefined,
      household: code,
      relation: male ? "51" : "52",
    });
    n++;
  }
  return n;
}
