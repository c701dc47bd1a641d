import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDepartment, buildTree, buildUser } from "../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../test/services";
import { queryRows } from "../../db/database";
import { users } from "../../db/schema";
import type { FastifyTypebox } from "../../http/types";
import { notify } from "./notify";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
});
afterAll(async () => {
  await app.close();
  await env.close();
});

const send = (n: Parameters<typeof notify>[1]) => env.db.transaction((tx) => notify(tx, n));

describe("notifications", () => {
  it("reach the users given and the active handlers of the departments given, each once", async () => {
    const dept = await buildDepartment(env);
    const direct = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const h1 = await buildUser(env, {
      roles: ["department_handler"],
      scopes: [tree.street],
      department: dept.code,
    });
    const h2 = await buildUser(env, {
      roles: ["department_handler"],
      scopes: [tree.street],
      department: dept.code,
    });
    const gone = await buildUser(env, {
      roles: ["department_handler"],
      scopes: [tree.street],
      department: dept.code,
    });
    await env.db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    const n = await send({
      kind: "event.dispatched",
      title: "新派遣事件",
      subjectType: "event",
      subjectId: "e1",
      userIds: [direct.id, h1.id, direct.id],
      departmentIds: [dept.id],
      at: env.clock.now(),
    });
    expect(n).toBe(3);
    const rows = await queryRows<{ user_id: string }>(
      env.db,
      sql`select user_id from notifications where subject_id = 'e1' order by user_id`,
    );
    expect(rows.map((r) => r.user_id)).toEqual([direct.id, h1.id, h2.id].sort());
  });

  it("lists mine, unread first, and marks some or all read (audited)", async () => {
    const me = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const other = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const auth = await bearer(app, me.username);
    for (const title of ["一", "二", "三"]) await send({ kind: "task.assigned", title, userIds: [me.id] });
    await send({ kind: "task.assigned", title: "别人的", userIds: [other.id] });
    let list = (await app.inject({ url: "/api/notifications", headers: auth })).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(["三", "二", "一"]);
    expect([list.total, list.unread]).toEqual([3, 3]);

    const second = list.items[1].id;
    const foreign = (
      await queryRows<{ id: number }>(env.db, sql`select id from notifications where user_id = ${other.id}`)
    )[0]!.id;
    const read = await app.inject({
      method: "POST",
      url: "/api/notifications/read",
      payload: { ids: [second, Number(foreign)] },
      headers: auth,
    });
    expect(read.json()).toEqual({ updated: 1 }); // someone else's is not touched
    list = (await app.inject({ url: "/api/notifications", headers: auth })).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(["三", "一", "二"]);
    expect(list.unread).toBe(2);
    expect(
      (await app.inject({ url: "/api/notifications?unreadOnly=true", headers: auth })).json().total,
    ).toBe(2);

    const all = await app.inject({
      method: "POST",
      url: "/api/notifications/read",
      payload: { all: true },
      headers: auth,
    });
    expect(all.json()).toEqual({ updated: 2 });
    const audits = await queryRows<{ changes: Record<string, { after: unknown }> }>(
      env.db,
      sql`select changes from audit_log where action = 'notification.read' and subject_id = ${me.id} order by id`,
    );
    expect(audits.map((a) => a.changes.count?.after)).toEqual([1, 2]);
    expect((await app.inject({ url: "/api/notifications" })).statusCode).toBe(401);
  });

  it("streams my new notifications live over Server-Sent Events", async () => {
    const me = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
    const auth = await bearer(app, me.username);
    await send({ kind: "event.red", title: "早先未读", userIds: [me.id] });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const abort = new AbortController();
    const res = await fetch(`${url}/api/notifications/stream`, { headers: auth, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    const nextEvent = async (): Promise<{ id: string; data: { title: string } }> => {
      for (;;) {
        const m = /id: (\d+)\nevent: notification\ndata: (.*)\n\n/.exec(buffer);
        if (m) {
          buffer = buffer.slice(m.index + m[0].length);
          return { id: m[1]!, data: JSON.parse(m[2]!) };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buffer += value;
      }
    };
    expect((await nextEvent()).data.title).toBe("早先未读"); // on connect: my unread
    await send({ kind: "consultation.convened", title: "新会商", userIds: [me.id] });
    await send({ kind: "consultation.convened", title: "不是给我的", userIds: [(await buildUser(env)).id] });
    const live = await nextEvent(); // within one 2 s poll
    expect(live.data.title).toBe("新会商");
    abort.abort();
    await reader.cancel().catch(() => undefined);

    // a reconnect resumes after the last id it saw
    await send({ kind: "event.yellow", title: "断线期间", userIds: [me.id] });
    const again = new AbortController();
    const res2 = await fetch(`${url}/api/notifications/stream`, {
      headers: { ...auth, "last-event-id": live.id },
      signal: again.signal,
    });
    const reader2 = res2.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("断线期间")) text += (await reader2.read()).value ?? "";
    expect(text).not.toContain("新会商");
    // the server ends open streams when it closes (a stream left open would make close() wait forever)
    const closing = app.close();
    let ended = false;
    while (!ended) ended = (await reader2.read().catch(() => ({ done: true as const }))).done;
    expect(ended).toBe(true);
    app.server.closeAllConnections(); // fetch's spare pooled socket, which never carried a request
    await closing;
    app = await testApp(env);
  });

  it("refuses the stream without a sign-in", async () => {
    const res = await app.inject({ url: "/api/notifications/stream" });
    expect(res.statusCode).toBe(401);
  });
});
