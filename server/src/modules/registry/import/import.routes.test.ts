import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTree, buildUser } from "../../../../test/factories";
import { bearer, testApp, testEnv, type TestEnv } from "../../../../test/services";
import { JobWorker } from "../../../core/jobs";
import { queryRows } from "../../../db/database";
import type { FastifyTypebox } from "../../../http/types";
import { registryImportJobs } from "./import.jobs";
import { creditCode, csvText, residentId, xlsxFile } from "./test-files";

let env: TestEnv;
let app: FastifyTypebox;
let tree: Awaited<ReturnType<typeof buildTree>>;
let auth: { authorization: string };
let worker: JobWorker;

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----pingan${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a file and runs the job worker until the import settles; returns the import. */
async function upload(
  kind: string,
  name: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
  headers = auth,
) {
  const body = multipart({ kind, ...fields }, { name, bytes });
  const res = await app.inject({
    method: "POST",
    url: "/api/registry/imports",
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
  if (res.statusCode >= 300) throw new Error(`upload ${res.statusCode}: ${res.body}`);
  // run the import's jobs until it settles (a loaded machine may need a few rounds)
  const read = () => app.inject({ method: "GET", url: `/api/registry/imports/${res.json().id}`, headers });
  let got = await read();
  // bounded by wall time, not rounds: on a loaded machine a job may need a while to become due
  const until = Date.now() + 60_000;
  while (Date.now() < until && ["validating", "loading"].includes(got.json().status)) {
    if ((await worker.tick()) === 0) await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  return { status: res.statusCode, first: res.json(), imp: got.json() };
}

beforeAll(async () => {
  env = await testEnv();
  app = await testApp(env);
  tree = await buildTree(env);
  const d = await buildUser(env, { roles: ["dispatcher"], scopes: [tree.street] });
  auth = await bearer(app, d.username);
  worker = registryImportJobs(new JobWorker(env));
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe("templates", () => {
  it("download as xlsx with a 说明 sheet listing the codes, and as CSV; both re-import empty without errors", async () => {
    for (const kind of ["persons", "places", "houses"]) {
      const x = await app.inject({
        method: "GET",
        url: `/api/registry/templates/${kind}.xlsx`,
        headers: auth,
      });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)[1]).toBe("说明");
      const text = JSON.stringify(wb.worksheets[1]!.getSheetValues());
      if (kind === "persons") expect(text).toContain("居住证");
      const header = wb.worksheets[0]!.getRow(1).values as string[];
      expect(header).toContain(kind === "persons" ? "证件号码" : "地址");
      const { imp } = await upload(kind, `${kind}.xlsx`, x.rawPayload, { areaCode: tree.g11.code });
      expect(imp).toMatchObject({ status: "done", totalRows: 0, problemCount: 0 });

      const c = await app.inject({
        method: "GET",
        url: `/api/registry/templates/${kind}.csv`,
        headers: auth,
      });
      expect(c.headers["content-type"]).toContain("text/csv");
      expect(c.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const again = await upload(kind, `${kind}.csv`, c.rawPayload);
      expect(again.imp).toMatchObject({ status: "done", totalRows: 0 });
    }
    const none = await app.inject({ method: "GET", url: "/api/registry/templates/cats.xlsx", headers: auth });
    expect(none.statusCode).toBe(400);
  });
});

describe("imports over HTTP", () => {
  const H = ["姓名", "证件号码", "联系电话", "所属网格编码"];
  it("answers 202, validates and loads in the job; the same file again answers 200 with that import", async () => {
    const bytes = Buffer.from(
      csvText(H, [["郑一", residentId("330212", "19880808", 71), "13811112222", tree.g21.code]]),
    );
    const a = await upload("persons", "one.csv", bytes);
    expect(a.status).toBe(202);
    expect(a.first.status).toBe("validating");
    expect(a.imp).toMatchObject({ status: "done", counts: { created: 1 } });
    const b = await upload("persons", "one-again.csv", bytes);
    expect(b).toMatchObject({ status: 200, first: { id: a.imp.id, status: "done" } });
    const list = await app.inject({ method: "GET", url: "/api/registry/imports?mine=true", headers: auth });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(a.imp.id);
    const [audit] = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*) as n from audit_log where action = 'registry.import_requested' and subject_id = ${a.imp.id}`,
    );
    expect(Number(audit!.n)).toBe(1);
  });

  it("reads GB18030 CSV (what Excel on a Chinese Windows saves)", async () => {
    const text = csvText(H, [["欧阳娜娜", residentId("330212", "19990909", 82), "", tree.g21.code]]);
    const gb = gb18030(text);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    const { imp } = await upload("persons", "gbk.csv", gb);
    expect(imp).toMatchObject({ status: "done", counts: { created: 1 } });
    const [p] = await queryRows<{ name: string }>(
      env.db,
      sql`select name from persons where name = '欧阳娜娜'`,
    );
    expect(p).toBeDefined();
  });

  it("lists the bad rows of an invalid import in errors.xlsx, with an 错误 column", async () => {
    const bytes = await xlsxFile(H, [
      ["好人", residentId("330212", "19770707", 91), "", tree.g21.code],
      ["坏号", "330212197707070000", "", tree.g21.code],
    ]);
    const { imp } = await upload("persons", "bad.xlsx", bytes);
    expect(imp).toMatchObject({ status: "invalid", problemCount: 1, can: { downloadErrors: true } });
    expect(imp.errors[0]).toMatchObject({ row: 3, field: "idNumber", column: "证件号码" });
    const x = await app.inject({
      method: "GET",
      url: `/api/registry/imports/${imp.id}/errors.xlsx`,
      headers: auth,
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(1).values as string[];
    expect(header).toContain("错误");
    expect(ws.rowCount).toBe(2);
    expect(JSON.stringify(ws.getRow(2).values)).toContain("坏号");
    expect(JSON.stringify(ws.getRow(2).values)).toContain("校验位");
  });

  it("refuses an old .xls file, a missing kind and an area outside the importer's scope", async () => {
    const xls = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(100)]);
    const body = multipart({ kind: "persons" }, { name: "old.xls", bytes: xls });
    const r = await app.inject({
      method: "POST",
      url: "/api/registry/imports",
      payload: body.payload,
      headers: { ...auth, ...body.headers },
    });
    expect(r.statusCode).toBe(415);
    const nk = multipart({}, { name: "x.csv", bytes: Buffer.from("姓名\n") });
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/registry/imports",
          payload: nk.payload,
          headers: { ...auth, ...nk.headers },
        })
      ).json(),
    ).toMatchObject({ field: "kind" });
    const other = await buildTree(env);
    const oa = multipart(
      { kind: "persons", areaCode: other.g11.code },
      { name: "x.csv", bytes: Buffer.from("姓名,证件号码\n") },
    );
    const res = await app.inject({
      method: "POST",
      url: "/api/registry/imports",
      payload: oa.payload,
      headers: { ...auth, ...oa.headers },
    });
    expect(res.statusCode).toBe(422);
    const resident = await buildUser(env, { roles: ["resident"], scopes: [tree.g11] });
    const ra = await bearer(app, resident.username);
    expect(
      (await app.inject({ method: "GET", url: "/api/registry/templates/persons.csv", headers: ra }))
        .statusCode,
    ).toBe(403);
  });
});

describe("junk", () => {
  it("answers junk with a 4xx naming the problem, never a 5xx", async () => {
    const id = "3f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    const cases: [string, string, number][] = [
      ["GET", "/api/registry/imports/not-a-uuid", 400],
      ["GET", `/api/registry/imports/${id}`, 404],
      ["GET", `/api/registry/imports/${id}/errors.xlsx`, 404],
      ["GET", "/api/registry/imports?limit=0", 400],
      ["GET", "/api/registry/imports?status=sleeping", 400],
      ["GET", "/api/registry/exports/persons.xlsx?ageMin=-1", 400],
      ["GET", "/api/registry/exports/persons.xlsx?areaCode=NOPE", 422],
      ["GET", "/api/registry/templates/persons.xls", 400],
    ];
    for (const [method, url, status] of cases) {
      const res = await app.inject({ method: method as "GET", url, headers: auth });
      expect([url, res.statusCode]).toEqual([url, status]);
      expect(res.json()).toMatchObject({
        code: expect.any(String),
        message: { zh: expect.any(String), en: expect.any(String) },
      });
    }
    const json = await app.inject({
      method: "POST",
      url: "/api/registry/imports",
      payload: { kind: "persons" },
      headers: auth,
    });
    expect(json.statusCode).toBe(415);
    const noFile = multipart({ kind: "persons" }, { name: "", bytes: Buffer.alloc(0) });
    const empty = await app.inject({
      method: "POST",
      url: "/api/registry/imports",
      payload: noFile.payload,
      headers: { ...auth, ...noFile.headers },
    });
    expect(empty.statusCode).toBe(400);
    const anon = await app.inject({ method: "GET", url: "/api/registry/imports" });
    expect(anon.statusCode).toBe(401);
  });
});

describe("places and houses", () => {
  it("imports places with credit codes and colours, and houses whose owner is a registered person", async () => {
    const P = [
      "名称",
      "类型",
      "统一社会信用代码",
      "地址",
      "平安经理",
      "平安经理电话",
      "评级颜色",
      "所属网格编码",
    ];
    const places = [
      ["老王烧烤", "餐饮", "", "东胜路10号", "王五", "13600136000", "黄", tree.g11.code],
      ["夜色酒吧", "酒吧", creditCode(1), "东胜路12号", "李四", "13500135000", "绿", tree.g11.code],
    ];
    const { imp } = await upload("places", "places.xlsx", await xlsxFile(P, places, "场所"));
    if (imp.status !== "done") throw new Error(JSON.stringify(imp.errors));
    expect(imp.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const rated = await queryRows<{ n: number }>(
      env.db,
      sql`select count(*) as n from ratings where subject_type = 'place'`,
    );
    expect(Number(rated[0]!.n)).toBe(2);
    places[0]![6] = "绿";
    const again = await upload("places", "places.csv", Buffer.from(csvText(P, places)));
    expect(again.imp.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });

    const H = ["地址", "单元", "房号", "用途", "房主姓名", "房主证件号码", "是否出租", "所属网格编码"];
    const owner = residentId("330212", "19880808", 71); // 郑一, imported above
    const houses = [
      ["东胜路8号", "1单元", "101", "住宅", "郑一", owner, "是", tree.g21.code],
      ["东胜路8号", "1单元", "102", "住宅", "", residentId("330212", "19500101", 11), "否", tree.g21.code],
    ];
    const h = await upload("houses", "houses.csv", Buffer.from(csvText(H, houses)));
    expect(h.imp.status).toBe("invalid");
    expect(h.imp.errors).toEqual([
      expect.objectContaining({ row: 3, field: "ownerIdNumber", code: "PERSON_NOT_REGISTERED" }),
    ]);
    houses[1]![5] = "";
    const ok = await upload("houses", "houses2.csv", Buffer.from(csvText(H, houses)));
    expect(ok.imp).toMatchObject({ status: "done", counts: { created: 2 } });
    const [house] = await queryRows<{ owner: string; is_rented: boolean }>(
      env.db,
      sql`select p.name as owner, h.is_rented from houses h join persons p on p.id = h.owner_person_id where h.room = '101'`,
    );
    expect(house).toEqual({ owner: "郑一", is_rented: true });
  });
});

describe("exports", () => {
  it("export persons in scope with masked values only, watermarked, with one audit row", async () => {
    const res = await app.inject({
      method: "GET",
      url: `/api/registry/exports/persons.xlsx?areaCode=${tree.street.code}&residentType=registered`,
      headers: auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.creator).toContain("导出人");
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell("A1").value)).toMatch(/^导出人 .+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} 仅限工作使用$/);
    expect(ws.headerFooter.oddHeader).toContain("仅限工作使用");
    expect(ws.headerFooter.oddFooter).toContain("仅限工作使用");
    expect(ws.getRow(2).values).toContain("证件号码");
    const body = JSON.stringify(ws.getSheetValues().slice(3));
    expect(body).toContain("郑一");
    expect(body).toContain("330212********");
    expect(body).not.toMatch(/\d{17}[\dX]/);
    expect(body).not.toMatch(/1[3-9]\d{9}/);
    const n = ws.rowCount - 2;
    expect(n).toBeGreaterThan(0);
    expect(res.headers["x-row-count"]).toBe(String(n));
    const [audit] = await queryRows<{ changes: Record<string, { after: unknown }> }>(
      env.db,
      sql`select changes from audit_log where action = 'registry.exported' order by id desc limit 1`,
    );
    expect(audit!.changes.rows!.after).toBe(n);
    expect(audit!.changes.filters!.after).toMatchObject({
      areaCode: tree.street.code,
      residentType: "registered",
    });
  });

  it("exports only the exporter's scope, and refuses those without the right", async () => {
    const c2 = await buildUser(env, { roles: ["leader"], scopes: [tree.c2] });
    const res = await app.inject({
      method: "GET",
      url: "/api/registry/exports/persons.xlsx",
      headers: await bearer(app, c2.username),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const codes = wb.worksheets[0]!.getColumn(18).values.slice(3) as string[];
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set([tree.g21.code]));
    const gw = await buildUser(env, { roles: ["grid_worker"], scopes: [tree.g11] });
    const denied = await app.inject({
      method: "GET",
      url: "/api/registry/exports/persons.xlsx",
      headers: await bearer(app, gw.username),
    });
    expect(denied.statusCode).toBe(403);
    const out = await app.inject({
      method: "GET",
      url: `/api/registry/exports/persons.xlsx?areaCode=${tree.g11.code}`,
      headers: await bearer(app, c2.username),
    });
    expect(out.statusCode).toBe(404);
  });
});

/** GB18030 bytes of a text (Node has no GB18030 encoder: derived from the decoder's table). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}
