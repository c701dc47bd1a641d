import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv, type TestEnv } from "../../test/services";
import { queryRows } from "../db/database";
import { auditLog } from "../db/schema";
import { systemActor } from "./actor";
import { recordAudit, sealAllAudit, verifyAudit, searchAudit, diffForAudit } from "./audit";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

/** Edits audit rows the way an intruder with database access would: triggers off. */
async function tamper(statement: string) {
  await env.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(statement));
  });
}

async function writeRows(n: number, tag: string) {
  for (let i = 0; i < n; i++)
    await env.as(systemActor, (ctx) =>
      recordAudit(ctx, {
        action: `test.${tag}`,
        subjectType: "thing",
        subjectId: `${tag}-${i}`,
        before: { n: i },
        after: { n: i + 1 },
      }),
    );
}

describe("audit trail", () => {
  it("keeps before and after of ordinary fields and only a digest of sensitive ones", () => {
    const changes = diffForAudit(
      env.keyring,
      { name: "王芳", phone: "13800000000", same: 1 },
      { name: "王芳芳", phone: "13900000000", same: 1 },
    );
    expect(changes).toEqual({
      name: { before: "王芳", after: "王芳芳" },
      phone: { changed: true, digest: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expect(JSON.stringify(changes)).not.toContain("13900000000");
    expect(diffForAudit(env.keyring, null, { password: "secret-1" })).toEqual({
      password: { changed: true },
    });
  });

  it("writes in the caller's transaction: a rolled-back change leaves no audit row", async () => {
    await expect(
      env.as(systemActor, async (ctx) => {
        await recordAudit(ctx, { action: "test.rollback", subjectId: "x" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await env.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'test.rollback'`);
    expect(rows).toHaveLength(0);
  });

  it("seals rows into a chain that verifies", async () => {
    await writeRows(5, "chain");
    expect(await sealAllAudit(env.db, env.keyring)).toBeGreaterThanOrEqual(5);
    await writeRows(2, "unsealed");
    const result = await verifyAudit(env.db, env.keyring);
    expect(result).toMatchObject({ ok: true, firstBadId: null });
    expect(result.checked).toBeGreaterThanOrEqual(7);
  });

  it("refuses updates, deletes and truncation from the application", async () => {
    const refused = async (q: ReturnType<typeof sql>) => {
      const err = await env.db.execute(q).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(String((err?.cause as Error | undefined)?.message ?? err?.message)).toMatch(/append-only/);
    };
    await refused(sql`update audit_log set reason = 'x'`);
    await refused(sql`delete from audit_log`);
    await refused(sql`truncate audit_log`);
  });

  it("names an edited sealed row", async () => {
    await sealAllAudit(env.db, env.keyring);
    const [row] = await queryRows<{ id: number }>(
      env.db,
      sql`select id from audit_log where action = 'test.chain' order by id limit 1 offset 2`,
    );
    await tamper(`update audit_log set changes = '{"n":{"before":0,"after":99}}' where id = ${row!.id}`);
    expect(await verifyAudit(env.db, env.keyring)).toMatchObject({ ok: false, firstBadId: String(row!.id) });
    await tamper(`update audit_log set changes = '{"n":{"before":2,"after":3}}' where id = ${row!.id}`);
    expect(await verifyAudit(env.db, env.keyring)).toMatchObject({ ok: true });
  });

  it("names the row after a deleted one, and a deleted newest row", async () => {
    await writeRows(3, "del");
    await sealAllAudit(env.db, env.keyring);
    const rows = await queryRows<{ id: number }>(
      env.db,
      sql`select id from audit_log where action = 'test.del' order by seq`,
    );
    const ids = rows.map((r) => Number(r.id));
    await tamper(`delete from audit_log where id = ${ids[1]}`);
    expect(await verifyAudit(env.db, env.keyring)).toMatchObject({ ok: false, firstBadId: String(ids[2]) });

    const other = await testEnv();
    try {
      await writeRowsIn(other, 3);
      await sealAllAudit(other.db, other.keyring);
      const last = await queryRows<{ id: number }>(other.db, sql`select max(id) as id from audit_log`);
      await other.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where id = ${last[0]!.id}`);
      });
      expect(await verifyAudit(other.db, other.keyring)).toMatchObject({
        ok: false,
        firstBadId: String(last[0]!.id),
      });
    } finally {
      await other.close();
    }
  });

  it("names a forged row inserted without the key", async () => {
    const fresh = await testEnv();
    try {
      await writeRowsIn(fresh, 2);
      await fresh.db.execute(
        sql`insert into audit_log (at, action, alg, content_hash) values (now(), 'forged', 'sha256', ${"0".repeat(64)})`,
      );
      const [forged] = await queryRows<{ id: number }>(
        fresh.db,
        sql`select id from audit_log where action = 'forged'`,
      );
      expect(await verifyAudit(fresh.db, fresh.keyring)).toMatchObject({
        ok: false,
        firstBadId: String(forged!.id),
      });
      await sealAllAudit(fresh.db, fresh.keyring); // sealing it does not launder it
      expect(await verifyAudit(fresh.db, fresh.keyring)).toMatchObject({
        ok: false,
        firstBadId: String(forged!.id),
      });
    } finally {
      await fresh.close();
    }
  });

  it("searches by actor, action and subject, newest first", async () => {
    const { items, total } = await searchAudit(env.db, {
      action: "test.chain",
      subjectId: "chain-4",
      page: 1,
      pageSize: 10,
    });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ action: "test.chain", subjectId: "chain-4", actorName: "system" });
  });
});

async function writeRowsIn(e: TestEnv, n: number) {
  for (let i = 0; i < n; i++)
    await e.as(systemActor, (ctx) => recordAudit(ctx, { action: "test.other", subjectId: String(i) }));
}
