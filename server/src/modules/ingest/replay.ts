import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../db/database";
import { onTimeVerdict } from "../../core/working-days";

/** One closed (or still open) case of an outside system, replayed as an event with its own timing. */
export interface ReplayCase {
  sourceRef: string;
  categoryCode: string;
  title: string;
  description: string;
  openedAt: Date;
  /** The outside system's own SLA target, kept as the event's deadline. */
  deadline: Date | null;
  closedAt: Date | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  result: string | null;
}

export interface ReplayReport {
  read: number;
  inserted: number;
  /** Already replayed before (same source and reference): nothing written. */
  existing: number;
  closed: number;
  ms: number;
}

const COLUMNS = [
  "id",
  "tracking_code",
  "category_code",
  "title",
  "description",
  "urgency",
  "source",
  "source_ref",
  "lat",
  "lng",
  "address",
  "state",
  "version",
  "sla_stage",
  "deadline",
  "due_at",
  "colour",
  "accepted_at",
  "closed_at",
  "closed_on_time",
  "result",
  "created_at",
  "updated_at",
] as const;

/** The event row of a case: closed cases are closed with our on-time verdict against their own target. */
export function replayRow(source: string, c: ReplayCase): unknown[] {
  const id = crypto.randomUUID();
  const closed = c.closedAt !== null;
  const onTime = closed && c.deadline ? onTimeVerdict(c.closedAt!, c.deadline) === "ONTIME" : null;
  const colour = c.deadline && (closed ? !onTime : false) ? "red" : "green";
  const tracking = `R${crypto.createHash("sha256").update(`${source}:${c.sourceRef}`).digest("hex").slice(0, 11)}`;
  return [
    id,
    tracking,
    c.categoryCode,
    c.title.slice(0, 200),
    c.description.slice(0, 4000),
    "normal",
    source,
    c.sourceRef,
    c.lat,
    c.lng,
    c.address,
    closed ? "closed" : "handling",
    1,
    closed ? null : "handle",
    c.deadline,
    c.deadline,
    colour,
    c.openedAt,
    c.closedAt,
    onTime,
    c.result,
    c.openedAt,
    c.closedAt ?? c.openedAt,
  ];
}

/**
 * Writes replayed cases as events in batches, each batch one statement in the caller's executor:
 * the event and its timeline (reported, and closed when it is). Idempotent: a case already replayed
 * (same source and reference) is skipped, so a replay interrupted part way is simply run again.
 */
export async function replayCases(
  db: Executor,
  source: string,
  cases: Iterable<ReplayCase>,
  batchSize = 2_000,
): Promise<ReplayReport> {
  const t0 = performance.now();
  const report: ReplayReport = { read: 0, inserted: 0, existing: 0, closed: 0, ms: 0 };
  let batch: ReplayCase[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch.map((c) => replayRow(source, c));
    const inserted = await insertEventRows(db, rows);
    report.inserted += inserted.size;
    report.existing += batch.length - inserted.size;
    const actions: unknown[][] = [];
    for (const [i, c] of batch.entries()) {
      const id = rows[i]![0] as string;
      if (!inserted.has(id)) continue;
      actions.push([id, "report", null, "handling", 1, c.openedAt, `replay:${c.sourceRef}:report`]);
      if (c.closedAt) {
        report.closed++;
        actions.push([id, "close", "handling", "closed", 2, c.closedAt, `replay:${c.sourceRef}:close`]);
      }
    }
    await insertActions(db, actions);
    batch = [];
  };
  for (const c of cases) {
    report.read++;
    batch.push(c);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  report.ms = performance.now() - t0;
  return report;
}

/** The Postgres type of each of COLUMNS, for unnest. */
const TYPES = [
  "uuid",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "float8",
  "float8",
  "text",
  "text",
  "int",
  "text",
  "timestamptz",
  "timestamptz",
  "text",
  "timestamptz",
  "timestamptz",
  "bool",
  "text",
  "timestamptz",
  "timestamptz",
] as const;

/**
 * Event rows (as `replayRow` makes them) in one multi-row insert through unnest, one parameter per
 * column, into `table` (events, or a bare copy for a baseline). Answers the ids actually inserted:
 * into events, a case already replayed is skipped.
 */
export async function insertEventRows(
  db: Executor,
  rows: unknown[][],
  table = "events",
): Promise<Set<string>> {
  const cols = COLUMNS.map(
    (_, k) =>
      sql`${sql.param(rows.map((r) => (r[k] instanceof Date ? (r[k] as Date).toISOString() : (r[k] ?? null))))}::${sql.raw(TYPES[k]!)}[]`,
  );
  const conflict =
    table === "events"
      ? sql`on conflict (source, source_ref) where source_ref is not null do nothing`
      : sql``;
  const got = await queryRows<{ id: string }>(
    db,
    sql`insert into ${sql.identifier(table)} (${sql.raw(COLUMNS.join(", "))})
        select * from unnest(${sql.join(cols, sql`, `)}) ${conflict} returning id`,
  );
  return new Set(got.map((r) => r.id));
}

async function insertActions(db: Executor, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const col = (i: number) =>
    sql.param(rows.map((r) => (r[i] instanceof Date ? (r[i] as Date).toISOString() : r[i])));
  await db.execute(sql`
    insert into event_actions (event_id, action, from_state, to_state, version, at, idempotency_key, actor_name)
    select e, a, f, t, v, at, k, 'replay' from unnest(
      ${col(0)}::uuid[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::int[],
      ${col(5)}::timestamptz[], ${col(6)}::text[]) as x(e, a, f, t, v, at, k)`);
}
