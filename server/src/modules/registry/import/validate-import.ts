/**
 * Phase 1 of an import: reads every row of the file, converts its cells, runs the registry's own
 * input checks and the import's (area in scope, duplicates in the file and against the database),
 * and collects every problem with its row number. Rows are staged, a chunk per batch, only while no
 * problem has been found; a file with any bad row stages nothing and imports nothing.
 */
import { convertCell } from "./cells";
import type { RowProblem } from "./columns";
import { AreaResolver } from "./area-resolver";
import * as repo from "./import.repo";
import type { ImportEnv, KindSpec, LocatedArea, PreparedRow, StagedRow } from "./kind";
import { readRows, type FileFormat, type FileSource, type HeaderInfo } from "./read-rows";

/** Problems kept in an import's record; the total is kept beside them. */
export const STORED_PROBLEMS = 1_000;
/** Problems held in memory while reading (to sort them by row before keeping the first 1,000). */
const HELD_PROBLEMS = 50_000;
const BATCH = 1_000;

export interface ValidationResult {
  totalRows: number;
  /** Rows staged for loading (all of them when valid, none when not). */
  staged: number;
  problems: RowProblem[];
  problemCount: number;
  ignoredColumns: string[];
}

export interface ValidateOptions {
  /** Rows per database check and per staged chunk (= per load batch); 1,000 unless told. */
  batchSize?: number;
  source: FileSource;
  format: FileFormat;
  defaultArea: LocatedArea | null;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rows: number) => void;
}

/** The staged form of a row: its checked input and area, sealed (it holds ID numbers and phones). */
export function sealStaged(env: ImportEnv, r: PreparedRow): string {
  const staged: StagedRow = {
    row: r.row,
    input: r.input,
    extra: r.extra,
    areaId: r.area!.areaId,
    areaPath: r.area!.areaPath,
  };
  return env.keyring.encrypt(JSON.stringify(staged));
}

/** The row staged by sealStaged. */
export function openStaged(env: ImportEnv, data: unknown): StagedRow {
  return JSON.parse(env.keyring.decrypt(data as string)) as StagedRow;
}

/** Validates a whole file for `spec` in env.tx and stages its rows when all are good. */
export async function validateImport(
  env: ImportEnv,
  spec: KindSpec,
  o: ValidateOptions,
): Promise<ValidationResult> {
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const validator = spec.validator(env);
  const resolver = new AreaResolver(env, o.defaultArea);
  const held: RowProblem[] = [];
  let problemCount = 0;
  const add = (ps: RowProblem[]) => {
    problemCount += ps.length;
    for (const p of ps) if (held.length < HELD_PROBLEMS) held.push(p);
  };
  let header: HeaderInfo | undefined;
  let total = 0;
  let staged = 0;
  let batch: PreparedRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    add(await validator.checkBatch(env, batch));
    add(await resolver.resolve(batch));
    if (problemCount === 0) {
      // one staged chunk per batch: the load takes a chunk per transaction
      const encode = spec.stage ?? sealStaged;
      await repo.stage(env.tx, env.importId, [
        { seq: staged + 1, rowNo: batch[0]!.row, data: JSON.stringify(batch.map((r) => encode(env, r))) },
      ]);
      staged += batch.length;
    }
    batch = [];
    o.onProgress?.(total);
  };

  for await (const dr of readRows(o.source, o.format, spec.columns, (h) => {
    header = h;
    add(h.problems);
  })) {
    total++;
    const values: Record<string, unknown> = {};
    const cellProblems: RowProblem[] = [];
    for (const [key, raw] of dr.cells) {
      const c = convertCell(byKey.get(key)!, raw, dr.row);
      if (c.problem) cellProblems.push(c.problem);
      else if (c.value !== undefined) values[key] = c.value;
    }
    const { prepared, problems } = validator.prepare(values, dr.row);
    if (cellProblems.length + problems.length > 0) prepared.bad = true;
    add(cellProblems);
    add(problems);
    batch.push(prepared);
    if (batch.length >= (o.batchSize ?? BATCH)) await flush();
  }
  await flush();
  add(await validator.finish(env));
  if (problemCount > 0 && staged > 0) {
    await repo.clearStaged(env.tx, env.importId);
    staged = 0;
  }
  held.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  return {
    totalRows: total,
    staged,
    problems: held.slice(0, STORED_PROBLEMS),
    problemCount,
    ignoredColumns: header?.ignored ?? [],
  };
}
