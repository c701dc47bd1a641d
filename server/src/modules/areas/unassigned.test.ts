import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { buildTree, buildUser } from "../../../test/factories";
import { systemActor } from "../../core/actor";
import { JobWorker } from "../../core/jobs";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { onUnassignedResolved, queueUnassigned, reassignJob } from "./unassigned";

let env: TestEnv;
let app: FastifyTypebox;
let admin: Record<string, string>;
const assignedByHook: string[] = [];

const token = (username: string) => bearer(app, username);

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  admin = await token((await buildUser(env, { roles: ["admin"] })).username);
  onUnassignedResolved(
    "test-record",
    async (_tx, sourceId, area) => void assignedByHook.push(`${sourceId}->${area.code}`),
  );
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("unassigned queue", () => {
  it("keeps a location outside every area for a dispatcher, who assigns it by hand", async () => {
    const tree = await buildTree(env);
    const dispatcher = await token(
      (await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] })).username,
    );
    await env.as(systemActor, (ctx) =>
      queueUnassigned(ctx.tx, {
        sourceType: "test-record",
        sourceId: "r1",
        lat: 1,
        lng: 1,
        reason: "outside",
        at: ctx.clock.now(),
      }),
    );
    const list = await app.inject({ url: "/api/areas/unassigned", headers: dispatcher });
    const item = list.json().items.find((i: { sourceId: string }) => i.sourceId === "r1");
    expect(item).toMatchObject({
      sourceType: "test-record",
      lat: 1,
      lng: 1,
      reason: "outside",
      resolvedAt: null,
    });
    const res = await app.inject({
      method: "POST",
      url: `/api/areas/unassigned/${item.id}/assign`,
      payload: { areaCode: tree.g11.code },
      headers: dispatcher,
    });
    expect(res.statusCode).toBe(204);
    expect(assignedByHook).toContain(`r1->${tree.g11.code}`);
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/areas/unassigned/${item.id}/assign`,
          payload: { areaCode: tree.g11.code },
          headers: dispatcher,
        })
      ).statusCode,
    ).toBe(404);
    const audit = await queryRows(
      env.db,
      sql`select 1 from audit_log where action = 'unassigned.assigned' and subject_id = 'r1'`,
    );
    expect(audit).toHaveLength(1);
    const grid = await token((await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] })).username);
    expect((await app.inject({ url: "/api/areas/unassigned", headers: grid })).statusCode).toBe(403);
  });

  it("re-assigns queued locations through a job once new boundaries cover them, with a report", async () => {
    await env.as(systemActor, (ctx) =>
      queueUnassigned(ctx.tx, {
        sourceType: "test-record",
        sourceId: "r2",
        lat: 40.5,
        lng: 40.5,
        reason: "outside",
        at: ctx.clock.now(),
      }),
    );
    await env.as(systemActor, (ctx) =>
      queueUnassigned(ctx.tx, {
        sourceType: "test-record",
        sourceId: "r3",
        lat: 80,
        lng: 80,
        reason: "outside",
        at: ctx.clock.now(),
      }),
    );
    const square = {
      type: "Polygon",
      coordinates: [
        [
          [40, 40],
          [41, 40],
          [41, 41],
          [40, 41],
          [40, 40],
        ],
      ],
    };
    const imported = await app.inject({
      method: "POST",
      url: "/api/areas/import?level=street&codeProp=c&nameProp=n",
      payload: {
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { c: "NEW-ST", n: "新街道" }, geometry: square }],
      },
      headers: admin,
    });
    expect(imported.statusCode).toBe(200);
    const requested = await app.inject({ method: "POST", url: "/api/areas/reassign", headers: admin });
    expect(requested.statusCode).toBe(202);
    const { jobId } = requested.json();
    await new JobWorker(env).register("areas.reassign", reassignJob).tick();
    const job = (await app.inject({ url: `/api/jobs/${jobId}`, headers: admin })).json();
    expect(job).toMatchObject({ kind: "areas.reassign", status: "done" });
    expect(job.payload.report).toMatchObject({ assigned: 1, stillOutside: 1 });
    expect(assignedByHook).toContain("r2->NEW-ST");
    const open = (await app.inject({ url: "/api/areas/unassigned", headers: admin }))
      .json()
      .items.map((i: { sourceId: string }) => i.sourceId);
    expect(open).toContain("r3");
    expect(open).not.toContain("r2");
    const resolved = (
      await app.inject({ url: "/api/areas/unassigned?status=resolved", headers: admin })
    ).json().items;
    expect(resolved.find((i: { sourceId: string }) => i.sourceId === "r2").resolvedArea).toEqual({
      code: "NEW-ST",
      name: "新街道",
    });
  });
});
