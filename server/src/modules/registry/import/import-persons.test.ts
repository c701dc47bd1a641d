import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../../test/factories";
import { testEnv, type TestEnv } from "../../../../test/services";
import type { Actor } from "../../../core/actor";
import { queryRows } from "../../../db/database";
import type { ImportKind } from "./columns";
import { registryImportJob } from "./import.jobs";
import { KIND_SPECS } from "./kinds";
import { loadBatch } from "./load-import";
import { readImport } from "./read-imports";
import { runImportStep } from "./run-import";
import { startImport } from "./start-import";
import { residentId, xlsxFile, csvText, type Cell } from "./test-files";
import { makeCtx } from "../../../core/context";
import { localDate } from "../../../core/time";

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dispatcher: Actor;

const HEADERS = [
  "姓名",
  "证件号码",
  "性别",
  "联系电话",
  "现住址",
  "人员类型",
  "流入原因",
  "办证类型",
  "证件有效期至",
  "与户主关系",
  "户号",
  "所属网格编码",
];

/** Runs an import the way the CLI does: validation, then batches, each step in its own transaction. */
async function runToEnd(id: string, actor = dispatcher) {
  for (let i = 0; i < 1_000; i++) {
    const r = await env.db.transaction((tx) => runImportStep(env, tx, id, { budgetMs: 60_000 }));
    if (r.status !== "loading") break;
  }
  return env.as(actor, (ctx) => readImport(ctx, id));
}

async function importBytes(
  bytes: Buffer,
  name: string,
  o: { actor?: Actor; kind?: ImportKind; areaCode?: string } = {},
) {
  const started = await env.as(o.actor ?? dispatcher, (ctx) =>
    startImport(ctx, {
      kind: o.kind ?? "persons",
      fileName: name,
      bytes,
      areaCode: o.areaCode,
      enqueue: false,
    }),
  );
  return { ...(await runToEnd(started.id, o.actor)), reused: started.reused };
}

const count = async (table: string, where = sql`true`) =>
  Number(
    (
      await queryRows<{ n: number }>(env.db, sql`select count(*) as n from ${sql.raw(table)} where ${where}`)
    )[0]!.n,
  );

beforeAll(async () => {
  env = await testEnv();
  tree = await buildTree(env);
  dispatcher = (await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] })).actor;
});
afterAll(async () => {
  await env.close();
});

describe("a persons file with good and bad rows", () => {
  it("imports nothing and reports every bad row with its row number and field", async () => {
    const good = residentId("330212", "19800101", 11);
    const rows: Cell[][] = [
      ["张伟", good, "男", "13800138000", "东胜路1号", "户籍", "", "", "", "户主", "H-1", tree.g11.code],
      [
        "李娜",
        residentId("330212", "19820202", 22).slice(0, 17) + "0",
        "女",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        tree.g11.code,
      ], // bad checksum (row 3)
      [
        "王芳",
        residentId("330212", "19900303", 32),
        "女",
        "12345",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        tree.g11.code,
      ], // bad phone (row 4)
      [
        "赵强",
        residentId("330212", "19910404", 41),
        "男",
        "",
        "",
        "流动",
        "务工",
        "居住证",
        "2030-13-01",
        "",
        "",
        tree.g11.code,
      ], // bad date (row 5)
      ["钱敏", residentId("330212", "19920505", 52), "未知值", "", "", "", "", "", "", "", "", "NOPE"], // unknown code + unknown area (row 6)
      ["孙丽", good, "女", "", "", "", "", "", "", "", "", tree.g11.code], // duplicate of row 2 (row 7)
      ["周杰", residentId("330212", "19930606", 61), "男", "", "", "", "", "", "", "", "", ""], // no area at all (row 8)
    ];
    const imp = await importBytes(await xlsxFile(HEADERS, rows), "mixed.xlsx");
    expect(imp.status).toBe("invalid");
    expect(imp.totalRows).toBe(7);
    const got = imp.errors.map((e) => [e.row, e.field, e.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, "idNumber", "ID_CHECKSUM"],
        [4, "phone", "PHONE_INVALID"],
        [5, "floating.permitExpiresOn", "DATE_INVALID"],
        [6, "sex", "CODE_UNKNOWN"],
        [6, "areaCode", "AREA_UNKNOWN"],
        [7, "idNumber", "DUPLICATE_IN_FILE"],
        [8, "areaCode", "OUTSIDE_AREAS"],
      ]),
    );
    expect(imp.errors.find((e) => e.row === 4)).toMatchObject({ column: "联系电话" });
    expect(imp.errors.every((e) => e.message.zh && e.message.en)).toBe(true);
    expect(imp.errors.some((e) => e.row === 2)).toBe(false);
    expect(await count("persons")).toBe(0);
    expect(await count("registry_import_rows")).toBe(0);
    const [audit] = await queryRows<{ changes: unknown }>(
      env.db,
      sql`select changes from audit_log where action = 'registry.import_invalid' and subject_id = ${imp.id}`,
    );
    expect(JSON.stringify(audit!.changes)).toContain('"problems"');
  });
});

describe("a good persons file", () => {
  const members: Cell[][] = [
    [
      "陈建国",
      residentId("330212", "19700101", 15),
      "男",
      "13900139000",
      "东胜路8号",
      "户籍",
      "",
      "",
      "",
      "户主",
      "DS-0001",
      "@g11",
    ],
    [
      "林秀英",
      residentId("330212", "19720202", 26),
      "女",
      "",
      "东胜路8号",
      "户籍",
      "",
      "",
      "",
      "妻",
      "DS-0001",
      "@g11",
    ],
    [
      "陈小明",
      residentId("330212", "20050303", 37),
      "",
      "",
      "东胜路8号",
      "户籍",
      "",
      "",
      "",
      "子",
      "DS-0001",
      "@g11",
    ],
    [
      "何志强",
      residentId("342101", "19950404", 47),
      "男",
      "13700137000",
      "东胜路9号",
      "流动",
      "务工",
      "居住证",
      "2027-01-31",
      "",
      "",
      "@g11",
    ],
  ];
  let goodBytes: Buffer;
  let goodId: string;
  const fill = (rows: Cell[][]) => rows.map((r) => r.map((c) => (c === "@g11" ? tree.g11.code : c)));

  it("imports every row, forms the household with its head, keeps history and one audit row", async () => {
    goodBytes = await xlsxFile(HEADERS, fill(members));
    const imp = await importBytes(goodBytes, "good.xlsx");
    goodId = imp.id;
    expect(imp).toMatchObject({
      status: "done",
      totalRows: 4,
      processedRows: 4,
      counts: { created: 4, updated: 0, unchanged: 0 },
    });
    const people = await queryRows<{
      name: string;
      id_masked: string;
      phone_masked: string | null;
      area_path: string;
      resident_type: string;
      permit_expires_on: string | null;
      sex: string;
    }>(
      env.db,
      sql`select name, id_masked, phone_masked, area_path, resident_type, permit_expires_on::text, sex from persons order by name`,
    );
    expect(people).toHaveLength(4);
    expect(people.every((p) => p.area_path === tree.g11.path)).toBe(true);
    expect(people.find((p) => p.name === "何志强")).toMatchObject({
      resident_type: "floating",
      permit_expires_on: "2027-01-31",
    });
    expect(people.find((p) => p.name === "陈小明")!.sex).toBe("1"); // derived from the ID
    const [household] = await queryRows<{ id: string; head: string; members: number }>(
      env.db,
      sql`select h.id, p.name as head, (select count(*) from household_members m where m.household_id = h.id and m.left_on is null) as members
          from households h join persons p on p.id = h.head_person_id where h.code = 'DS-0001'`,
    );
    expect(household).toMatchObject({ head: "陈建国", members: 3 });
    expect(await count("registry_changes", sql`action = 'imported' and subject_type = 'person'`)).toBe(4);
    const history = await queryRows<{ after: Record<string, unknown> }>(
      env.db,
      sql`select after from registry_changes where action = 'imported' and subject_type = 'person' limit 1`,
    );
    expect(JSON.stringify(history[0]!.after)).not.toMatch(/\d{17}[\dX]/);
    const audits = await queryRows<{ changes: Record<string, { after: unknown }> }>(
      env.db,
      sql`select changes from audit_log where action = 'registry.imported' and subject_id = ${imp.id}`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.changes.created!.after).toBe(4);
    expect(audits[0]!.changes.fileDigest!.after).toBe(imp.fileDigest);
  });

  it("answers the earlier import for the same file, and changes nothing for the same rows in another file", async () => {
    const again = await importBytes(goodBytes, "good-again.xlsx");
    expect(again).toMatchObject({ id: goodId, reused: true, status: "done" });

    const csv = Buffer.from(csvText(HEADERS, fill(members)), "utf8");
    const changesBefore = await count("registry_changes");
    const imp = await importBytes(csv, "good.csv");
    expect(imp).toMatchObject({ status: "done", counts: { created: 0, updated: 0, unchanged: 4 } });
    expect(await count("persons")).toBe(4);
    expect(await count("household_members")).toBe(3);
    expect(await count("registry_changes")).toBe(changesBefore);
    const reused = await importBytes(csv, "good-copy.csv");
    expect(reused).toMatchObject({ id: imp.id, reused: true });
  });

  it("updates what a later file changes, keeps what it leaves empty, and records the change", async () => {
    const changed = fill(members).map((r) => [...r]);
    changed[0]![3] = "13911112222"; // a new phone
    changed[3]![2] = ""; // empty sex: keeps the stored one
    const imp = await importBytes(Buffer.from(csvText(HEADERS, changed)), "changed.csv");
    expect(imp.counts).toEqual({ created: 0, updated: 1, unchanged: 3 });
    const [p] = await queryRows<{ phone_masked: string; version: number }>(
      env.db,
      sql`select phone_masked, version from persons where name = '陈建国'`,
    );
    expect(p).toMatchObject({ phone_masked: "139****2222", version: 2 });
    const [change] = await queryRows<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      env.db,
      sql`select before, after from registry_changes where action = 'imported' and version = 2`,
    );
    expect(change!.after.phoneMasked).toBe("139****2222");
    expect(change!.before.phoneMasked).toBe("139****9000");
  });

  it("refuses a known ID under another name, and a person outside the importer's scope", async () => {
    const gridWorkerLike = (await buildUser(env, { roles: ["dispatcher"], scopes: [tree.c2] })).actor;
    const rows = [
      ["陈建华", residentId("330212", "19700101", 15), "", "", "", "", "", "", "", "", "", tree.g11.code],
    ];
    const renamed = await importBytes(Buffer.from(csvText(HEADERS, rows)), "renamed.csv");
    expect(renamed.errors.map((e) => e.code)).toEqual(["ID_NAME_MISMATCH"]);
    const rows2 = [
      ["陈建国", residentId("330212", "19700101", 15), "", "", "", "", "", "", "", "", "", tree.g21.code],
    ];
    const elsewhere = await importBytes(Buffer.from(csvText(HEADERS, rows2)), "elsewhere.csv", {
      actor: gridWorkerLike,
    });
    expect(elsewhere.errors.map((e) => e.code)).toEqual(["ID_REGISTERED_ELSEWHERE"]);
  });
});

describe("a load interrupted after one batch", () => {
  it("resumes from processed_rows when the job runs again, without duplicates", async () => {
    const rows: Cell[][] = Array.from({ length: 7 }, (_, i) => [
      `吴${"一二三四五六七"[i]}`,
      residentId("330212", "19600101", 100 + i * 2),
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      tree.g12.code,
    ]);
    const bytes = Buffer.from(csvText(HEADERS, rows));
    const { id } = await env.as(dispatcher, (ctx) =>
      startImport(ctx, { kind: "persons", fileName: "resume.csv", bytes, enqueue: false }),
    );
    await env.db.transaction((tx) => runImportStep(env, tx, id, { batchSize: 3 }));
    // one batch of 3 rows commits; then the process "crashes" (the next batch never runs)
    await env.db.transaction(async (tx) => {
      const now = env.clock.now();
      const ctx = makeCtx(env, { actor: dispatcher }, tx);
      const r = await loadBatch(
        {
          tx,
          actor: dispatcher,
          keyring: env.keyring,
          services: env,
          today: localDate(now, env.config.timeZone),
          now,
          importId: id,
          ctx,
        },
        KIND_SPECS.persons,
      );
      expect(r).toMatchObject({ processed: 3, total: 7, done: false });
    });
    expect(await count("persons", sql`area_path = ${tree.g12.path}`)).toBe(3);
    // the restarted job picks the import up where it stopped
    await env.db.transaction((tx) =>
      registryImportJob(env, tx, {
        id: 1,
        kind: "registry.import",
        payload: { importId: id },
        runAt: new Date(),
        attempts: 1,
        maxAttempts: 3,
      }),
    );
    const imp = await env.as(dispatcher, (ctx) => readImport(ctx, id));
    expect(imp).toMatchObject({
      status: "done",
      processedRows: 7,
      counts: { created: 7, updated: 0, unchanged: 0 },
    });
    expect(await count("persons", sql`area_path = ${tree.g12.path}`)).toBe(7);
    expect(
      await count(
        "registry_changes",
        sql`action = 'imported' and subject_id in (select id from persons where area_path = ${tree.g12.path})`,
      ),
    ).toBe(7);
  });
});
