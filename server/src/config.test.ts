import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const KEY = "a".repeat(64);

describe("parseConfig", () => {
  it("defaults to embedded PGlite in ./data on port 8080 with the demo", () => {
    const c = parseConfig({}, "/srv/pingan");
    expect(c).toMatchObject({
      port: 8080,
      engine: "pglite",
      dataDir: "/srv/pingan/data",
      demo: true,
      timeZone: "Asia/Shanghai",
    });
    expect(c.hashAlgorithm).toBe("sha256");
    expect(c.testClock).toBe(false);
  });

  it("uses PostgreSQL with DATABASE_URL, seeds nothing by default and requires a secret key", () => {
    expect(() => parseConfig({ DATABASE_URL: "postgres://u@h/db" })).toThrow(/PINGAN_SECRET_KEY/);
    const c = parseConfig({ DATABASE_URL: "postgres://u@h/db", PINGAN_SECRET_KEY: KEY });
    expect(c.engine).toBe("postgres");
    expect(c.demo).toBe(false);
    expect(
      parseConfig({ DATABASE_URL: "postgres://u@h/db", PINGAN_SECRET_KEY: KEY, PINGAN_DEMO: "1" }).demo,
    ).toBe(true);
  });

  it.each([
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }],
    ["PINGAN_DEMO", { PINGAN_DEMO: "maybe" }],
    ["PINGAN_SECRET_KEY", { PINGAN_SECRET_KEY: "short" }],
    ["PINGAN_TIMEZONE", { PINGAN_TIMEZONE: "Mars/Olympus" }],
    ["PINGAN_HASH", { PINGAN_HASH: "md5" }],
    ["S3_ENDPOINT", { PINGAN_FILES: "s3" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["PINGAN_DEMO_PASSWORD", { PINGAN_DEMO_PASSWORD: "short" }],
    ["PINGAN_BASEMAP_TILES", { PINGAN_BASEMAP_TILES: "ftp://tiles" }],
    ["PINGAN_AREA_LEVELS", { PINGAN_AREA_LEVELS: "street,village" }],
    ["PINGAN_AREA_LEVELS", { PINGAN_AREA_LEVELS: "grid,street" }],
    [
      "PINGAN_BASEMAP_CRS",
      { PINGAN_BASEMAP_TILES: "https://t.example/{z}/{x}/{y}.png", PINGAN_BASEMAP_CRS: "utm" },
    ],
  ])("names %s when its value is bad", (variable, env) => {
    try {
      parseConfig(env as Record<string, string>);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it("has no basemap unless configured, so the map fetches nothing from outside", () => {
    expect(parseConfig({}).basemap).toBeNull();
    expect(
      parseConfig({ PINGAN_BASEMAP_TILES: "https://t0.example/{z}/{x}/{y}.png", PINGAN_BASEMAP_CRS: "gcj02" })
        .basemap,
    ).toEqual({
      tiles: ["https://t0.example/{z}/{x}/{y}.png"],
      crs: "gcj02",
      attribution: "",
      maxZoom: 18,
    });
  });

  it("uses all six area levels unless told which, in order", () => {
    expect(parseConfig({}).areaLevels).toEqual([
      "district",
      "street",
      "grid_layer",
      "community",
      "grid",
      "micro_grid",
    ]);
    expect(parseConfig({ PINGAN_AREA_LEVELS: "street,community,grid" }).areaLevels).toEqual([
      "street",
      "community",
      "grid",
    ]);
  });

  it("accepts the key as base64 too", () => {
    const b64 = Buffer.alloc(32, 7).toString("base64");
    expect(parseConfig({ PINGAN_SECRET_KEY: b64 }).secretKey).toBe(b64);
  });
});
