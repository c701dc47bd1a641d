import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { AppError } from "./errors";
import { S3Client } from "./s3";

/** Where file bytes live, addressed by their SHA-256; the same bytes are stored once. */
export interface FileStore {
  readonly kind: "local" | "s3";
  put(id: string, bytes: Buffer, mime: string): Promise<void>;
  get(id: string): Promise<Buffer | undefined>;
}

export class LocalFileStore implements FileStore {
  readonly kind = "local";
  constructor(private readonly root: string) {}

  private file(id: string) {
    return path.join(this.root, id.slice(0, 2), id.slice(2, 4), id);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const file = this.file(id);
    if (fs.existsSync(file)) return;
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, file); // atomic: a reader never sees half a file
  }

  async get(id: string): Promise<Buffer | undefined> {
    try {
      return await fs.promises.readFile(this.file(id));
    } catch {
      return undefined;
    }
  }
}

export class S3FileStore implements FileStore {
  readonly kind = "s3";
  constructor(private readonly client: S3Client) {}
  put(id: string, bytes: Buffer, mime: string) {
    return this.client.putObject(`files/${id}`, bytes, mime);
  }
  get(id: string) {
    return this.client.getObject(`files/${id}`);
  }
}

export function createFileStore(config: Config): FileStore {
  if (config.files.backend === "s3") return new S3FileStore(new S3Client(config.files));
  return new LocalFileStore(path.join(config.dataDir, "files"));
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

const KINDS: { mime: string; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: "image/jpeg", ext: ["jpg", "jpeg"], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: "image/png",
    ext: ["png"],
    test: (b) => b.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex")),
  },
  { mime: "image/gif", ext: ["gif"], test: (b) => b.subarray(0, 4).toString("latin1") === "GIF8" },
  {
    mime: "image/webp",
    ext: ["webp"],
    test: (b) =>
      b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
  { mime: "application/pdf", ext: ["pdf"], test: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: ["docx"],
    test: (b) => b.subarray(0, 4).equals(Buffer.from("504b0304", "hex")),
  },
  {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: ["xlsx"],
    test: (b) => b.subarray(0, 4).equals(Buffer.from("504b0304", "hex")),
  },
];

/** Decides the type from the bytes themselves (and, for zip-based office files, the name). */
export function sniffFileType(bytes: Buffer, filename: string): string {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const zipBased = KINDS.filter((k) => k.ext.includes(ext) && k.test(bytes));
  const match = zipBased[0] ?? KINDS.find((k) => !k.mime.includes("openxml") && k.test(bytes));
  if (!match)
    throw new AppError("FILE_TYPE_NOT_ALLOWED", 415, {
      zh: "不支持的文件类型：仅接受 JPEG/PNG/GIF/WebP 图片、PDF、Word 和 Excel 文件",
      en: "File type not allowed: only JPEG/PNG/GIF/WebP images, PDF, Word and Excel files are accepted",
    });
  return match.mime;
}
