import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig, type Config } from "../config";
import { queryRows } from "../db/database";
import { buildAreasForScale } from "../demo/area-plans";
import * as areasRepo from "../modules/areas/areas.repo";
import { csvText, residentId } from "../modules/registry/import/test-files";
import { openRuntime } from "../runtime";
import { registryCommand } from "./registry-import";

let dir: string;
let config: Config;
let grid: string;

/** Runs the command, collecting what it printed. */
async function run(args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const err = vi.spyOn(console, "error").mockImplementation((...a) => void out.push(a.join(" ")));
  try {
    return { code: await registryCommand(config, "import", args), out: out.join("\n") };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-cli-import-"));
  config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" });
  const rt = await openRuntime(config);
  try {
    const { rows } = buildAreasForScale("street", 1);
    await areasRepo.insert(rt.db, rows);
    grid = rows.find((r) => r.level === "grid")!.code;
  } finally {
    await rt.close();
  }
}, 60_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("pingan registry import", () => {
  const H = ["姓名", "证件号码", "所属网格编码"];
  it("lists every bad row and exits 1 when the file is invalid, importing nothing", async () => {
    const file = path.join(dir, "bad.csv");
    fs.writeFileSync(
      file,
      csvText(H, [
        ["王一", residentId("330212", "19800101", 1), grid],
        ["王二", "330212198001010000", grid],
      ]),
    );
    const { code, out } = await run(["--kind", "persons", "--file", file]);
    expect(code).toBe(1);
    expect(out).toMatch(/row 3\t证件号码\tID_CHECKSUM/);
    expect(out).toContain("nothing was imported");
  }, 60_000);

  it("loads a good file with progress and a summary; the same file again changes nothing", async () => {
    const file = path.join(dir, "good.csv");
    fs.writeFileSync(
      file,
      csvText(H, [
        ["王一", residentId("330212", "19800101", 1), grid],
        ["王三", residentId("330212", "19800101", 3), grid],
      ]),
    );
    const first = await run(["--kind", "persons", "--file", file]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/validated 2 rows/);
    expect(first.out).toMatch(/loaded 2 \/ 2 rows \([\d,]+ rows\/s\)/);
    expect(JSON.parse(first.out.split("\n").find((l) => l.startsWith("{"))!)).toMatchObject({
      rows: 2,
      created: 2,
    });
    const again = await run(["--kind", "persons", "--file", file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("imported before");
    const rt = await openRuntime(config);
    try {
      const [n] = await queryRows<{ n: number }>(rt.db, sql`select count(*)::int as n from persons`);
      expect(n!.n).toBe(2);
    } finally {
      await rt.close();
    }
    expect((await run(["--kind", "cats", "--file", file])).code).toBe(2);
  }, 60_000);
});
