/**
 * registry-import: an xlsx of 100,000 people (10,000 with --quick) imported on PGlite on disk the way
 * the CLI does it (validate every row, then load in batches), beside raw multi-row inserts of the
 * same persons rows through the driver in the same run.
 * registry-search: name, pinyin and ID-tail search through the persons list over 1,000,000 people
 * (100,000 with --quick) on PostgreSQL, beside the same queries with index scans turned off.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableColumns, sql, type Column } from "drizzle-orm";
import ExcelJS from "exceljs";
import { parseConfig } from "../src/config";
import { systemActor, type Actor } from "../src/core/actor";
import { systemClock } from "../src/core/clock";
import { inTransaction, makeCtx, type Services } from "../src/core/context";
import { Keyring } from "../src/core/crypto";
import { LocalFileStore } from "../src/core/files";
import { maskIdNumber, maskPhone } from "../src/core/privacy";
import type { Database } from "../src/db/database";
import { persons } from "../src/db/schema";
import { buildAreasForScale } from "../src/demo/area-plans";
import { givenName, IdAllocator, mobile, ORIGINS, surname } from "../src/demo/population-names";
import { rng } from "../src/demo/random";
import * as areasRepo from "../src/modules/areas/areas.repo";
import { pinyinKeys } from "../src/modules/registry/codes/pinyin";
import { readImport } from "../src/modules/registry/import/read-imports";
import { readRows } from "../src/modules/registry/import/read-rows";
import { runImportStep } from "../src/modules/registry/import/run-import";
import { startImport } from "../src/modules/registry/import/start-import";
import { PERSON_COLUMNS } from "../src/modules/registry/import/persons-columns";
import { listPersons } from "../src/modules/registry/list-persons";
import { personRow, type PersonInput } from "../src/modules/registry/person-input";
import { round, type Benchmark, type BenchResult } from "./bench";
import { benchPglite, benchPostgres } from "./bench-db";

const HEADERS = [
  "姓名",
  "证件号码",
  "性别",
  "出生日期",
  "联系电话",
  "现住址",
  "人员类型",
  "流入原因",
  "办证类型",
  "证件有效期至",
  "户号",
  "与户主关系",
  "所属网格编码",
];
const TODAY = new Date().toISOString().slice(0, 10);

function services(db: Database, dir: string): Services {
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" });
  const keyring = new Keyring(crypto.randomBytes(32), config.hashAlgorithm, config.cipherAlgorithm);
  return {
    config,
    db: db.db,
    engine: db.engine,
    clock: systemClock,
    keyring,
    files: new LocalFileStore(path.join(dir, "files")),
  };
}

async function seedAreas(db: Database) {
  const { rows, codes } = buildAreasForScale("street", 1);
  for (let i = 0; i < rows.length; i += 500) await areasRepo.insert(db.db, rows.slice(i, i + 500));
  return { codes, paths: rows.filter((r) => r.level === "micro_grid").map((r) => r.path) };
}

/** The same n rows of cells every time for a seed: households of 1–5, a fifth floating. */
function* personCells(n: number, grids: string[]): Generator<(string | null)[]> {
  const r = rng(20_240_611);
  const ids = new IdAllocator();
  let made = 0;
  let household = 0;
  while (made < n) {
    const floating = r.next() < 0.2;
    const size = floating ? 1 : Math.min(n - made, r.pick([1, 2, 3, 3, 4, 5]));
    const code = floating ? null : `H${++household}`;
    const family = surname(r);
    const grid = r.pick(grids);
    const origin = r.pick(ORIGINS);
    for (let k = 0; k < size; k++) {
      const male = k === 0 ? r.next() < 0.8 : r.next() < 0.5;
      const age = k === 0 ? r.int(25, 80) : k === 1 ? r.int(22, 78) : r.int(0, 30);
      const birth = new Date(Date.parse(`${TODAY}T00:00:00Z`) - (age * 365.25 + r.int(0, 360)) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const { id, birth: born } = ids.allocate(floating ? origin.code : "330212", birth, male);
      const name = (k === 1 ? surname(r) : family) + givenName(r, male, Number(born.slice(0, 4)));
      const expires = new Date(Date.parse(`${TODAY}T00:00:00Z`) + r.int(-30, 365) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      yield [
        name,
        id,
        male ? "男" : "女",
        born,
        age >= 14 ? mobile(r) : null,
        `宁波市鄞州区东胜街道${grid.slice(-6)}号`,
        floating ? "流动" : "户籍",
        floating ? "务工" : null,
        floating ? "居住证" : null,
        floating ? expires : null,
        code,
        code ? (k === 0 ? "户主" : k === 1 ? "配偶" : male ? "子" : "女") : null,
        grid,
      ];
    }
    made += size;
  }
}

async function writeXlsx(file: string, n: number, grids: string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet("人员");
  ws.addRow(HEADERS).commit();
  for (const row of personCells(n, grids)) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

/** A PersonInput from the cells (for the baseline: the import reads the same fields from the file). */
function inputOf(c: (string | null)[]): PersonInput {
  const v = (i: number) => c[i] ?? undefined;
  return {
    name: c[0]!,
    idNumber: c[1]!,
    sex: c[2] === "男" ? "1" : "2",
    birthDate: v(3),
    phone: v(4),
    currentAddress: v(5),
    residentType: c[6] === "流动" ? "floating" : "registered",
    floating: c[6] === "流动" ? { reason: "01", permitType: "01", permitExpiresOn: v(9) } : undefined,
  };
}

/** Multi-row inserts through the driver: one statement per chunk, a typed array per column (unnest). */
async function rawInsert(db: Database, rows: Record<string, unknown>[]) {
  const cols = getTableColumns(persons) as Record<string, Column>;
  const keys = Object.keys(rows[0]!).filter((k) => cols[k] && k !== "formerNames");
  const arrays = keys.map((k) => {
    const c = cols[k]!;
    const values = rows.map((r) => (r[k] === null || r[k] === undefined ? null : c.mapToDriverValue(r[k])));
    return sql`${sql.param(values)}::${sql.raw(c.getSQLType())}[]`;
  });
  await db.db.execute(
    sql`insert into persons (${sql.raw(keys.map((k) => `"${cols[k]!.name}"`).join(", "))}) select * from unnest(${sql.join(arrays, sql`, `)})`,
  );
}

export const registryImportBench: Benchmark = {
  name: "registry-import",
  async run(o): Promise<BenchResult> {
    const n = o.quick ? 10_000 : 100_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-bench-import-"));
    const file = path.join(dir, "persons.xlsx");
    const grids = buildAreasForScale("street", 1)
      .rows.filter((r) => r.level === "micro_grid")
      .map((r) => r.code);
    await writeXlsx(file, n, grids);
    try {
      // baseline: the same persons rows, sealed beforehand, inserted raw in chunks of 2,000
      const base = await benchPglite();
      let rawMs = 0;
      let prepareMs = 0;
      try {
        const s = services(base, dir);
        const { paths } = await seedAreas(base);
        let chunk: Record<string, unknown>[] = [];
        const flush = async () => {
          const t = performance.now();
          await rawInsert(base, chunk);
          rawMs += performance.now() - t;
          chunk = [];
        };
        for (const cells of personCells(n, grids)) {
          const t = performance.now();
          chunk.push({ ...personRow(s.keyring, inputOf(cells), TODAY), areaPath: paths[0] });
          prepareMs += performance.now() - t;
          if (chunk.length === 2_000) await flush();
        }
        if (chunk.length) await flush();
      } finally {
        await base.close();
      }

      const database = await benchPglite();
      try {
        const s = services(database, dir);
        await seedAreas(database);
        let parseMs = performance.now();
        for await (const row of readRows({ path: file }, "xlsx", PERSON_COLUMNS, () => {})) void row;
        parseMs = performance.now() - parseMs;
        const t0 = performance.now();
        const started = await inTransaction(s, { actor: systemActor }, (ctx) =>
          startImport(ctx, {
            kind: "persons",
            fileName: "persons.xlsx",
            bytes: fs.readFileSync(file),
            enqueue: false,
          }),
        );
        let step = await s.db.transaction((tx) =>
          runImportStep(s, tx, started.id, { source: { path: file } }),
        );
        const validateMs = performance.now() - t0;
        while (step.status === "loading")
          step = await s.db.transaction((tx) => runImportStep(s, tx, started.id, { source: { path: file } }));
        const totalMs = performance.now() - t0;
        const imp = await readImport(makeCtx(s, { actor: systemActor }), started.id);
        if (imp.status !== "done" || imp.counts.created !== n)
          throw new Error(`import ended ${imp.status}: ${JSON.stringify(imp.errors.slice(0, 3))}`);
        const rate = (n * 1000) / totalMs;
        const baseRate = (n * 1000) / rawMs;
        return {
          name: "registry-import",
          workload: `${n.toLocaleString("en")} people in an xlsx (households, a fifth floating), validated then loaded, PGlite on disk`,
          value: round(rate),
          unit: "rows/s",
          baseline: "raw multi-row inserts (unnest) of the same sealed persons rows through the driver",
          baselineValue: round(baseRate),
          ratio: round(rate / baseRate, 2),
          goal: "≥ 5,000 rows/s",
          met: rate >= 5_000,
          detail: {
            seconds: round(totalMs / 1000, 1),
            validateSeconds: round(validateMs / 1000, 1),
            loadSeconds: round((totalMs - validateMs) / 1000, 1),
            whereTheTimeGoes: {
              readXlsxSeconds: round(parseMs / 1000, 1),
              sealAndPinyinSeconds: round(prepareMs / 1000, 1),
              rawInsertOfPersonsSeconds: round(rawMs / 1000, 1),
              note: "per row: ExcelJS streaming parse, personRow (pinyin keys, AES-GCM sealing and blind indexes of ID and phone), the persons row with its 12 indexes, household and membership rows, one history row; PGlite is single-threaded WASM",
            },
            counts: imp.counts,
            loadAverage: os.loadavg().map((x) => round(x, 1)),
          },
        };
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Persons straight into the table for the search benchmark: real pinyin keys and tails, sealed-sized values. */
async function fillPersons(db: Database, keyring: Keyring, n: number, paths: string[]) {
  const r = rng(7);
  const pinyin = new Map<string, { full: string; initials: string }>();
  const ids = new IdAllocator();
  const sample: { name: string; tail: string; initials: string }[] = [];
  for (let i = 0; i < n; i += 20_000) {
    const rows: Record<string, unknown>[] = [];
    for (let k = i; k < Math.min(n, i + 20_000); k++) {
      const male = r.next() < 0.5;
      const year = r.int(1940, 2020);
      const { id } = ids.allocate(
        "330212",
        `${year}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`,
        male,
      );
      const name = surname(r) + givenName(r, male, year);
      let keys = pinyin.get(name);
      if (!keys) pinyin.set(name, (keys = pinyinKeys(name)));
      const phone = mobile(r);
      const sealed = `v1.gcm.${crypto.randomBytes(42).toString("base64")}`;
      rows.push({
        id: crypto.randomUUID(),
        name,
        namePinyin: keys.full,
        nameInitials: keys.initials,
        idEnc: sealed,
        idIndex: keyring.blindIndex(`id:${id}`),
        idMasked: maskIdNumber(id),
        idTail: id.slice(-4),
        phoneEnc: sealed,
        phoneIndex: crypto.randomBytes(32).toString("hex"),
        phoneMasked: maskPhone(phone),
        phoneTail: phone.slice(-4),
        sex: male ? "1" : "2",
        birthDate: `${year}-06-15`,
        currentAddress: `宁波市鄞州区东胜街道${r.int(1, 400)}号`,
        residentType: r.next() < 0.2 ? "floating" : "registered",
        areaPath: r.pick(paths),
      });
      if (k % 997 === 0) sample.push({ name, tail: id.slice(-4), initials: keys.initials });
    }
    await rawInsert(db, rows);
  }
  await db.db.execute(sql`analyze persons`);
  return sample;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export const registrySearchBench: Benchmark = {
  name: "registry-search",
  async run(o): Promise<BenchResult | null> {
    if (!o.pgUrl) {
      console.error(
        "  skipped: registry-search needs PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)",
      );
      return null;
    }
    const n = o.quick ? 100_000 : 1_000_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-bench-search-"));
    const database = await benchPostgres(o.pgUrl);
    try {
      const s = services(database, dir);
      const { codes, paths } = await seedAreas(database);
      const sample = await fillPersons(database, s.keyring, n, paths);
      const [street] = await areasRepo.findByCodes(database.db, [codes.streets[0]!]);
      const actor: Actor = {
        ...systemActor,
        userId: null,
        username: "bench",
        roles: ["dispatcher"],
        allAreas: false,
        via: "token",
        scopes: [areasRepo.toRef(street!)],
      };
      const r = rng(11);
      const queries = Array.from({ length: o.quick ? 120 : 300 }, (_, i) => {
        const p = r.pick(sample);
        return [p.name.slice(0, 2), p.name, p.tail, p.initials][i % 4]!;
      });
      const time = async (q: string, seqScan: boolean) => {
        const t = performance.now();
        await s.db.transaction(async (tx) => {
          if (seqScan)
            await tx.execute(
              sql`set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off`,
            );
          await listPersons(makeCtx(s, { actor }, tx), { q, pageSize: 20 });
        });
        return performance.now() - t;
      };
      for (const q of queries.slice(0, 20)) await time(q, false); // warm-up
      const ours: number[] = [];
      const byKind: Record<string, number[]> = { namePrefix: [], fullName: [], idTail: [], initials: [] };
      const kinds = Object.keys(byKind);
      for (const [i, q] of queries.entries()) {
        const ms = await time(q, false);
        ours.push(ms);
        byKind[kinds[i % 4]!]!.push(ms);
      }
      const base = [];
      for (const q of queries.slice(0, o.quick ? 8 : 12)) base.push(await time(q, true));
      const p95 = pct(ours, 95);
      const baseP95 = pct(base, 95);
      return {
        name: "registry-search",
        workload: `${n.toLocaleString("en")} people on PostgreSQL; ${queries.length} searches by name prefix, full name, ID tail and pinyin initials through the scoped persons list (page of 20 with its count)`,
        value: round(p95, 1),
        unit: "ms (p95)",
        baseline: "the same searches with index scans turned off (sequential scans)",
        baselineValue: round(baseP95, 1),
        ratio: round(p95 / baseP95, 3),
        goal: "p95 ≤ 50 ms (lower is better; ratio = ours ÷ baseline)",
        met: p95 <= 50,
        detail: {
          p50: round(pct(ours, 50), 1),
          p99: round(pct(ours, 99), 1),
          baselineP50: round(pct(base, 50), 1),
          p95ByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, round(pct(v, 95), 1)])),
          loadAverage: os.loadavg().map((x) => round(x, 1)),
        },
      };
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
