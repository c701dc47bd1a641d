import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { decodeKey, type Config } from "../config";

export type HashAlgorithm = "sha256" | "sm3";
export type CipherAlgorithm = "aes-256-gcm" | "sm4";

/**
 * Keyed hashing and field encryption from one master key. Each use gets its own sub-key (HKDF),
 * so an audit digest cannot be compared with a blind index. SM3/SM4 (国密) where OpenSSL has them.
 */
export class Keyring {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly master: Buffer,
    readonly hashAlgorithm: HashAlgorithm = "sha256",
    readonly cipherAlgorithm: CipherAlgorithm = "aes-256-gcm",
  ) {
    if (master.length !== 32) throw new Error("The master key must be 32 bytes");
    if (hashAlgorithm === "sm3" && !crypto.getHashes().includes("sm3"))
      throw new Error("PINGAN_HASH=sm3 but this Node.js/OpenSSL has no SM3");
    if (cipherAlgorithm === "sm4" && !crypto.getCiphers().includes("sm4-ctr"))
      throw new Error("PINGAN_CIPHER=sm4 but this Node.js/OpenSSL has no SM4");
  }

  private key(purpose: string, alg: HashAlgorithm = this.hashAlgorithm): Buffer {
    const id = `${alg}:${purpose}`;
    let k = this.keys.get(id);
    if (!k) {
      k = Buffer.from(crypto.hkdfSync(alg, this.master, Buffer.alloc(0), `pingan:${purpose}`, 32));
      this.keys.set(id, k);
    }
    return k;
  }

  /** Keyed hash (HMAC) of text for one purpose, hex; the algorithm may be forced (for old rows). */
  mac(purpose: string, data: string | Buffer, alg: HashAlgorithm = this.hashAlgorithm): string {
    return crypto.createHmac(alg, this.key(purpose, alg)).update(data).digest("hex");
  }

  /** Digest kept in the audit trail for a sensitive value instead of the value itself. */
  auditDigest(value: unknown): string {
    return this.mac("audit-digest", JSON.stringify(value ?? null)).slice(0, 32);
  }

  /** Deterministic keyed index for exact look-up of an encrypted value (e.g. an ID number). */
  blindIndex(value: string): string {
    return this.mac("blind-index", value.trim().toUpperCase());
  }

  /** Encrypts a field value: "v1.<alg>.<base64 iv|ciphertext|tag>". */
  encrypt(plain: string): string {
    const iv = crypto.randomBytes(this.cipherAlgorithm === "sm4" ? 16 : 12);
    if (this.cipherAlgorithm === "aes-256-gcm") {
      const c = crypto.createCipheriv("aes-256-gcm", this.key("field-encryption"), iv);
      const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return `v1.gcm.${Buffer.concat([iv, ct, c.getAuthTag()]).toString("base64")}`;
    }
    // SM4 has no GCM in OpenSSL: CTR mode, then an HMAC-SM3 tag over iv and ciphertext.
    const c = crypto.createCipheriv("sm4-ctr", this.key("field-encryption", "sm3").subarray(0, 16), iv);
    const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
    const tag = crypto
      .createHmac("sm3", this.key("field-mac", "sm3"))
      .update(Buffer.concat([iv, ct]))
      .digest();
    return `v1.sm4.${Buffer.concat([iv, ct, tag.subarray(0, 16)]).toString("base64")}`;
  }

  decrypt(token: string): string {
    const [v, alg, body] = token.split(".");
    if (v !== "v1" || !body) throw new Error("Unknown ciphertext format");
    const raw = Buffer.from(body, "base64");
    if (alg === "gcm") {
      const iv = raw.subarray(0, 12);
      const tag = raw.subarray(raw.length - 16);
      const d = crypto.createDecipheriv("aes-256-gcm", this.key("field-encryption", "sha256"), iv);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString("utf8");
    }
    if (alg === "sm4") {
      const iv = raw.subarray(0, 16);
      const ct = raw.subarray(16, raw.length - 16);
      const tag = crypto
        .createHmac("sm3", this.key("field-mac", "sm3"))
        .update(Buffer.concat([iv, ct]))
        .digest();
      if (!crypto.timingSafeEqual(tag.subarray(0, 16), raw.subarray(raw.length - 16)))
        throw new Error("Ciphertext failed authentication");
      const d = crypto.createDecipheriv("sm4-ctr", this.key("field-encryption", "sm3").subarray(0, 16), iv);
      return Buffer.concat([d.update(ct), d.final()]).toString("utf8");
    }
    throw new Error(`Unknown cipher ${alg}`);
  }
}

/** SHA-256 of a secret (session token, API key): what is stored instead of the secret. */
export function secretDigest(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

/** A random URL-safe secret of n bytes. */
export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/**
 * The master key: PINGAN_SECRET_KEY, or for the embedded database a key generated once into
 * DATA_DIR/secret.key (mode 0600) and reused on every later start.
 */
export function loadMasterKey(config: Pick<Config, "secretKey" | "dataDir" | "engine">): Buffer {
  if (config.secretKey) return decodeKey(config.secretKey)!;
  if (config.engine === "postgres") throw new Error("PINGAN_SECRET_KEY is required with DATABASE_URL");
  const file = path.join(config.dataDir, "secret.key");
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const key = decodeKey(fs.readFileSync(file, "utf8").trim());
  if (!key) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
