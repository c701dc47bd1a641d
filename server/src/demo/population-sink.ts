/**
 * Where the demo population's rows gather before they are written: one buffer per table, flushed
 * in dependency order with bulk inserts (COPY on PGlite) whenever a few thousand people are ready.
 */
import type { Ctx } from "../core/context";
import {
  buildings,
  carePlanActions,
  carePlans,
  householdMembers,
  households,
  houses,
  keyPersonHelpers,
  keyPersons,
  persons,
  places,
  ratings,
  tenancies,
  things,
  visits,
} from "../db/schema";
import { insertMany } from "../modules/registry/import/bulk";
import type { Box } from "./geometry";
import type { Rng } from "./population-names";
import { rng } from "./random";

/** People gathered before a flush. */
const FLUSH_PEOPLE = 2_000;

type Rows<T extends { $inferInsert: unknown }> = T["$inferInsert"][];

/** A deterministic v4-shaped UUID source. */
export function uuidFrom(r: Rng): () => string {
  const ids = rng(Math.floor(r.next() * 2 ** 31));
  const hex = () =>
    Math.floor(ids.next() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return () => {
    const [a, b, c, d] = [hex(), hex(), hex(), hex()];
    const variant = (8 + (parseInt(c[0]!, 16) & 3)).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  };
}

/** The bounding box of a polygon's outer ring. */
export function bboxOf(geometry: unknown): Box {
  const ring = (geometry as { coordinates: number[][][] }).coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return { west: Math.min(...xs), east: Math.max(...xs), south: Math.min(...ys), north: Math.max(...ys) };
}

export class Sink {
  persons: Rows<typeof persons> = [];
  households: Rows<typeof households> = [];
  members: Rows<typeof householdMembers> = [];
  buildings: Rows<typeof buildings> = [];
  houses: Rows<typeof houses> = [];
  tenancies: Rows<typeof tenancies> = [];
  places: Rows<typeof places> = [];
  ratings: Rows<typeof ratings> = [];
  things: Rows<typeof things> = [];
  keyPersons: Rows<typeof keyPersons> = [];
  helpers: Rows<typeof keyPersonHelpers> = [];
  plans: Rows<typeof carePlans> = [];
  actions: Rows<typeof carePlanActions> = [];
  visits: Rows<typeof visits> = [];

  readonly counts = {
    persons: 0,
    floating: 0,
    livesAlone: 0,
    households: 0,
    buildings: 0,
    highRises: 0,
    houses: 0,
    rented: 0,
    groupRentals: 0,
    places: 0,
    bars: 0,
    things: 0,
    keyPersons: 0,
    keyYouth: 0,
    releasedPrisoners: 0,
    severeMentalDisorder: 0,
    carePlans: 0,
    visits: 0,
    overdueVisits: 0,
  };

  constructor(
    readonly ctx: Ctx,
    readonly uuid: () => string,
    /** YYYY-MM-DD where the centre is. */
    readonly today: string,
  ) {}

  /** Writes what has gathered once enough people are ready. */
  async maybeFlush(): Promise<void> {
    if (this.persons.length >= FLUSH_PEOPLE) await this.flush();
  }

  /** Writes every buffer, referenced tables first, and empties them. */
  async flush(): Promise<void> {
    const tx = this.ctx.tx;
    await insertMany(tx, buildings, this.buildings);
    await insertMany(tx, persons, this.persons);
    await insertMany(tx, houses, this.houses);
    await insertMany(tx, households, this.households);
    await insertMany(tx, householdMembers, this.members);
    await insertMany(tx, tenancies, this.tenancies);
    await insertMany(tx, places, this.places);
    await insertMany(tx, ratings, this.ratings);
    await insertMany(tx, things, this.things);
    await insertMany(tx, keyPersons, this.keyPersons);
    await insertMany(tx, keyPersonHelpers, this.helpers);
    await insertMany(tx, carePlans, this.plans);
    await insertMany(tx, carePlanActions, this.actions);
    await insertMany(tx, visits, this.visits);
    this.persons = [];
    this.households = [];
    this.members = [];
    this.buildings = [];
    this.houses = [];
    this.tenancies = [];
    this.places = [];
    this.ratings = [];
    this.things = [];
    this.keyPersons = [];
    this.helpers = [];
    this.plans = [];
    this.actions = [];
    this.visits = [];
  }
}

/** A day `days` after (or before) a YYYY-MM-DD date. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A point inside a box, kept off its edges. */
export function pointIn(r: Rng, b: Box): { lat: number; lng: number } {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    lng: round(b.west + (b.east - b.west) * (0.05 + 0.9 * r.next())),
    lat: round(b.south + (b.north - b.south) * (0.05 + 0.9 * r.next())),
  };
}
