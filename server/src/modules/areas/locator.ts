import { and, eq, isNotNull, or, sql } from "drizzle-orm";
import { localDate } from "../../core/time";
import type { Services } from "../../core/context";
import type { Executor } from "../../db/database";
import { areas, settings } from "../../db/schema";
import type { AreaGeometry } from "./geo/geojson";
import { AreaIndex, pathDepth, type IndexedArea } from "./geo/spatial-index";

const VERSION_KEY = "areas_version";

/** Active areas only: an area whose valid_to has come is retired (kept for history and old records). */
export const activeArea = (today: string) =>
  or(sql`${areas.validTo} is null`, sql`${areas.validTo} > ${today}`)!;
const CHECK_EVERY_MS = 2_000;

export interface LocatedArea extends IndexedArea {
  name: string;
  path: string;
}

/** Marks the area layer changed, in the caller's transaction; every process rebuilds its index. */
export async function bumpAreasVersion(tx: Executor): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: VERSION_KEY, value: 1 })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: sql`(${settings.value}::text::bigint + 1)::text::jsonb`, updatedAt: new Date() },
    });
}

/**
 * Point → smallest containing area, over an in-memory index of every area polygon. The index is
 * rebuilt when the areas' version (kept in the database) moves, checked at most every 2 s.
 */
export class AreaLocator {
  private index: AreaIndex<LocatedArea> | undefined;
  private version: string | undefined;
  private checkedAt = 0;
  private building: Promise<void> | undefined;

  constructor(private readonly services: Pick<Services, "db" | "clock" | "config">) {}

  private today(): string {
    return localDate(this.services.clock.now(), this.services.config.timeZone);
  }

  private async currentVersion(db: Executor): Promise<string> {
    const rows = await db.select().from(settings).where(eq(settings.key, VERSION_KEY));
    // the date is part of the version: an area whose valid_to arrives leaves the index that day
    return `${JSON.stringify(rows[0]?.value ?? 0)}@${this.today()}`;
  }

  // db: the executor to read with; inside a transaction pass it (PGlite has one connection)
  private async refresh(db: Executor): Promise<AreaIndex<LocatedArea>> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < CHECK_EVERY_MS) return this.index;
    this.building ??= (async () => {
      const version = await this.currentVersion(db);
      this.checkedAt = Date.now();
      if (this.index && version === this.version) return;
      const rows = await db
        .select({
          code: areas.code,
          name: areas.name,
          level: areas.level,
          path: areas.path,
          geometry: areas.geometry,
        })
        .from(areas)
        .where(and(isNotNull(areas.geometry), activeArea(this.today())));
      this.index = new AreaIndex(
        rows.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          path: r.path,
          depth: pathDepth(r.path),
          geometry: r.geometry as AreaGeometry,
        })),
      );
      this.version = version;
    })().finally(() => (this.building = undefined));
    await this.building;
    return this.index!;
  }

  /** The smallest area containing the WGS84 point; on a shared edge the lower code; null outside all. */
  async locate(lng: number, lat: number, db: Executor = this.services.db): Promise<LocatedArea | null> {
    return (await this.refresh(db)).locate(lng, lat) ?? null;
  }

  /** Forces the next locate to re-read the areas (after a change made by this process). */
  invalidate(): void {
    this.checkedAt = 0;
  }
}

const locators = new WeakMap<object, AreaLocator>();

/** The locator of this process for a database. */
export function locatorFor(services: Pick<Services, "db" | "clock" | "config">): AreaLocator {
  let l = locators.get(services.db);
  if (!l) locators.set(services.db, (l = new AreaLocator(services)));
  return l;
}
