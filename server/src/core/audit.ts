import { and, desc, eq, gte, ilike, lte, sql, type SQL } from "drizzle-orm";
import type { Db, Executor } from "../db/database";
import { queryRows } from "../db/database";
import { auditLog, settings } from "../db/schema";
import { likePrefix } from "./authorize";
import type { Ctx } from "./context";
import type { HashAlgorithm, Keyring } from "./crypto";

/** Fields whose values never enter the audit trail: only that they changed and a keyed digest. */
export const SENSITIVE_FIELDS = new Set([
  "password",
  "passwordHash",
  "idNumber",
  "phone",
  "health",
  "diagnosis",
  "criminalRecord",
  "familyData",
]);
const SECRET_FIELDS = new Set(["password", "passwordHash", "token", "key", "keyHash"]);

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra fields to treat as sensitive for this record. */
  sensitive?: string[];
  reason?: string | null;
}

type Changes = Record<string, { before?: unknown; after?: unknown; changed?: true; digest?: string }>;

/** Field-level changes between before and after; sensitive fields keep only a digest. */
export function diffForAudit(
  keyring: Keyring,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  extraSensitive: string[] = [],
): Changes | null {
  if (!before && !after) return null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (before && after && stableStringify(b) === stableStringify(a)) continue;
    if (SECRET_FIELDS.has(key)) changes[key] = { changed: true };
    else if (SENSITIVE_FIELDS.has(key) || extraSensitive.includes(key))
      changes[key] = { changed: true, digest: keyring.auditDigest(a) };
    else changes[key] = { before: normalise(b), after: normalise(a) };
  }
  return changes;
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  return JSON.parse(JSON.stringify(v));
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(",")}}`;
}

interface AuditContent {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  changes: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
}

function contentHash(keyring: Keyring, row: AuditContent, alg: HashAlgorithm): string {
  const canonical = stableStringify([
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.actorRole,
    row.action,
    row.subjectType,
    row.subjectId,
    row.changes ?? null,
    row.reason,
    row.requestId,
    row.ip,
  ]);
  return keyring.mac("audit-row", canonical, alg);
}

function chainHash(keyring: Keyring, prev: string, seq: number, content: string, alg: HashAlgorithm): string {
  return keyring.mac("audit-chain", `${prev}|${seq}|${content}`, alg);
}

/** Writes one audit record in the caller's transaction. */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const content: AuditContent = {
    at: ctx.clock.now(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    actorRole: ctx.actor.roles.join(",") || null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    changes: diffForAudit(ctx.keyring, entry.before, entry.after, entry.sensitive),
    reason: entry.reason ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const alg = ctx.keyring.hashAlgorithm;
  await ctx.tx
    .insert(auditLog)
    .values({ ...content, alg, contentHash: contentHash(ctx.keyring, content, alg) });
}

const SEAL_LOCK = 7_355_608_002;
const HEAD_KEY = "audit_head";
interface Head {
  seq: number;
  id: number;
  chainHash: string;
}

/**
 * Seals unsealed rows into the hash chain in commit order (seq), one sealer at a time
 * (advisory lock held to the end of the caller's transaction), so writers never queue on a
 * chain lock. Returns how many it sealed; run it in a transaction.
 */
export async function sealAudit(tx: Executor, keyring: Keyring, batch = 1000): Promise<number> {
  {
    const locked = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`,
    );
    if (!locked[0]?.ok) return 0;
    const pending = await tx
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} is null`)
      .orderBy(auditLog.id)
      .limit(batch);
    if (pending.length === 0) return 0;
    const head = await readHead(tx);
    let prev = head?.chainHash ?? "genesis";
    let seq = head?.seq ?? 0;
    let last: Head | undefined;
    for (const row of pending) {
      seq += 1;
      const chain = chainHash(keyring, prev, seq, row.contentHash, row.alg as HashAlgorithm);
      await tx.update(auditLog).set({ seq, chainHash: chain }).where(eq(auditLog.id, row.id));
      prev = chain;
      last = { seq, id: row.id, chainHash: chain };
    }
    await tx
      .insert(settings)
      .values({ key: HEAD_KEY, value: last })
      .onConflictDoUpdate({ target: settings.key, set: { value: last, updatedAt: new Date() } });
    return pending.length;
  }
}

/** Seals everything unsealed, each batch in its own transaction. */
export async function sealAllAudit(db: Db, keyring: Keyring): Promise<number> {
  let total = 0;
  for (let n = 1; n > 0; total += n) n = await db.transaction((tx) => sealAudit(tx, keyring));
  return total;
}

async function readHead(db: Executor): Promise<Head | undefined> {
  const rows = await db.select().from(settings).where(eq(settings.key, HEAD_KEY));
  return rows[0]?.value as Head | undefined;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: string | null;
  problem?: string;
}

/**
 * Recomputes every row's content hash and the chain in seq order; names the first row that
 * was edited, inserted, or follows a deleted one. Reads in batches so the database stays usable.
 */
export async function verifyAudit(db: Db, keyring: Keyring, batch = 2000): Promise<VerifyResult> {
  let checked = 0;
  let prev = "genesis";
  let expected = 1;
  let lastSealed: { id: number; seq: number; chainHash: string } | undefined;
  const bad = (id: number | string, problem: string): VerifyResult => ({
    ok: false,
    checked,
    firstBadId: String(id),
    problem,
  });
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} is not null and ${auditLog.seq} >= ${expected}`)
      .orderBy(auditLog.seq)
      .limit(batch);
    if (rows.length === 0) break;
    for (const row of rows) {
      checked += 1;
      const alg = row.alg as HashAlgorithm;
      if (row.seq !== expected)
        return bad(row.id, `rows missing before this one (expected seq ${expected}, found ${row.seq})`);
      if (contentHash(keyring, row, alg) !== row.contentHash)
        return bad(row.id, "content does not match its hash (edited)");
      if (chainHash(keyring, prev, expected, row.contentHash, alg) !== row.chainHash)
        return bad(row.id, "chain hash does not match (row inserted or replaced)");
      prev = row.chainHash!;
      expected += 1;
      lastSealed = { id: row.id, seq: row.seq!, chainHash: row.chainHash! };
    }
  }
  const head = await readHead(db);
  if (head && (!lastSealed || lastSealed.seq !== head.seq || lastSealed.chainHash !== head.chainHash))
    return bad(
      head.id,
      `the newest sealed rows are missing (head seq ${head.seq}, found ${lastSealed?.seq ?? 0})`,
    );
  if (!head && lastSealed) return bad(lastSealed.id, "sealed rows exist but the chain head is missing");
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} is null and ${auditLog.id} > ${afterId}`)
      .orderBy(auditLog.id)
      .limit(batch);
    if (rows.length === 0) break;
    for (const row of rows) {
      checked += 1;
      if (row.chainHash !== null) return bad(row.id, "chain hash without a position");
      if (contentHash(keyring, row, row.alg as HashAlgorithm) !== row.contentHash)
        return bad(row.id, "content does not match its hash (edited or forged)");
      afterId = row.id;
    }
  }
  return { ok: true, checked, firstBadId: null };
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Searches the trail, newest first. */
export async function searchAudit(db: Executor, q: AuditQuery) {
  const conds: SQL[] = [];
  if (q.actor) conds.push(eq(auditLog.actorName, q.actor));
  if (q.action) conds.push(ilike(auditLog.action, likePrefix(q.action)));
  if (q.subjectType) conds.push(eq(auditLog.subjectType, q.subjectType));
  if (q.subjectId) conds.push(eq(auditLog.subjectId, q.subjectId));
  if (q.from) conds.push(gte(auditLog.at, q.from));
  if (q.to) conds.push(lte(auditLog.at, q.to));
  const where = conds.length ? and(...conds) : undefined;
  const [items, total] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}
