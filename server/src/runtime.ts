import type { Config } from "./config";
import { MovableClock, systemClock } from "./core/clock";
import type { Services } from "./core/context";
import { Keyring, loadMasterKey } from "./core/crypto";
import { createFileStore } from "./core/files";
import { openDatabase, type Database } from "./db/database";
import { migrate } from "./db/migrate";

export interface Runtime extends Services {
  database: Database;
  migration: string;
  close(): Promise<void>;
}

/** Opens the configured database, migrates it, and assembles what every command needs. */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const database =
    config.engine === "postgres"
      ? await openDatabase({ engine: "postgres", url: config.databaseUrl! })
      : await openDatabase({ engine: "pglite", dataDir: config.dataDir });
  try {
    const { current } = options.migrate === false ? { current: "unchecked" } : await migrate(database.db);
    const clock = config.testClock ? new MovableClock(database.db) : systemClock;
    if (clock instanceof MovableClock) await clock.refresh();
    return {
      config,
      db: database.db,
      engine: database.engine,
      clock,
      keyring: new Keyring(loadMasterKey(config), config.hashAlgorithm, config.cipherAlgorithm),
      files: createFileStore(config),
      database,
      migration: current,
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
