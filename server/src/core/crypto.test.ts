import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Keyring, loadMasterKey } from "./crypto";

const master = crypto.randomBytes(32);

describe("Keyring", () => {
  it.each(["aes-256-gcm", "sm4"] as const)(
    "encrypts and decrypts with %s, never the same ciphertext twice",
    (cipher) => {
      const k = new Keyring(master, cipher === "sm4" ? "sm3" : "sha256", cipher);
      const a = k.encrypt("330212199001011234");
      expect(a).not.toContain("330212");
      expect(k.encrypt("330212199001011234")).not.toBe(a);
      expect(k.decrypt(a)).toBe("330212199001011234");
    },
  );

  it("refuses a tampered ciphertext", () => {
    for (const cipher of ["aes-256-gcm", "sm4"] as const) {
      const k = new Keyring(master, "sha256", cipher);
      const [v, alg, body] = k.encrypt("13800138000").split(".");
      const raw = Buffer.from(body!, "base64");
      raw[raw.length - 20]! ^= 1;
      expect(() => k.decrypt(`${v}.${alg}.${raw.toString("base64")}`)).toThrow();
    }
  });

  it("keeps purposes apart and is keyed", () => {
    const k = new Keyring(master);
    expect(k.blindIndex("33021219900101123x")).toBe(k.blindIndex(" 33021219900101123X "));
    expect(k.mac("a", "x")).not.toBe(k.mac("b", "x"));
    expect(new Keyring(crypto.randomBytes(32)).mac("a", "x")).not.toBe(k.mac("a", "x"));
    expect(k.mac("a", "x", "sm3")).not.toBe(k.mac("a", "x", "sha256"));
  });
});

describe("loadMasterKey", () => {
  it("generates a key into the data folder once and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pingan-key-"));
    const a = loadMasterKey({ secretKey: undefined, dataDir: dir, engine: "pglite" });
    const b = loadMasterKey({ secretKey: undefined, dataDir: dir, engine: "pglite" });
    expect(a.equals(b)).toBe(true);
    expect(fs.statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });

  it("requires the configured key on PostgreSQL", () => {
    expect(() =>
      loadMasterKey({ secretKey: undefined, dataDir: "/nonexistent", engine: "postgres" }),
    ).toThrow(/PINGAN_SECRET_KEY/);
  });
});
