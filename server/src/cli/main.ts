import fs from "node:fs";
import { parseArgs } from "node:util";
import readline from "node:readline";
import { ConfigError, loadConfig, type Config } from "../config";
import { systemActor, ROLES, type Role } from "../core/actor";
import { verifyAudit, sealAllAudit } from "../core/audit";
import { AppError } from "../core/errors";
import { inTransaction } from "../core/context";
import { DataDirLockedError } from "../db/data-dir-lock";
import { openDatabase } from "../db/database";
import { migrate } from "../db/migrate";
import { backup, restore } from "../db/backup";
import { generateDemo } from "../demo/generate";
import { generateEventHistory } from "../demo/event-history";
import { SCALES } from "../demo/area-plans";
import { createUser } from "../modules/users/create-user";
import { updateUser } from "../modules/users/update-user";
import * as usersRepo from "../modules/users/users.repo";
import { createApiKey } from "../modules/auth/api-keys";
import { openRuntime } from "../runtime";
import { importAreas, LEVEL_ORDER } from "../modules/areas/import-areas";
import { CRS_VALUES } from "../modules/areas/geo/crs";
import { startServer } from "../server";

const HELP = `pingan — 平安 基层智治平台

  pingan start                       serve API and console (PORT, DATA_DIR / DATABASE_URL)
  pingan migrate                     apply database migrations
  pingan areas import FILE --level L [--parent CODE] --code-prop P --name-prop P [--strict] [--crs wgs84|gcj02|bd09]
                                     import GeoJSON areas (all or nothing; problems listed)
  pingan user add --username U --name N --role R[,R] [--scope CODE[,CODE]] [--department CODE] [--password P]
  pingan user passwd USERNAME [--password P]
  pingan user list
  pingan apikey create --name NAME [--user USERNAME]
  pingan audit verify                recompute the audit hash chain; exit 1 naming the first bad row
  pingan backup FILE                 write a portable backup (gzipped JSON lines)
  pingan restore FILE                load a backup into an empty database
  pingan generate --scale street|chengxiang|district --seed N [--people N] [--events N]
                                     generate demo data into an empty database: areas, accounts,
                                     people (--people, default by scale), live events, and
                                     --events N past events over the last year (for scale tests)

Passwords not given with --password are read from standard input.
Configuration comes from the environment: see the README's table.`;

async function readPassword(prompt: string): Promise<string> {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) =>
    rl.once("line", resolve).once("close", () => resolve("")),
  );
  rl.close();
  if (process.stdin.isTTY) process.stderr.write("\n");
  return line.trim();
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

async function withRuntime<T>(
  config: Config,
  fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>,
): Promise<T> {
  const rt = await openRuntime(config);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (!command || command === "help" || command === "--help" || command === "-h") {
      console.log(HELP);
      return command ? 0 : 2;
    }
    const config = loadConfig();
    switch (command) {
      case "start": {
        const server = await startServer(config);
        const stop = async (signal: string) => {
          console.log(`${signal}: stopping…`);
          await server.stop();
          process.exit(0);
        };
        process.once("SIGINT", () => void stop("SIGINT"));
        process.once("SIGTERM", () => void stop("SIGTERM"));
        return await new Promise<number>(() => {});
      }
      case "migrate": {
        const database =
          config.engine === "postgres"
            ? await openDatabase({ engine: "postgres", url: config.databaseUrl! })
            : await openDatabase({ engine: "pglite", dataDir: config.dataDir });
        try {
          const { applied, current } = await migrate(database.db);
          console.log(
            applied.length ? `applied ${applied.join(", ")}; now at ${current}` : `up to date at ${current}`,
          );
        } finally {
          await database.close();
        }
        return 0;
      }
      case "user":
        return await userCommand(config, sub, rest);
      case "areas": {
        if (sub !== "import") break;
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            level: { type: "string" },
            parent: { type: "string" },
            "code-prop": { type: "string" },
            "name-prop": { type: "string" },
            strict: { type: "boolean", default: false },
            crs: { type: "string", default: "wgs84" },
          },
        });
        const file = positionals[0];
        const level = LEVEL_ORDER.find((l) => l === values.level);
        const crs = CRS_VALUES.find((c) => c === values.crs);
        if (!file || !level || !values["code-prop"] || !values["name-prop"] || !crs)
          throw usage(
            `areas import needs FILE, --level (${LEVEL_ORDER.join("|")}), --code-prop, --name-prop, and --crs wgs84|gcj02|bd09`,
          );
        const body = JSON.parse(fs.readFileSync(file, "utf8"));
        const report = await withRuntime(config, (rt) =>
          inTransaction(rt, { actor: systemActor }, (ctx) =>
            importAreas(ctx, {
              level,
              parentCode: values.parent,
              codeProp: values["code-prop"]!,
              nameProp: values["name-prop"]!,
              strict: values.strict!,
              crs,
              body,
            }),
          ),
        );
        for (const w of report.warnings) console.error(`warning: ${w.message.en}`);
        console.log(JSON.stringify({ ...report, warnings: report.warnings.length }));
        return 0;
      }
      case "apikey": {
        if (sub !== "create") break;
        const { values } = parseArgs({
          args: rest,
          options: { name: { type: "string" }, user: { type: "string" } },
        });
        if (!values.name) throw usage("apikey create needs --name");
        const result = await withRuntime(config, (rt) =>
          inTransaction(rt, { actor: systemActor }, (ctx) =>
            createApiKey(ctx, {
              name: values.name!,
              username: values.user ?? firstAdminPlaceholder(values.user),
            }),
          ),
        );
        console.log(result.key);
        console.error(`API key ${result.prefix} for ${result.username}: shown once, store it now.`);
        return 0;
      }
      case "audit": {
        if (sub !== "verify") break;
        const result = await withRuntime(config, async (rt) => {
          await sealAllAudit(rt.db, rt.keyring);
          return verifyAudit(rt.db, rt.keyring);
        });
        console.log(JSON.stringify(result));
        return result.ok ? 0 : 1;
      }
      case "backup": {
        if (!sub) throw usage("backup needs a FILE");
        const r = await withRuntime(config, (rt) => backup(rt.db, sub, rt.engine));
        console.log(`backup written to ${sub}: ${r.tables} tables, ${r.rows} rows`);
        return 0;
      }
      case "restore": {
        if (!sub) throw usage("restore needs a FILE");
        const r = await withRuntime(config, (rt) => restore(rt.db, sub));
        console.log(`restored ${r.rows} rows into ${r.tables} tables`);
        return 0;
      }
      case "registry":
        return await (await import("./registry-import")).registryCommand(config, sub, rest);
      case "generate": {
        const { values } = parseArgs({
          args: [sub, ...rest].filter((x): x is string => x !== undefined),
          options: {
            scale: { type: "string", default: "street" },
            seed: { type: "string", default: "1" },
            people: { type: "string" },
            events: { type: "string", default: "0" },
          },
        });
        const scale = SCALES.find((x) => x === values.scale);
        if (!scale) throw usage(`unknown scale ${values.scale} (known: ${SCALES.join(", ")})`);
        const seed = Number(values.seed);
        if (!Number.isInteger(seed)) throw usage("--seed must be a whole number");
        const people = values.people === undefined ? undefined : Number(values.people);
        if (people !== undefined && !(Number.isInteger(people) && people >= 0))
          throw usage("--people must be a whole number");
        const events = Number(values.events);
        if (!(Number.isInteger(events) && events >= 0)) throw usage("--events must be a whole number");
        const summary = await withRuntime(config, async (rt) => {
          const t0 = performance.now();
          const demo = await inTransaction(rt, { actor: systemActor }, (ctx) =>
            generateDemo(ctx, { scale, seed, password: config.demoPassword, people }),
          );
          console.error(`areas, accounts and people in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          if (events > 0) {
            const to = rt.clock.now();
            const from = new Date(to.getTime() - 365 * 86_400_000);
            const t1 = performance.now();
            await generateEventHistory(rt.db, {
              seed,
              count: events,
              from,
              to,
              onProgress: (n) =>
                console.error(
                  `events: ${n.toLocaleString("en")} (${Math.round(n / ((performance.now() - t1) / 1000))}/s)`,
                ),
            });
          }
          return { ...demo, history: events };
        });
        console.log(JSON.stringify(summary));
        return 0;
      }
    }
    console.error(HELP);
    return 2;
  } catch (err) {
    return report(err);
  }
}

function firstAdminPlaceholder(user: string | undefined): string | undefined {
  if (user) return user;
  throw usage("apikey create needs --user USERNAME (the account the key acts as)");
}

class UsageError extends Error {}
const usage = (m: string) => new UsageError(m);

function report(err: unknown): number {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${HELP}`);
    return 2;
  }
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    return 1;
  }
  if (err instanceof AppError) {
    console.error(
      `${err.code}: ${err.messages.zh} / ${err.messages.en}${err.field ? ` (${err.field})` : ""}`,
    );
    return 1;
  }
  console.error(err instanceof Error ? err.message : String(err));
  return 1;
}

async function userCommand(config: Config, sub: string | undefined, args: string[]): Promise<number> {
  if (sub === "list") {
    const rows = await withRuntime(config, async (rt) => {
      const { rows } = await usersRepo.listUsers(rt.db, 10_000, 0);
      const scopes = await usersRepo.scopesOf(
        rt.db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({ ...r, scopes: scopes.get(r.id) ?? [] }));
    });
    for (const u of rows)
      console.log(
        `${u.username.padEnd(24)} ${u.roles.join(",").padEnd(24)} ${u.scopes
          .map((s) => s.code)
          .join(",")
          .padEnd(30)} ${u.disabled ? "disabled" : ""}`,
      );
    return 0;
  }
  if (sub === "add") {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        scope: { type: "string" },
        department: { type: "string" },
        password: { type: "string" },
      },
    });
    if (!values.username || !values.role) throw usage("user add needs --username and --role");
    const roles = list(values.role);
    const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (bad.length) throw usage(`unknown role ${bad.join(",")} (roles: ${ROLES.join(", ")})`);
    const password = values.password ?? (await readPassword(`Password for ${values.username}: `));
    const view = await withRuntime(config, (rt) =>
      inTransaction(rt, { actor: systemActor }, (ctx) =>
        createUser(ctx, {
          username: values.username!,
          displayName: values.name ?? values.username!,
          password,
          roles: roles as Role[],
          scopeCodes: list(values.scope),
          department: values.department ?? null,
        }),
      ),
    );
    console.log(
      `created ${view.username} (${view.roles.join(",")})${view.scopes.length ? ` scope ${view.scopes.map((s) => s.code).join(",")}` : ""}`,
    );
    return 0;
  }
  if (sub === "passwd") {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { password: { type: "string" } },
    });
    const username = positionals[0];
    if (!username) throw usage("user passwd needs a USERNAME");
    const password = values.password ?? (await readPassword(`New password for ${username}: `));
    await withRuntime(config, (rt) =>
      inTransaction(rt, { actor: systemActor }, async (ctx) => {
        const user = await usersRepo.findByUsername(ctx.tx, username);
        if (!user) throw usage(`no user ${username}`);
        await updateUser(ctx, user.id, { password });
      }),
    );
    console.log(`password changed for ${username}; their sessions were ended`);
    return 0;
  }
  throw usage(`unknown command: user ${sub ?? ""}`);
}
