import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, PINGAN_BIN } from "../server-process";

/** A `pingan start` process on a data folder, as an operator runs it. */
export interface Proc {
  url: string;
  child: ChildProcess;
  output(): string;
}

/** The environment of a child: ours without anything that configures Pingan, plus the given. */
export function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(DATABASE_URL|TEST_DATABASE_URL|PORT|HOST|DATA_DIR|LOG_LEVEL|PINGAN_.*|S3_.*)$/.test(k))
      env[k] = v;
  return {
    ...env,
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    PINGAN_DEMO: "0",
    PINGAN_WEB_DIST: path.join(dataDir, "no-web-build"),
    ...extra,
  };
}

export const tempDir = (prefix = "pingan-rel-") => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Runs a CLI command to its end (killed after two minutes); returns its exit code and output. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [PINGAN_BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Starts `pingan start` and resolves when /api/health answers; rejects with its output if it exits. */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [PINGAN_BIN, "start"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`pingan start exited (${child.exitCode ?? child.signalCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`pingan start did not answer within ${timeoutMs} ms:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => out };
}

/** Sends a signal and waits until the process is gone. */
export async function stopServer(p: Proc, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  const c = p.child;
  if (c.exitCode !== null || c.signalCode !== null) return c.exitCode;
  const exited = new Promise<number | null>((resolve) => c.once("exit", (code) => resolve(code)));
  c.kill(signal);
  return exited;
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same kill moments. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
