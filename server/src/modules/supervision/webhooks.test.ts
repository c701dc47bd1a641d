import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { JobWorker } from "../../core/jobs";
import { queryRows } from "../../db/database";
import type { FastifyTypebox } from "../../http/types";
import { notify } from "./notify";
import { supervisionJobs } from "./supervision.jobs";

interface Received {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let admin: Record<string, string>;
let server: http.Server;
let base: string;
const received: Received[] = [];
let failing = true;
let worker: JobWorker;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  admin = await bearer(app, (await buildUser(env, { roles: ["admin"] })).username);
  worker = supervisionJobs(new JobWorker(env));
  server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      received.push({
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: JSON.parse(data),
      });
      if (url.pathname === "/flaky" && failing) {
        res.writeHead(502).end("bad gateway");
        return;
      }
      if (url.pathname === "/refuses") {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end('{"errcode":310000,"errmsg":"sign not match"}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await env.close();
});
beforeEach(async () => {
  received.length = 0;
  // each test starts without webhooks or queued deliveries
  await env.db.execute(sql`delete from webhooks`);
  await env.db.execute(sql`delete from jobs where kind = 'webhook.deliver'`);
});

const addHook = (payload: Record<string, unknown>, headers = admin) =>
  app.inject({ method: "POST", url: "/api/webhooks", payload, headers });
const redNotice = (areaPath: string | null = tree.g11.path) =>
  env.db.transaction((tx) =>
    notify(tx, {
      kind: "event.red",
      title: "【红牌督办】#7 井盖缺失",
      body: "处置环节已超期",
      areaPath,
      at: env.clock.now(),
    }),
  );
/** A port nothing listens on (one just released). */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}
const deliveries = () =>
  queryRows<{ status: string; attempts: number; last_error: string | null; run_at: Date }>(
    env.db,
    sql`select status, attempts, last_error, run_at from jobs where kind = 'webhook.deliver' order by id`,
  );

describe("outgoing webhooks", () => {
  it("posts a DingTalk robot message signed with timestamp and sign, after commit, by the job", async () => {
    const secret = "SEC" + crypto.randomBytes(16).toString("hex");
    const res = await addHook({
      name: "街道指挥群",
      format: "dingtalk",
      url: `${base}/robot/send?access_token=abcdef123456`,
      secret,
      events: ["event.red", "consultation.convened"],
      areaCode: tree.street.code,
    });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      hasSecret: true,
      events: ["event.red", "consultation.convened"],
      active: true,
    });
    expect(view.url).toBe(`${base}/robot/send?access_token=abcd%E2%80%A6`);
    expect(JSON.stringify(view)).not.toContain(secret);
    const [audit] = await queryRows<{ changes: unknown; actor_name: string }>(
      env.db,
      sql`select changes, actor_name from audit_log where action = 'webhook.created' and subject_id = ${view.id}`,
    );
    expect(audit).toBeDefined();
    expect(JSON.stringify(audit!.changes)).not.toContain(secret);
    const listed = (await app.inject({ url: "/api/webhooks", headers: admin })).json().items;
    expect(JSON.stringify(listed)).not.toContain(secret);

    await redNotice();
    expect(received).toHaveLength(0); // nothing leaves inside the transaction
    await worker.tick();
    expect(received).toHaveLength(1);
    const msg = received[0]!;
    expect(msg.query.get("access_token")).toBe("abcdef123456");
    const ts = msg.query.get("timestamp")!;
    const expected = crypto.createHmac("sha256", secret).update(`${ts}\n${secret}`).digest("base64");
    expect(msg.query.get("sign")).toBe(expected);
    expect(Math.abs(Number(ts) - env.clock.now().getTime())).toBeLessThan(60_000);
    expect(msg.body).toMatchObject({ msgtype: "markdown", markdown: { title: "【红牌督办】#7 井盖缺失" } });
    expect((msg.body.markdown as { text: string }).text).toContain("处置环节已超期");
    expect((await deliveries()).map((d) => d.status)).toEqual(["done"]);
  });

  it("filters by notice kind and by area", async () => {
    await addHook({
      name: "一社区",
      format: "wecom",
      url: `${base}/wecom?key=k1`,
      events: ["event.red"],
      areaCode: tree.c1.code,
    });
    await addHook({ name: "全部", format: "json", url: `${base}/all`, events: ["*"] });
    await redNotice(tree.g11.path); // both
    await redNotice(tree.g21.path); // only the catch-all
    await redNotice(null); // an unlocated event: only the catch-all
    await env.db.transaction((tx) =>
      notify(tx, { kind: "event.yellow", title: "黄牌", areaPath: tree.g11.path }),
    );
    await worker.tick();
    const paths = received.map((r) => r.path).sort();
    expect(paths).toEqual(["/all", "/all", "/all", "/all", "/wecom"]);
    const wecom = received.find((r) => r.path === "/wecom")!;
    expect(wecom.body).toEqual({
      msgtype: "markdown",
      markdown: { content: expect.stringContaining("井盖缺失") },
    });
  });

  it("signs plain JSON deliveries when a secret is set", async () => {
    await addHook({
      name: "对接",
      format: "json",
      url: `${base}/plain`,
      secret: "k3y",
      events: ["event.red"],
    });
    await redNotice();
    await worker.tick();
    const msg = received[0]!;
    expect(msg.body).toMatchObject({ kind: "event.red", title: "【红牌督办】#7 井盖缺失", source: "pingan" });
    const ts = String(msg.headers["x-pingan-timestamp"]);
    const raw = JSON.stringify(msg.body);
    const mac = crypto.createHmac("sha256", "k3y").update(`${ts}.${raw}`).digest("hex");
    expect(msg.headers["x-pingan-signature"]).toBe(`sha256=${mac}`);
  });

  it("retries a failing endpoint with backoff until it answers, without blocking the notice", async () => {
    failing = true;
    await addHook({
      name: "不稳定",
      format: "dingtalk",
      url: `${base}/flaky?access_token=t`,
      events: ["event.red"],
    });
    await redNotice();
    await worker.tick();
    let [job] = await deliveries();
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job!.last_error).toContain("HTTP 502");
    expect(new Date(job!.run_at).getTime()).toBeGreaterThan(env.clock.now().getTime());
    await worker.tick(); // not due yet
    expect(received).toHaveLength(1);

    await env.clock.set(new Date(new Date(job!.run_at).getTime() + 1000));
    await worker.tick();
    [job] = await deliveries();
    expect(job).toMatchObject({ status: "pending", attempts: 2 });

    failing = false;
    await env.clock.set(new Date(new Date(job!.run_at).getTime() + 1000));
    await worker.tick();
    [job] = await deliveries();
    expect(job).toMatchObject({ status: "done", attempts: 3 });
    expect(received).toHaveLength(3);
  });

  it("treats a robot's errcode and a network error as failures", async () => {
    await addHook({ name: "拒收", format: "dingtalk", url: `${base}/refuses`, events: ["event.red"] });
    await addHook({
      name: "不可达",
      format: "wecom",
      url: `http://127.0.0.1:${await closedPort()}/nobody`,
      events: ["event.red"],
    });
    await redNotice();
    await worker.tick();
    const errors = (await deliveries()).map((d) => d.last_error ?? "");
    expect(errors.find((e) => e.includes("拒收"))).toContain("errcode 310000");
    expect(errors.find((e) => e.includes("不可达"))).toMatch(/network error: .*ECONNREFUSED/);
  });

  it("tests a webhook on demand, removes it, and drops deliveries queued for it", async () => {
    const created = (
      await addHook({ name: "测试", format: "dingtalk", url: `${base}/robot`, events: ["event.red"] })
    ).json();
    const test = await app.inject({
      method: "POST",
      url: `/api/webhooks/${created.id}/test`,
      headers: admin,
    });
    expect(test.json()).toEqual({ ok: true, status: 200, error: null });
    expect(received.map((r) => r.path)).toEqual(["/robot"]);
    await redNotice();
    const del = await app.inject({ method: "DELETE", url: `/api/webhooks/${created.id}`, headers: admin });
    expect(del.statusCode).toBe(204);
    await worker.tick();
    expect(received).toHaveLength(1);
    expect((await deliveries()).map((d) => d.status)).toEqual(["done"]);
    const audit = await queryRows(
      env.db,
      sql`select 1 from audit_log where action = 'webhook.deleted' and subject_id = ${created.id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it("is for administrators only and checks what it is given", async () => {
    const dispatcher = await bearer(
      app,
      (await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] })).username,
    );
    expect(
      (await addHook({ name: "x", format: "json", url: `${base}/x`, events: ["*"] }, dispatcher)).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: "/api/webhooks", headers: dispatcher })).statusCode).toBe(403);
    const bad = await addHook({ name: "x", format: "json", url: "ftp://example.org/x", events: ["*"] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("WEBHOOK_URL_INVALID");
    expect(
      (await addHook({ name: "x", format: "telegram", url: `${base}/x`, events: ["*"] })).statusCode,
    ).toBe(400);
    // an administrator of one community only adds webhooks inside it
    const scoped = await bearer(
      app,
      (await buildUser(env, { roles: ["admin"], scopes: [tree.c1] })).username,
    );
    const outside = await addHook(
      { name: "x", format: "json", url: `${base}/x`, events: ["*"], areaCode: tree.c2.code },
      scoped,
    );
    expect(outside.statusCode).toBe(422);
    const defaulted = await addHook({ name: "x", format: "json", url: `${base}/x`, events: ["*"] }, scoped);
    expect(defaulted.json().areaPath).toBe(tree.c1.path);
  });
});
