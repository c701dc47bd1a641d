import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStore, S3FileStore, sha256, sniffFileType } from "./files";
import { S3Client } from "./s3";

const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("sniffFileType", () => {
  it("decides from the bytes, not the name", () => {
    expect(sniffFileType(png, "x.jpg")).toBe("image/png");
    expect(sniffFileType(Buffer.from("%PDF-1.7\n"), "a.bin")).toBe("application/pdf");
    expect(sniffFileType(Buffer.from("504b030414000000", "hex"), "记录.xlsx")).toMatch(/spreadsheetml/);
    expect(() => sniffFileType(Buffer.from("<script>alert(1)</script>"), "a.png")).toThrow(
      expect.objectContaining({ code: "FILE_TYPE_NOT_ALLOWED", status: 415 }),
    );
    expect(() => sniffFileType(Buffer.from("504b030414000000", "hex"), "a.zip")).toThrow(
      expect.objectContaining({ status: 415 }),
    );
  });
});

describe("LocalFileStore", () => {
  it("stores by hash and reads back; unknown ids are undefined", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-files-"));
    const store = new LocalFileStore(dir);
    const id = sha256(png);
    await store.put(id, png);
    await store.put(id, png); // idempotent
    expect((await store.get(id))!.equals(png)).toBe(true);
    expect(await store.get("0".repeat(64))).toBeUndefined();
    fs.rmSync(dir, { recursive: true });
  });
});

// s3rver checks the access key but not V4 signatures; s3.test.ts checks those against AWS's example.
describe("S3FileStore against an S3-compatible server (s3rver)", () => {
  let server: S3rver;
  let dir: string;
  let endpoint: string;
  const creds = { accessKey: "S3RVER", secretKey: "S3RVER", region: "us-east-1", bucket: "pingan" };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-s3-"));
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: dir,
      configureBuckets: [{ name: "pingan", configs: [] }],
    });
    const { port } = (await server.run()) as unknown as { port: number };
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("puts and gets an object; a missing one is undefined", async () => {
    const store = new S3FileStore(new S3Client({ endpoint, ...creds }));
    const bytes = crypto.randomBytes(2048);
    const id = sha256(bytes);
    await store.put(id, bytes, "application/octet-stream");
    expect((await store.get(id))!.equals(bytes)).toBe(true);
    expect(await store.get("f".repeat(64))).toBeUndefined();
  });

  it("surfaces a refusal (unknown access key) as an error", async () => {
    const store = new S3FileStore(new S3Client({ endpoint, ...creds, accessKey: "NOBODY" }));
    await expect(store.put(sha256(png), png, "image/png")).rejects.toThrow(/403|InvalidAccessKeyId/);
  });
});
