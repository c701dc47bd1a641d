import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface DataDirLock {
  file: string;
  release(): void;
}

/** Raised when another live process holds the embedded database folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Pingan process (pid ${holderPid}). ` +
        `Stop it first, or point DATA_DIR elsewhere. 数据目录正被另一个平安进程使用（pid ${holderPid}），请先停止它。`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Lock files this process holds now. A lock file naming our pid that is not here was left by an
 * earlier process that had the same pid (pid 1 in a container), so it is stale.
 */
const heldHere = new Set<string>();

/** Takes DATA_DIR/pingan.lock atomically (O_EXCL); a lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.resolve(dataDir, "pingan.lock");
  if (heldHere.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }),
      );
      fs.closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        try {
          const held = JSON.parse(fs.readFileSync(file, "utf8")) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
        process.off("exit", release);
      };
      process.on("exit", release);
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        // a half-written lock file: treat as stale
      }
      const pid = Number(holder.pid);
      const sameHost = !holder.host || holder.host === os.hostname();
      if (Number.isInteger(pid) && pid !== process.pid && (!sameHost || isAlive(pid)))
        throw new DataDirLockedError(dataDir, pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

/** Tells whether a live process holds the folder, without taking it. */
export function dataDirHolder(dataDir: string): number | undefined {
  try {
    const held = JSON.parse(fs.readFileSync(path.join(dataDir, "pingan.lock"), "utf8")) as { pid: number };
    return isAlive(held.pid) && held.pid !== process.pid ? held.pid : undefined;
  } catch {
    return undefined;
  }
}
