import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories";
import { testApp, testEnv, type TestEnv } from "../../../test/services";
import { JobWorker } from "../../core/jobs";
import { queryRows } from "../../db/database";
import { places, things } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";
import { eventsJobs } from "./events.jobs";
import { auditOf, eventWorld, type World } from "./events.test-support";

let env: TestEnv;
let app: FastifyTypebox;
let w: World;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  w = await eventWorld(env, app);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

/** A multipart body with one CSV file and the source field. */
function multipart(csv: string, source: string) {
  const boundary = "----pingan-test";
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\n${source}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="feed.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n` +
    `--${boundary}--\r\n`;
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
const upload = (csv: string, source: string, auth = w.people.dispatcher.auth) => {
  const m = multipart(csv, source);
  return app.inject({
    method: "POST",
    url: "/api/events/import",
    payload: m.payload,
    headers: { ...m.headers, ...auth },
  });
};
const countEvents = async (source: string) =>
  Number(
    (
      await queryRows<{ n: number }>(
        env.db,
        sql`select count(*)::int as n from events where source = ${source}`,
      )
    )[0]!.n,
  );

/** Runs the job worker until no job is due. */
async function drainJobs() {
  const worker = eventsJobs(new JobWorker(env, { onError: (e) => console.error(e) }));
  while ((await worker.tick()) > 0);
}

describe("feed import (12345 tickets, 110 non-police incidents)", () => {
  const header =
    "sourceRef,category,description,areaCode,address,lat,lng,reporterName,reporterPhone,reportedAt";

  it("checks every row first: one bad row imports nothing, and each bad row is named by its line", async () => {
    const csv = [
      header,
      `T1,1601,咨询居住证办理,${w.areas.g11.code},,,,张三,13812345678,2026-11-20T09:00:00+08:00`,
      `T2,0101,"垃圾堆积，""很臭""",,${w.prefix}新河社区3号楼,,,,,`,
      `T3,9999,无效类别,${w.areas.g11.code},,,,,,`,
      `T4,0101,坐标缺一半,,,29.8,,,12345,`,
      `T1,0101,重复编号,${w.areas.g11.code},,,,,,`,
    ].join("\n");
    const res = await upload(csv, "hotline_12345");
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("IMPORT_INVALID");
    const errors = res.json().errors as { row: number; field: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [4, "category"],
      [5, "lat"],
      [5, "reporterPhone"],
      [6, "sourceRef"],
    ]);
    expect(await countEvents("hotline_12345")).toBe(0);
    expect((await queryRows(env.db, sql`select id from event_imports`)).length).toBe(0);
  });

  it("loads a good file in batches by a job, idempotently; a 110 non-police call goes to the grid worker", async () => {
    const csv = [
      header,
      `T1,1601,咨询居住证办理,${w.areas.g11.code},,,,张三,13812345678,2026-11-20T09:00:00+08:00`,
      `T2,0101,"垃圾堆积，""很臭""",,${w.prefix}新河社区3号楼,,,,,`,
      `T3,0404,乱停车,,,${w.points.g21.lat},${w.points.g21.lng},,,`,
    ].join("\r\n");
    const res = await upload(csv, "hotline_12345");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: "pending", totalRows: 3, processedRows: 0 });
    expect((await auditOf(env, res.json().id, "event.import_started")).length).toBe(1);
    await drainJobs();
    const progress = await app.inject({
      url: `/api/events/imports/${res.json().id}`,
      headers: w.people.dispatcher.auth,
    });
    expect(progress.json()).toMatchObject({ status: "done", processedRows: 3, errors: null });
    const rows = await queryRows<{
      source_ref: string;
      state: string;
      area_path: string;
      created_at: Date | string;
      created_by: string;
    }>(
      env.db,
      sql`select source_ref, state, area_path, created_at, created_by from events where source = 'hotline_12345' order by source_ref`,
    );
    expect(rows.map((r) => [r.source_ref, r.state])).toEqual([
      ["T1", "accepted"],
      ["T2", "accepted"],
      ["T3", "accepted"],
    ]);
    expect(rows[1]!.area_path).toBe(w.areas.c2.path);
    expect(new Date(rows[0]!.created_at).toISOString()).toBe("2026-11-20T01:00:00.000Z");
    expect(rows[0]!.created_by).toBe(w.people.dispatcher.id);

    // the same file again is the same import; an overlapping file skips the rows already there
    expect((await upload(csv, "hotline_12345")).json().id).toBe(res.json().id);
    const more = [
      header,
      `T3,0404,乱停车,${w.areas.g21.code},,,,,,`,
      `T4,0404,又乱停车,${w.areas.g21.code},,,,,,`,
    ].join("\n");
    expect((await upload(more, "hotline_12345")).statusCode).toBe(202);
    await drainJobs();
    expect(await countEvents("hotline_12345")).toBe(4);

    const police = [header, `J110-1,1501,老人请求帮忙把自行车搬上楼,${w.areas.g11.code},,,,,,`].join("\n");
    expect((await upload(police, "police_110")).statusCode).toBe(202);
    await drainJobs();
    const [bike] = await queryRows<{ id: string }>(
      env.db,
      sql`select id from events where source_ref = 'J110-1'`,
    );
    const view = (
      await app.inject({ url: `/api/events/${bike!.id}`, headers: w.people.worker11.auth })
    ).json();
    expect(view).toMatchObject({ state: "dispatched", handlingLevel: "grid", source: "police_110" });
    expect(view.parts[0].assignee.id).toBe(w.people.worker11.id);
  });

  it("needs event.import and a feed source", async () => {
    const csv = [header, `X1,1601,咨询,${w.areas.g11.code},,,,,,`].join("\n");
    expect((await upload(csv, "hotline_12345", w.people.worker11.auth)).statusCode).toBe(403);
    expect((await upload(csv, "resident")).statusCode).toBe(400);
  });
});

describe("IoT alarms", () => {
  it("raises an urgent event at the device's place, linked to it, sent to the fire station and the grid worker; idempotent", async () => {
    const gateway = await buildUser(env, { roles: ["volunteer"], username: `iot-${w.prefix}` });
    const key = await app.inject({
      method: "POST",
      url: "/api/api-keys",
      payload: { name: "烟感网关", username: gateway.username },
      headers: w.people.admin.auth,
    });
    expect(key.statusCode).toBe(201);
    const auth = { authorization: `Bearer ${key.json().key}` };
    const [place] = await env.db
      .insert(places)
      .values({
        name: "龙发花园 3 幢 502",
        kind: "residential",
        areaId: w.areas.g11.id,
        areaPath: w.areas.g11.path,
      })
      .returning();
    const [thing] = await env.db
      .insert(things)
      .values({
        kind: "smoke_sensor",
        label: "龙发花园 3 幢 502 烟感",
        deviceId: `SMK-${w.prefix}`,
        placeId: place!.id,
        lat: w.points.g11.lat,
        lng: w.points.g11.lng,
        areaId: w.areas.g11.id,
        areaPath: w.areas.g11.path,
      })
      .returning();
    const alarm = {
      deviceId: `SMK-${w.prefix}`,
      kind: "smoke",
      at: "2026-11-23T02:10:00+08:00",
      value: 0.42,
    };
    const res = await app.inject({ method: "POST", url: "/api/iot/alarms", payload: alarm, headers: auth });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      created: true,
      category: "0905",
      urgency: "critical",
      state: "dispatched",
      area: { code: w.areas.g11.code },
    });
    const id = res.json().id;
    const view = (await app.inject({ url: `/api/events/${id}`, headers: w.people.dispatcher.auth })).json();
    expect(view.source).toBe("iot");
    expect(view.links).toEqual(
      expect.arrayContaining([
        { type: "thing", id: thing!.id, role: "source" },
        { type: "place", id: place!.id, role: "location" },
      ]),
    );
    expect(
      view.parts.map(
        (p: { department: { id: string } | null; assignee: { id: string } | null }) =>
          p.department?.id ?? p.assignee?.id,
      ),
    ).toEqual([w.departments.fire.id, w.people.worker11.id]);
    expect((await auditOf(env, id, "event.iot_alarm")).length).toBe(1);

    const again = await app.inject({ method: "POST", url: "/api/iot/alarms", payload: alarm, headers: auth });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, created: false });
    expect(await countEvents("iot")).toBe(1);

    const unknown = await app.inject({
      method: "POST",
      url: "/api/iot/alarms",
      payload: { ...alarm, deviceId: "NOPE" },
      headers: auth,
    });
    expect(unknown.json().code).toBe("UNKNOWN_DEVICE");
    const kind = await app.inject({
      method: "POST",
      url: "/api/iot/alarms",
      payload: { ...alarm, kind: "constructor" },
      headers: auth,
    });
    expect(kind.json().code).toBe("UNKNOWN_ALARM_KIND");
    const person = await app.inject({
      method: "POST",
      url: "/api/iot/alarms",
      payload: alarm,
      headers: w.people.resident.auth,
    });
    expect(person.statusCode).toBe(403);

    // the place's file lists the event
    const { fileSections } = await import("../registry/file-sections");
    const sections = await fileSections(env.ctx(w.people.dispatcher.actor), { type: "place", id: place!.id });
    expect(sections.find((s) => s.key === "events")).toMatchObject({ total: 1, items: [{ id }] });
    const other = await fileSections(env.ctx(w.people.worker21.actor), { type: "place", id: place!.id });
    expect(other.find((s) => s.key === "events")).toBeUndefined();
  });
});
