import crypto from "node:crypto";

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
}

const hex = (b: crypto.BinaryLike) => crypto.createHash("sha256").update(b).digest("hex");
const hmac = (k: crypto.BinaryLike, s: string) => crypto.createHmac("sha256", k).update(s).digest();

/** AWS Signature Version 4 headers for one request (path-style, as MinIO and most S3 stores accept). */
export function signV4(
  o: Pick<S3Options, "region" | "accessKey" | "secretKey">,
  req: { method: string; url: URL; headers: Record<string, string>; payloadHash: string; now: Date },
): Record<string, string> {
  const amzDate = req.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: req.url.host,
    "x-amz-content-sha256": req.payloadHash,
    "x-amz-date": amzDate,
  };
  const names = Object.keys(headers).sort();
  const query = [...req.url.searchParams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  const canonical = [
    req.method,
    req.url.pathname,
    query,
    names.map((n) => `${n}:${headers[n]}\n`).join(""),
    names.join(";"),
    req.payloadHash,
  ].join("\n");
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretKey}`, day), o.region), "s3"), "aws4_request");
  const signature = crypto.createHmac("sha256", key).update(toSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${o.accessKey}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}

/** The two calls the file store needs, over fetch, with no SDK. */
export class S3Client {
  constructor(private readonly o: S3Options) {}

  private url(key: string) {
    return new URL(
      `${this.o.endpoint.replace(/\/$/, "")}/${this.o.bucket}/${key.split("/").map(encodeURIComponent).join("/")}`,
    );
  }

  async putObject(key: string, body: Buffer, contentType: string): Promise<void> {
    const url = this.url(key);
    const headers = signV4(this.o, {
      method: "PUT",
      url,
      headers: { "content-type": contentType },
      payloadHash: hex(body),
      now: new Date(),
    });
    delete headers.host;
    const res = await fetch(url, { method: "PUT", headers, body: new Uint8Array(body) });
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${await res.text()}`);
  }

  async getObject(key: string): Promise<Buffer | undefined> {
    const url = this.url(key);
    const headers = signV4(this.o, {
      method: "GET",
      url,
      headers: {},
      payloadHash: hex(""),
      now: new Date(),
    });
    delete headers.host;
    const res = await fetch(url, { headers });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
}
