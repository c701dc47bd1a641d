import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { settings } from "../db/schema";

/** Where every domain function gets the time; tests move it, production never does. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const KEY = "test_clock_offset_ms";

/**
 * A clock offset from real time, kept in the settings table so that every process on the
 * database sees the same moved time (it re-reads the offset on refresh()).
 */
export class MovableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly db: Db) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  async refresh(): Promise<void> {
    const rows = await this.db.select().from(settings).where(eq(settings.key, KEY));
    this.offsetMs = rows[0] ? Number(rows[0].value) : 0;
  }

  /** Sets the time seen by all processes; returns the new now. */
  async set(to: Date): Promise<Date> {
    const offset = to.getTime() - Date.now();
    await this.db
      .insert(settings)
      .values({ key: KEY, value: offset })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedAt: new Date() },
      });
    this.offsetMs = offset;
    return this.now();
  }
}
