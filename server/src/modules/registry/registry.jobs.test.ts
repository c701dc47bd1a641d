import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { testEnv, type TestEnv } from "../../../test/services";
import type { Actor } from "../../core/actor";
import { queryRows } from "../../db/database";
import { gridTeamMembers } from "../../db/schema";
import { residentIdCheckDigit } from "./codes/id-documents";
import { createPerson } from "./create-person";
import { addDays, todayOf } from "./dates";
import { deregisterPerson } from "./deregister-person";
import { remindExpiringPermits } from "./permit-reminders";
import { purgeDuePersons, readRegistrySettings, updateRegistrySettings } from "./purge-persons";
import { readPerson } from "./read-person";
import { revealPerson } from "./reveal-person";
import { updatePerson } from "./update-person";

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dispatcher: Actor;
let admin: Actor;
let workerId: string;

const DAY = 86_400_000;
const idOf = (body: string) => body + residentIdCheckDigit(body);
/** Runs a job handler's body the way the worker does: in one transaction of its own. */
const runJob = <T>(fn: (tx: Parameters<Parameters<TestEnv["db"]["transaction"]>[0]>[0]) => Promise<T>) =>
  env.db.transaction((tx) => fn(tx));
const today = () => todayOf(env.ctx());

beforeAll(async () => {
  env = await testEnv();
  tree = await buildTree(env);
  dispatcher = (await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] })).actor;
  admin = (await buildUser(env, { roles: ["admin"] })).actor;
  const worker = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
  workerId = worker.id;
  await env.db
    .insert(gridTeamMembers)
    .values({ areaId: tree.g11.id, userId: worker.id, name: "网格员甲", teamRole: "grid_worker" });
});
afterAll(async () => {
  await env.close();
});

describe("retention and purging", () => {
  it("keeps the retention setting for administrators only, audited", async () => {
    expect(await env.as(admin, (ctx) => readRegistrySettings(ctx))).toEqual({
      retention: { deregisteredDays: 1095 },
    });
    await expect(env.as(dispatcher, (ctx) => readRegistrySettings(ctx))).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      env.as(admin, (ctx) => updateRegistrySettings(ctx, { retention: { deregisteredDays: 5 } })),
    ).rejects.toMatchObject({ status: 400, field: "retention.deregisteredDays" });
    await env.as(admin, (ctx) => updateRegistrySettings(ctx, { retention: { deregisteredDays: 365 } }));
    const [audit] = await queryRows<{ changes: unknown }>(
      env.db,
      sql`select changes from audit_log where action = 'registry.settings_updated'`,
    );
    expect(JSON.stringify(audit!.changes)).toContain("365");
  });

  it("purges a deregistered person once the retention has passed, leaving no personal data", async () => {
    const id = idOf("33021219700101555");
    const p = await env.as(dispatcher, (ctx) =>
      createPerson(ctx, {
        name: "蒋大伟",
        idNumber: id,
        phone: "13612345678",
        areaCode: tree.g11.code,
        occupation: "司机",
      }),
    );
    await env.as(dispatcher, (ctx) => updatePerson(ctx, p.id, { version: 1, occupation: "厨师" }));
    const dereg = await env.as(dispatcher, (ctx) =>
      deregisterPerson(ctx, p.id, { reason: "died", on: today() }),
    );
    expect(dereg.deregistration!.purgeAfter).toBe(addDays(today(), 365));

    // not yet: the job leaves them alone
    expect(await runJob((tx) => purgeDuePersons(env, tx))).toBe(0);
    await env.clock.set(new Date(env.clock.now().getTime() + 366 * DAY));
    try {
      expect(await runJob((tx) => purgeDuePersons(env, tx))).toBe(1);
      expect(await runJob((tx) => purgeDuePersons(env, tx))).toBe(0);

      const view = await env.as(dispatcher, (ctx) => readPerson(ctx, p.id));
      expect(view).toMatchObject({
        name: "已清除",
        status: "purged",
        idNumber: null,
        phone: null,
        birthDate: null,
        occupation: null,
      });
      const [row] = await queryRows<Record<string, unknown>>(
        env.db,
        sql`select * from persons where id = ${p.id}`,
      );
      for (const col of [
        "id_enc",
        "id_index",
        "id_masked",
        "id_tail",
        "phone_enc",
        "phone_index",
        "phone_masked",
        "name_pinyin",
      ])
        expect(row![col]).toBeNull();
      await expect(
        env.as(dispatcher, (ctx) => revealPerson(ctx, p.id, "idNumber", "核实身份信息")),
      ).rejects.toMatchObject({ status: 422 });

      const history = await queryRows<{ action: string; before: unknown; after: unknown }>(
        env.db,
        sql`select action, before, after from registry_changes where subject_id = ${p.id} order by id`,
      );
      expect(history.map((h) => h.action)).toEqual(["created", "updated", "deregistered", "purged"]);
      expect(history.every((h) => h.before === null && h.after === null)).toBe(true);
      const audits = await queryRows<{ actor_name: string }>(
        env.db,
        sql`select actor_name from audit_log where action = 'person.purged' and subject_id = ${p.id}`,
      );
      expect(audits).toEqual([{ actor_name: "system" }]);
      // the ID may be registered again once purged
      const again = await env.as(dispatcher, (ctx) =>
        createPerson(ctx, { name: "蒋大伟", idNumber: id, areaCode: tree.g11.code }),
      );
      expect(again.id).not.toBe(p.id);
    } finally {
      await env.clock.set(new Date());
    }
  });
});

describe("floating-population permit reminders", () => {
  it("creates one task per person and expiry, for the grid's worker, and again after a renewal", async () => {
    const soon = addDays(today(), 20);
    const later = addDays(today(), 60);
    const floating = (name: string, permitExpiresOn: string) =>
      env.as(dispatcher, (ctx) =>
        createPerson(ctx, {
          name,
          areaCode: tree.g11.code,
          residentType: "floating",
          floating: { permitType: "01", registeredOn: today(), permitExpiresOn },
        }),
      );
    const a = await floating("沈阳光", soon);
    const b = await floating("韦小宝", later);
    const tasksFor = (name: string) =>
      queryRows<{ title: string; assignee_user_id: string | null; area_path: string }>(
        env.db,
        sql`select title, assignee_user_id, area_path from tasks where title like ${`%${name}%`} order by created_at`,
      );

    expect(await runJob((tx) => remindExpiringPermits(env, tx))).toBe(1);
    expect(await runJob((tx) => remindExpiringPermits(env, tx))).toBe(0);
    const [task] = await tasksFor("沈阳光");
    expect(task).toMatchObject({ assignee_user_id: workerId, area_path: tree.g11.path });
    expect(task!.title).toContain(soon);
    expect(await tasksFor("韦小宝")).toEqual([]);

    // the permit is renewed: the new expiry gets its own reminder when it comes near
    const current = await env.as(dispatcher, (ctx) => readPerson(ctx, a.id));
    const renewed = addDays(today(), 25);
    await env.as(dispatcher, (ctx) =>
      updatePerson(ctx, a.id, {
        version: current.version,
        floating: { permitType: "01", permitExpiresOn: renewed },
      }),
    );
    expect(await runJob((tx) => remindExpiringPermits(env, tx))).toBe(1);
    expect(await tasksFor("沈阳光")).toHaveLength(2);

    await env.clock.set(new Date(env.clock.now().getTime() + 40 * DAY));
    try {
      expect(await runJob((tx) => remindExpiringPermits(env, tx))).toBe(1);
      expect(await tasksFor("韦小宝")).toHaveLength(1);
      const history = await queryRows<{ action: string }>(
        env.db,
        sql`select action from registry_changes where subject_id = ${b.id} order by id`,
      );
      expect(history.map((h) => h.action)).toEqual(["created", "permit_reminded"]);
    } finally {
      await env.clock.set(new Date());
    }
  });
});
