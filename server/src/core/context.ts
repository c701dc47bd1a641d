import type { Config } from "../config";
import type { Db, Executor } from "../db/database";
import type { Actor } from "./actor";
import type { Clock } from "./clock";
import type { Keyring } from "./crypto";
import type { FileStore } from "./files";

/** What one process holds for its lifetime. */
export interface Services {
  config: Config;
  db: Db;
  engine: "pglite" | "postgres";
  clock: Clock;
  keyring: Keyring;
  files: FileStore;
}

/** What a domain function receives: who acts, in which transaction, and when. */
export interface Ctx {
  actor: Actor;
  tx: Executor;
  requestId: string | null;
  ip: string | null;
  clock: Clock;
  keyring: Keyring;
  services: Services;
}

export interface RequestInfo {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

/** Runs fn in one transaction; its audit rows commit or roll back with its changes. */
export function inTransaction<T>(
  services: Services,
  info: RequestInfo,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return services.db.transaction((tx) => fn(makeCtx(services, info, tx)));
}

/** A context without a transaction of its own, for reads. */
export function makeCtx(services: Services, info: RequestInfo, tx: Executor = services.db): Ctx {
  return {
    actor: info.actor,
    tx,
    requestId: info.requestId ?? null,
    ip: info.ip ?? null,
    clock: services.clock,
    keyring: services.keyring,
    services,
  };
}
