import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseConfig, type Config } from "../src/config";
import { MovableClock } from "../src/core/clock";
import { inTransaction, makeCtx, type Ctx, type Services } from "../src/core/context";
import { Keyring } from "../src/core/crypto";
import { LocalFileStore } from "../src/core/files";
import { systemActor, type Actor } from "../src/core/actor";
import type { Database } from "../src/db/database";
import { buildApp } from "../src/http/app";
import { testDatabase } from "./db";
import { PASSWORD } from "./factories";
import type { FastifyTypebox } from "../src/http/types";

export interface TestEnv extends Services {
  database: Database;
  clock: MovableClock;
  dir: string;
  close(): Promise<void>;
  /** Runs fn as the actor in a transaction, like a request would. */
  as<T>(actor: Actor, fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  ctx(actor?: Actor): Ctx;
}

/** Services over a fresh test database, with a movable clock and a throwaway data folder. */
export async function testEnv(env: Record<string, string> = {}): Promise<TestEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-test-"));
  const config: Config = parseConfig({
    DATA_DIR: dir,
    PINGAN_TEST_CLOCK: "1",
    LOG_LEVEL: "silent",
    PINGAN_WEB_DIST: path.join(dir, "no-web"),
    ...env,
  });
  const database = await testDatabase();
  const clock = new MovableClock(database.db);
  const services: Services = {
    config,
    db: database.db,
    engine: database.engine,
    clock,
    keyring: new Keyring(crypto.randomBytes(32), config.hashAlgorithm, config.cipherAlgorithm),
    files: new LocalFileStore(path.join(dir, "files")),
  };
  return {
    ...services,
    clock,
    database,
    dir,
    as: (actor, fn) => inTransaction(services, { actor, requestId: "test", ip: "127.0.0.1" }, fn),
    ctx: (actor = systemActor) => makeCtx(services, { actor, requestId: "test", ip: "127.0.0.1" }),
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The HTTP app over a test environment, driven with inject(). */
export function testApp(env: TestEnv) {
  return buildApp(env, {
    logger: false,
    health: () => ({ status: "ok", engine: env.engine, migration: "test", uptimeSeconds: 0 }),
  });
}

/** Logs a user in through the API and returns the Authorization header for their token. */
export async function bearer(
  app: FastifyTypebox,
  username: string,
  password = PASSWORD,
): Promise<{ authorization: string }> {
  const res = await app.inject({ method: "POST", url: "/api/auth/token", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}
