import path from "node:path";

/** The whole configuration of one Pingan process, parsed once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL 15+; undefined → embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  engine: "pglite" | "postgres";
  /** Seed the demo street on a first start. */
  demo: boolean;
  demoPassword: string;
  /** 32-byte master key (hex or base64); undefined → generated into dataDir (embedded only). */
  secretKey: string | undefined;
  testClock: boolean;
  timeZone: string;
  hashAlgorithm: "sha256" | "sm3";
  cipherAlgorithm: "aes-256-gcm" | "sm4";
  files:
    | { backend: "local" }
    | {
        backend: "s3";
        endpoint: string;
        bucket: string;
        region: string;
        accessKey: string;
        secretKey: string;
      };
  uploadMaxBytes: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  sessionTtlHours: number;
  tokenTtlHours: number;
  cookieSecure: boolean;
  runJobs: boolean;
  webDist: string;
  /** The area levels this deployment uses, top to bottom (a subset of the six, in their order). */
  areaLevels: string[];
  /** Raster basemap for the console's map; null → polygons on a plain background, nothing fetched. */
  basemap: { tiles: string[]; crs: "wgs84" | "gcj02" | "bd09"; attribution: string; maxZoom: number } | null;
}

/** A configuration error names the variable so the operator knows what to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(name, `must be 0 or 1 (true/false), got "${env[name]}"`);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw new ConfigError(name, `must be one of ${values.join(", ")}, got "${raw}"`);
  return raw as T;
}

function required(env: Env, name: string, why: string): string {
  const raw = env[name]?.trim();
  if (!raw) throw new ConfigError(name, `is required ${why}`);
  return raw;
}

/** Parses and checks the environment; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Env, cwd = process.cwd()): Config {
  const port = int(env, "PORT", 8080, 0, 65535);
  const host = env.HOST?.trim() || "0.0.0.0";
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl))
    throw new ConfigError("DATABASE_URL", "must start with postgres:// or postgresql://");
  const engine = databaseUrl ? "postgres" : "pglite";
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || "data");
  const demo = bool(env, "PINGAN_DEMO", engine === "pglite");
  const demoPassword = env.PINGAN_DEMO_PASSWORD ?? "pingan-demo";
  if (demoPassword.length < 8)
    throw new ConfigError("PINGAN_DEMO_PASSWORD", "must have at least 8 characters");

  const secretKey = env.PINGAN_SECRET_KEY?.trim() || undefined;
  if (secretKey !== undefined && decodeKey(secretKey) === undefined)
    throw new ConfigError("PINGAN_SECRET_KEY", "must be 32 bytes as 64 hex digits or base64");
  if (engine === "postgres" && secretKey === undefined)
    throw new ConfigError(
      "PINGAN_SECRET_KEY",
      "is required with DATABASE_URL (generate one: openssl rand -hex 32)",
    );

  const timeZone = env.PINGAN_TIMEZONE?.trim() || "Asia/Shanghai";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new ConfigError("PINGAN_TIMEZONE", `is not a known IANA time zone: "${timeZone}"`);
  }

  const filesBackend = oneOf(env, "PINGAN_FILES", ["local", "s3"] as const, "local");
  const files: Config["files"] =
    filesBackend === "local"
      ? { backend: "local" }
      : {
          backend: "s3",
          endpoint: required(env, "S3_ENDPOINT", "when PINGAN_FILES=s3"),
          bucket: required(env, "S3_BUCKET", "when PINGAN_FILES=s3"),
          region: env.S3_REGION?.trim() || "us-east-1",
          accessKey: required(env, "S3_ACCESS_KEY", "when PINGAN_FILES=s3"),
          secretKey: required(env, "S3_SECRET_KEY", "when PINGAN_FILES=s3"),
        };
  if (files.backend === "s3" && !/^https?:\/\//.test(files.endpoint))
    throw new ConfigError("S3_ENDPOINT", "must start with http:// or https://");

  return {
    port,
    host,
    databaseUrl,
    dataDir,
    engine,
    demo,
    demoPassword,
    secretKey,
    testClock: bool(env, "PINGAN_TEST_CLOCK", false),
    timeZone,
    hashAlgorithm: oneOf(env, "PINGAN_HASH", ["sha256", "sm3"] as const, "sha256"),
    cipherAlgorithm: oneOf(env, "PINGAN_CIPHER", ["aes-256-gcm", "sm4"] as const, "aes-256-gcm"),
    files,
    uploadMaxBytes: int(env, "PINGAN_UPLOAD_MAX_MB", 20, 1, 1024) * 1024 * 1024,
    logLevel: oneOf(
      env,
      "LOG_LEVEL",
      ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const,
      "info",
    ),
    sessionTtlHours: int(env, "PINGAN_SESSION_HOURS", 12, 1, 24 * 30),
    tokenTtlHours: int(env, "PINGAN_TOKEN_HOURS", 24 * 30, 1, 24 * 365),
    cookieSecure: bool(env, "PINGAN_COOKIE_SECURE", false),
    runJobs: bool(env, "PINGAN_JOBS", true),
    webDist: path.resolve(cwd, env.PINGAN_WEB_DIST?.trim() || defaultWebDist()),
    basemap: parseBasemap(env),
    areaLevels: parseLevels(env),
  };
}

const ALL_LEVELS = ["district", "street", "grid_layer", "community", "grid", "micro_grid"];

function parseLevels(env: Env): string[] {
  const raw = env.PINGAN_AREA_LEVELS?.trim();
  if (!raw) return ALL_LEVELS;
  const levels = raw.split(",").map((l) => l.trim());
  const unknown = levels.filter((l) => !ALL_LEVELS.includes(l));
  if (unknown.length)
    throw new ConfigError(
      "PINGAN_AREA_LEVELS",
      `has unknown levels ${unknown.join(", ")} (known: ${ALL_LEVELS.join(", ")})`,
    );
  const ordered = ALL_LEVELS.filter((l) => levels.includes(l));
  if (ordered.join() !== levels.join())
    throw new ConfigError("PINGAN_AREA_LEVELS", `must list levels top to bottom: ${ordered.join(",")}`);
  return levels;
}

function parseBasemap(env: Env): Config["basemap"] {
  const raw = env.PINGAN_BASEMAP_TILES?.trim();
  if (!raw) return null;
  const tiles = raw.split(",").map((t) => t.trim());
  for (const t of tiles)
    if (!/^https?:\/\/.+\{z\}.*\{[xy]\}/.test(t))
      throw new ConfigError(
        "PINGAN_BASEMAP_TILES",
        `must be http(s) URL templates with {z}, {x} and {y}, got "${t}"`,
      );
  return {
    tiles,
    crs: oneOf(env, "PINGAN_BASEMAP_CRS", ["wgs84", "gcj02", "bd09"] as const, "wgs84"),
    attribution: env.PINGAN_BASEMAP_ATTRIBUTION?.trim() ?? "",
    maxZoom: int(env, "PINGAN_BASEMAP_MAX_ZOOM", 18, 1, 22),
  };
}

function defaultWebDist(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../web/dist");
}

/** Decodes a 32-byte key given as hex or base64; undefined when it is neither. */
export function decodeKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  const b = Buffer.from(text, "base64");
  return b.length === 32 ? b : undefined;
}

/** Reads the process environment once (the only place in the server that does). */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
