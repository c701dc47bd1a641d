import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { createPgDatabase, TEST_PG_URL } from "./db";

// Real `pingan` processes, as an operator runs them: each start takes a few seconds, so few of them.
const BIN = fileURLToPath(new URL("../bin/pingan.js", import.meta.url));
const DEMO_PASSWORD = "pingan-demo";

const children = new Set<ChildProcess>();
const dirs: string[] = [];
const dropLater: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const drop of dropLater) await drop().catch(() => {});
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-proc-"));
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** The environment of a child: ours without anything that configures Pingan, plus the given. */
function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(DATABASE_URL|TEST_DATABASE_URL|PORT|HOST|DATA_DIR|LOG_LEVEL|PINGAN_.*|S3_.*)$/.test(k))
      env[k] = v;
  return {
    ...env,
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    PINGAN_WEB_DIST: path.join(dataDir, "no-web-build"),
    ...extra,
  };
}

function launch(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return { child, out: () => stdout, err: () => stderr };
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command to its end (killed after a minute). */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  const p = launch(args, env);
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 60_000);
  const [code] = (await once(p.child, "close")) as [number | null];
  clearTimeout(timer);
  return { code, stdout: p.out(), stderr: p.err() };
}

interface Server {
  child: ChildProcess;
  url: string;
  out(): string;
}

/** Starts `pingan start` and waits for it to say where it listens; fails with its output if it exits. */
async function serve(env: NodeJS.ProcessEnv): Promise<Server> {
  const p = launch(["start"], env);
  onTestFailed(() => console.error(`output of pingan start (pid ${p.child.pid}):\n${p.out()}\n${p.err()}`));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s\n${p.out()}\n${p.err()}`)), 90_000);
    p.child.stdout!.on("data", () => {
      const m = /is running at (http:\/\/\S+)/.exec(p.out());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    p.child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pingan start exited with ${code}\n${p.out()}\n${p.err()}`));
    });
  });
  return { child: p.child, url, out: p.out };
}

/** Sends a signal and waits until the process is gone (and reaped); returns its exit code. */
async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, "exit");
  child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}

async function api(url: string, route: string, o: { token?: string; body?: unknown } = {}) {
  const res = await fetch(url + route, {
    method: o.body === undefined ? "GET" : "POST",
    headers: {
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function tokenFor(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await api(url, "/api/auth/token", { body: { username, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.token).toEqual(expect.any(String));
  return res.body.token as string;
}

function expectInUse(result: Result, dir: string) {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.stderr).toContain(dir);
  expect(result.stderr).toContain("in use");
}

describe("pingan on an embedded PGlite folder", () => {
  it(
    "starts on an empty folder, refuses a second process, survives kill -9, and verifies its audit trail",
    { timeout: 300_000 },
    async () => {
      const dir = tempDir();
      const env = childEnv(dir);

      // (a) first start: demo seeded, logins printed, health and a token
      const first = await serve({ ...env, PORT: String(await freePort()) });
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await api(first.url, "/api/health");
      expect(health).toMatchObject({ status: 200, body: { status: "ok", engine: "pglite", demo: true } });
      await expect.poll(first.out).toContain("demo-resident");
      expect(first.out()).toContain(`demo logins (password "${DEMO_PASSWORD}")`);
      expect(first.out()).toContain("demo-dispatcher");
      const token = await tokenFor(first.url, "demo-dispatcher");
      const meBefore = await api(first.url, "/api/me", { token });
      expect(meBefore).toMatchObject({ status: 200, body: { user: { username: "demo-dispatcher" } } });
      const adminToken = await tokenFor(first.url, "demo-admin");
      const created = await api(first.url, "/api/users", {
        token: adminToken,
        body: {
          username: "written-before-crash",
          displayName: "崩溃前",
          password: "long-enough-1",
          roles: ["admin"],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const usersBefore = await api(first.url, "/api/users?pageSize=200", { token: adminToken });
      expect(usersBefore.body.items.map((u: { username: string }) => u.username)).toContain(
        "written-before-crash",
      );
      const areasBefore = await api(first.url, "/api/areas?limit=1000", { token: adminToken });
      expect(areasBefore.status).toBe(200);
      expect(areasBefore.body.items.length).toBeGreaterThan(0);

      // (b) a second server on the same folder is refused, naming the folder
      expectInUse(await run(["start"], { ...env, PORT: String(await freePort()) }), dir);
      // (e) and so is a CLI command
      expectInUse(await run(["user", "list"], env), dir);

      // (c) kill -9, start again: the old token still works and the data is intact
      await stop(first.child, "SIGKILL");
      expect(fs.existsSync(path.join(dir, "pingan.lock"))).toBe(true); // left behind by the dead process
      const second = await serve({ ...env, PORT: String(await freePort()) });
      expect(await api(second.url, "/api/me", { token })).toEqual(meBefore);
      const usersAfter = await api(second.url, "/api/users?pageSize=200", { token: adminToken });
      expect(usersAfter).toEqual(usersBefore);
      expect(await api(second.url, "/api/areas?limit=1000", { token: adminToken })).toEqual(areasBefore);
      expect((await api(second.url, "/api/health")).body).toMatchObject({ engine: "pglite", demo: true });
      expect(second.out()).not.toContain("demo data generated");
      expect(await stop(second.child, "SIGTERM")).toBe(0);
      expect(fs.existsSync(path.join(dir, "pingan.lock"))).toBe(false);

      // (d) audit verify with the server stopped: fine, then not after one row is edited behind its back
      const verified = await run(["audit", "verify"], env);
      expect(verified.code, verified.stderr).toBe(0);
      const good = JSON.parse(verified.stdout.trim());
      expect(good).toMatchObject({ ok: true, firstBadId: null });
      expect(good.checked).toBeGreaterThan(10);

      const lite = await PGlite.create(path.join(dir, "pgdata"));
      let victim: string;
      try {
        const rows = await lite.query<{ id: number }>(
          "select id from audit_log where seq is not null order by seq offset 5 limit 1",
        );
        victim = String(rows.rows[0]!.id);
        await lite.exec(
          `set session_replication_role = replica; update audit_log set reason = 'x' where id = ${victim}`,
        );
      } finally {
        await lite.close();
      }
      const tampered = await run(["audit", "verify"], env);
      expect(tampered.code).toBe(1);
      expect(JSON.parse(tampered.stdout.trim())).toMatchObject({ ok: false, firstBadId: victim });
    },
  );

  it("adds and lists users from the command line", { timeout: 120_000 }, async () => {
    const env = childEnv(tempDir());
    const added = await run(
      ["user", "add", "--username", "ops", "--name", "Ops", "--role", "admin", "--password", "long-enough-1"],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("created ops (admin)");

    const listed = await run(["user", "list"], env);
    expect(listed.code, listed.stderr).toBe(0);
    const line = listed.stdout.split("\n").find((l) => l.startsWith("ops "));
    expect(line).toMatch(/^ops\s+admin\b/);

    const again = await run(
      ["user", "add", "--username", "ops", "--name", "Ops", "--role", "admin", "--password", "long-enough-1"],
      env,
    );
    expect(again.code).not.toBe(0);
  });

  it("refuses a bad PORT, naming it", async () => {
    const result = await run(["start"], { ...childEnv(tempDir()), PORT: "abc" });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).toContain("abc");
  });
});

describe.runIf(TEST_PG_URL)("pingan on PostgreSQL", () => {
  it("serves DATABASE_URL, seeding the demo only with PINGAN_DEMO=1", { timeout: 180_000 }, async () => {
    const withDemo = await createPgDatabase();
    const without = await createPgDatabase();
    dropLater.push(withDemo.drop, without.drop);
    const key = crypto.randomBytes(32).toString("hex");
    const [demo, bare] = await Promise.all([
      serve(
        childEnv(tempDir(), {
          DATABASE_URL: withDemo.url,
          PINGAN_SECRET_KEY: key,
          PINGAN_DEMO: "1",
          PORT: String(await freePort()),
        }),
      ),
      serve(
        childEnv(tempDir(), {
          DATABASE_URL: without.url,
          PINGAN_SECRET_KEY: key,
          PORT: String(await freePort()),
        }),
      ),
    ]);
    try {
      expect(await api(demo.url, "/api/health")).toMatchObject({
        status: 200,
        body: { status: "ok", engine: "postgres", demo: true },
      });
      const token = await tokenFor(demo.url, "demo-dispatcher");
      expect(await api(demo.url, "/api/me", { token })).toMatchObject({
        status: 200,
        body: { user: { username: "demo-dispatcher" } },
      });

      expect(await api(bare.url, "/api/health")).toMatchObject({
        status: 200,
        body: { engine: "postgres", demo: false },
      });
      const refused = await api(bare.url, "/api/auth/token", {
        body: { username: "demo-dispatcher", password: DEMO_PASSWORD },
      });
      expect(refused.status).toBe(401);
      expect(bare.out()).not.toContain("demo logins");
      const client = new pg.Client({ connectionString: without.url });
      await client.connect();
      try {
        const { rows } = await client.query("select count(*)::int as n from users");
        expect(rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      expect(await stop(demo.child, "SIGTERM")).toBe(0);
      expect(await stop(bare.child, "SIGTERM")).toBe(0);
    }
  });
});
