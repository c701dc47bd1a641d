import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createPgDatabase, TEST_PG_URL } from "./db";

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const PINGAN_BIN = path.join(REPO_ROOT, "server/bin/pingan.js");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `pingan start` as a real process with the demo: on a temporary PGlite folder, or on a
 * fresh PostgreSQL database when TEST_DATABASE_URL is set. Resolves when /api/health answers.
 */
export async function startDemoServer(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  let drop: (() => Promise<void>) | undefined;
  if (TEST_PG_URL) {
    const pg = await createPgDatabase();
    drop = pg.drop;
    Object.assign(env, {
      DATABASE_URL: pg.url,
      PINGAN_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
      PINGAN_DEMO: "1",
    });
  }
  let out = "";
  const child = spawn(process.execPath, [PINGAN_BIN, "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not answer:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
