/**
 * What each kind of import (persons, places, houses) supplies to the one import pipeline: its
 * columns, how a row becomes the contract's input, the database checks for a batch of rows, the
 * file-wide checks, and how a batch of checked rows is written.
 */
import type { Actor } from "../../../core/actor";
import type { Ctx, Services } from "../../../core/context";
import type { Keyring } from "../../../core/crypto";
import type { Message } from "../../../core/errors";
import type { Executor } from "../../../db/database";
import type { Column, ImportKind, RowProblem } from "./columns";

/** Where a row says it is: the grid code it names, or a point. */
export interface RowLocation {
  areaCode?: string;
  lat?: number;
  lng?: number;
}

export interface LocatedArea {
  areaId: string;
  areaPath: string;
}

/** One row on its way through validation. */
export interface PreparedRow {
  row: number;
  /** The contract's input (PersonInput, PlaceInput, HouseInput): JSON only. */
  input: Record<string, unknown>;
  /** What the kind needs besides the contract's input (household number, owner…): JSON only. */
  extra: Record<string, unknown>;
  where: RowLocation;
  /** The area of a record the row refers to (a person's house), used when the row names none. */
  fallback?: LocatedArea;
  area?: LocatedArea;
  /** The record's identity within the file and the database (normalised ID, credit code, address). */
  key?: string;
  /** Problems found so far for this row. */
  bad: boolean;
}

/** A row that passed validation, as staged and loaded. */
export interface StagedRow {
  row: number;
  input: Record<string, unknown>;
  extra: Record<string, unknown>;
  areaId: string;
  areaPath: string;
}

/** What validation and loading of one import work with. */
export interface ImportEnv {
  tx: Executor;
  actor: Actor;
  keyring: Keyring;
  services: Services;
  /** YYYY-MM-DD in the platform's time zone. */
  today: string;
  now: Date;
  importId: string;
  /** The same transaction and actor as a context, for audit records. */
  ctx: Ctx;
}

/** Per-import validation state of a kind (file-wide checks such as households need it). */
export interface KindValidator {
  /** Converted cells (by column key) → the row's input; its problems. Pure. */
  prepare(values: Record<string, unknown>, row: number): { prepared: PreparedRow; problems: RowProblem[] };
  /** Database checks of a batch of rows (duplicates, references); may set `fallback`. */
  checkBatch(env: ImportEnv, rows: PreparedRow[]): Promise<RowProblem[]>;
  /** Checks that need the whole file (after the last row). */
  finish(env: ImportEnv): Promise<RowProblem[]>;
}

export interface LoadCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface KindSpec {
  kind: ImportKind;
  /** The data sheet's name in templates and exports. */
  sheet: string;
  columns: Column[];
  /** The identity column, named in duplicate messages. */
  keyLabel: Message;
  validator(env: ImportEnv): KindValidator;
  /** The JSON value a checked row is staged as (default: its input and area, sealed: it holds ID numbers). */
  stage?(env: ImportEnv, r: PreparedRow): unknown;
  /** The staged row back from that value. */
  unstage?(env: ImportEnv, data: unknown): StagedRow;
  /** Writes a batch of checked rows in env.tx; re-writing unchanged rows changes nothing. */
  load(env: ImportEnv, rows: StagedRow[]): Promise<LoadCounts>;
}

/** A problem of a row about a field of the contract's input, with the column it came from. */
export function fieldProblem(
  row: number,
  columns: readonly Column[],
  p: { field: string; code: string; message: Message },
): RowProblem {
  const column = columns.find((c) => c.key === p.field || p.field.startsWith(`${c.key}.`));
  return {
    row,
    field: p.field,
    code: p.code,
    message: p.message,
    ...(column ? { column: column.header } : {}),
  };
}

/** The problem of a row that repeats an earlier row's record. */
export function duplicateInFile(
  row: number,
  first: number,
  field: string,
  column: string,
  label: Message,
): RowProblem {
  return {
    row,
    field,
    column,
    code: "DUPLICATE_IN_FILE",
    message: {
      zh: `与第 ${first} 行的${label.zh}重复：同一记录只能出现一次`,
      en: `The same ${label.en} as row ${first}: a record may appear only once`,
    },
  };
}
