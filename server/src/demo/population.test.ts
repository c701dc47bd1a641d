import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv, type TestEnv } from "../../test/services";
import { systemActor } from "../core/actor";
import { normalizeChinesePhone } from "../core/privacy";
import { queryRows } from "../db/database";
import * as areasRepo from "../modules/areas/areas.repo";
import { validateDocument } from "../modules/registry/codes/id-documents";
import { validateCreditCode } from "../modules/registry/codes/credit-code";
import { buildAreasForScale } from "./area-plans";
import { generatePopulation, type PopulationSummary } from "./population";

let env: TestEnv;
let summary: PopulationSummary;

async function seedAreas(e: TestEnv, seed: number) {
  const { rows } = buildAreasForScale("street", seed);
  for (let i = 0; i < rows.length; i += 500) await areasRepo.insert(e.db, rows.slice(i, i + 500));
}

beforeAll(async () => {
  env = await testEnv();
  await seedAreas(env, 3);
  summary = await env.as(systemActor, (ctx) => generatePopulation(ctx, { seed: 3, scale: "street" }));
}, 120_000);
afterAll(async () => {
  await env.close();
});

describe("the demo population of 东胜街道", () => {
  it("has about 5,000 people with valid, unique resident IDs and valid phones", async () => {
    expect(summary.persons).toBeGreaterThan(4_800);
    expect(summary.persons).toBeLessThan(5_300);
    const rows = await queryRows<{ id_enc: string; phone_enc: string | null; doc_type: string }>(
      env.db,
      sql`select id_enc, phone_enc, doc_type from persons`,
    );
    expect(rows).toHaveLength(summary.persons);
    const today = new Date().toISOString().slice(0, 10);
    const seen = new Set<string>();
    for (const r of rows) {
      const id = env.keyring.decrypt(r.id_enc);
      const check = validateDocument("resident_id", id, today);
      expect(check.ok, id).toBe(true);
      seen.add(id);
      if (r.phone_enc) expect(normalizeChinesePhone(env.keyring.decrypt(r.phone_enc))).toBeDefined();
    }
    expect(seen.size).toBe(rows.length);
  });

  it("groups registered residents into households of 1–5 with one head each; about a fifth are floating", async () => {
    const sizes = await queryRows<{ n: number; heads: number; head_ok: boolean }>(
      env.db,
      sql`select count(*)::int as n, count(*) filter (where m.relation = '02')::int as heads,
                 bool_and(h.head_person_id is not null) as head_ok
          from household_members m join households h on h.id = m.household_id group by m.household_id`,
    );
    expect(sizes.length).toBe(summary.households);
    expect(sizes.every((s) => s.n >= 1 && s.n <= 5 && s.heads === 1 && s.head_ok)).toBe(true);
    expect(sizes.filter((s) => s.n >= 2).length / sizes.length).toBeGreaterThan(0.8);
    const share = summary.floating / summary.persons;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.27);
    const [permits] = await queryRows<{ soon: number; none: number }>(
      env.db,
      sql`select count(*) filter (where permit_expires_on between current_date and current_date + 30)::int as soon,
                 count(*) filter (where resident_type = 'floating' and permit_expires_on is null)::int as none from persons`,
    );
    expect(permits!.soon).toBeGreaterThan(0);
    expect(permits!.none).toBe(0);
    const names = await queryRows<{ name: string }>(env.db, sql`select name from persons limit 200`);
    expect(names.every((n) => /^[\u4e00-\u9fa5]{2,4}$/.test(n.name))).toBe(true);
  });

  it("has rentals, group rentals, high-rises with stars, and points inside their areas", async () => {
    expect(summary.rented).toBeGreaterThan(0);
    expect(summary.groupRentals).toBeGreaterThan(0);
    expect(summary.highRises).toBeGreaterThan(0);
    const [stars] = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from buildings where is_high_rise and star_rating between 1 and 5`,
    );
    expect(stars!.n).toBe(summary.highRises);
    const outside = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*)::int as n from houses h join areas a on a.id = h.area_id
          where h.lng < (a.geometry->'coordinates'->0->0->>0)::float or h.lng > (a.geometry->'coordinates'->0->1->>0)::float
             or h.lat < (a.geometry->'coordinates'->0->0->>1)::float or h.lat > (a.geometry->'coordinates'->0->2->>1)::float`,
    );
    expect(outside[0]!.n).toBe(0);
  });

  it("has key persons of the three Dongsheng categories at 1–3 per thousand, with care plans and some overdue visits", async () => {
    for (const n of [summary.keyYouth, summary.releasedPrisoners, summary.severeMentalDisorder]) {
      expect(n / summary.persons).toBeGreaterThan(0.0005);
      expect(n / summary.persons).toBeLessThan(0.005);
    }
    const [kp] = await queryRows<{ plans: number; overdue: number; categories: string[] }>(
      env.db,
      sql`select (select count(*)::int from care_plans) as plans,
                 (select count(*)::int from visits where done_at is null and due_on < current_date) as overdue,
                 (select array_agg(distinct category order by category) from key_persons) as categories`,
    );
    expect(kp!.categories).toEqual(["01", "03", "06"]);
    expect(kp!.plans).toBe(summary.keyPersons);
    expect(kp!.overdue).toBeGreaterThan(0);
  });

  it("has shops, restaurants and bars with safety managers and colours, and the fire things", async () => {
    const places = await queryRows<{
      kind: string;
      colour: string;
      manager: string | null;
      credit_code: string | null;
    }>(env.db, sql`select kind, colour, safety_manager_name as manager, credit_code from places`);
    expect(new Set(places.map((p) => p.kind))).toEqual(new Set(["shop", "restaurant", "bar"]));
    expect(places.filter((p) => p.kind === "bar").every((p) => p.manager)).toBe(true);
    expect(places.some((p) => p.colour === "red") && places.some((p) => p.colour === "yellow")).toBe(true);
    expect(places.filter((p) => p.credit_code).every((p) => validateCreditCode(p.credit_code!).ok)).toBe(
      true,
    );
    const things = await queryRows<{ kind: string; n: number; devices: number }>(
      env.db,
      sql`select kind, count(*)::int as n, count(distinct device_id)::int as devices from things group by kind`,
    );
    const by = Object.fromEntries(things.map((t) => [t.kind, t]));
    expect(by.micro_fire_station!.n).toBe(9);
    expect(by.gas_cylinder!.n).toBeGreaterThan(0);
    expect(by.extinguisher!.n).toBeGreaterThan(0);
    expect(by.smoke_sensor!.devices).toBe(by.smoke_sensor!.n);
  });

  it("is the same for the same seed (run last: it empties the registry)", async () => {
    const wipe = () =>
      env.db.execute(
        sql`truncate visits, care_plan_actions, care_plans, key_person_helpers, key_persons, things, ratings, places, tenancies, household_members, households, houses, buildings, persons cascade`,
      );
    const run = async () => {
      await wipe();
      await env.as(systemActor, (ctx) => generatePopulation(ctx, { seed: 3, scale: "street", people: 400 }));
      return queryRows(env.db, sql`select id, name, id_masked, area_path from persons order by id`);
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(350);
    expect(await run()).toEqual(first);
  });
});
