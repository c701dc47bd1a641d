/**
 * `pingan registry import --kind persons|places|houses --file FILE [--area CODE] [--user USERNAME]`:
 * the same validation and batched load as the console's import, run directly on the database, with
 * progress (rows validated, rows loaded, rate) and every bad row on the terminal. Exit code 1 when
 * the file is invalid. Interrupted, it resumes where it stopped when run again with the same file.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../config";
import { systemActor, type Actor } from "../core/actor";
import { inTransaction, makeCtx } from "../core/context";
import { IMPORT_KINDS } from "../modules/registry/import/columns";
import { readImport } from "../modules/registry/import/read-imports";
import { runImportStep } from "../modules/registry/import/run-import";
import { startImport } from "../modules/registry/import/start-import";
import * as usersRepo from "../modules/users/users.repo";
import { openRuntime } from "../runtime";

const USAGE = `pingan registry import --kind persons|places|houses --file FILE [--area CODE] [--user USERNAME]
  validates every row first (a file with any bad row imports nothing; the bad rows are listed),
  then loads in batches of 1,000 rows; the same file again changes nothing.
  --area  the area for rows that name no grid (所属网格编码) and have no point
  --user  import as this user (their scope applies; default: the system, every area)`;

const rate = (rows: number, ms: number) =>
  `${Math.round((rows * 1000) / Math.max(ms, 1)).toLocaleString("en")} rows/s`;

/** Runs `pingan registry …`; returns the exit code. */
export async function registryCommand(
  config: Config,
  sub: string | undefined,
  args: string[],
): Promise<number> {
  if (sub !== "import") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args,
    options: {
      kind: { type: "string" },
      file: { type: "string" },
      area: { type: "string" },
      user: { type: "string" },
    },
  });
  const kind = IMPORT_KINDS.find((k) => k === values.kind);
  if (!kind || !values.file) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(values.file)) {
    console.error(`no such file: ${values.file}`);
    return 2;
  }
  const bytes = fs.readFileSync(values.file);
  const rt = await openRuntime(config);
  try {
    let actor: Actor = systemActor;
    if (values.user) {
      const user = await usersRepo.findByUsername(rt.db, values.user);
      if (!user) {
        console.error(`no user ${values.user}`);
        return 2;
      }
      actor = await usersRepo.actorFor(rt.db, user, "token");
    }
    const started = await inTransaction(rt, { actor }, (ctx) =>
      startImport(ctx, {
        kind,
        fileName: path.basename(values.file!),
        bytes,
        areaCode: values.area,
        enqueue: false,
      }),
    );
    if (started.reused)
      console.error(`this file was imported before (or is being imported): import ${started.id}`);
    const t0 = performance.now();
    let lastPrint = 0;
    const progress = (line: string, force = false) => {
      const now = performance.now();
      if (!force && now - lastPrint < 1_000) return;
      lastPrint = now;
      console.error(line);
    };
    let status = (await readImport(makeCtx(rt, { actor }), started.id)).status;
    let loadStart = 0;
    let loadedAtStart = 0;
    while (status === "validating" || status === "loading") {
      const step = await rt.db.transaction((tx) =>
        runImportStep(rt, tx, started.id, {
          source: { path: values.file! },
          onValidated: (n) =>
            progress(`validated ${n.toLocaleString("en")} rows (${rate(n, performance.now() - t0)})`),
        }),
      );
      if (status === "validating") {
        progress(
          `validated ${step.total.toLocaleString("en")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          true,
        );
        loadStart = performance.now();
        loadedAtStart = step.processed;
      } else
        progress(
          `loaded ${step.processed.toLocaleString("en")} / ${step.total.toLocaleString("en")} rows (${rate(step.processed - loadedAtStart, performance.now() - loadStart)})`,
          step.status !== "loading",
        );
      status = step.status;
    }
    const imp = await readImport(makeCtx(rt, { actor }), started.id);
    if (imp.status === "invalid") {
      console.error(`\n${imp.problemCount} problem(s) in ${imp.totalRows} rows: nothing was imported`);
      for (const e of imp.errors)
        console.log(`row ${e.row}\t${e.column ?? e.field}\t${e.code}\t${e.message.zh} / ${e.message.en}`);
      if (imp.errorsTruncated) console.log(`… and ${imp.problemCount - imp.errors.length} more`);
      return 1;
    }
    if (imp.status !== "done") {
      console.error(`import ${imp.id} ended ${imp.status}${imp.failure ? `: ${imp.failure}` : ""}`);
      return 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({
        import: imp.id,
        kind,
        rows: imp.totalRows,
        ...imp.counts,
        seconds: +seconds.toFixed(1),
      }),
    );
    return 0;
  } finally {
    await rt.close();
  }
}
