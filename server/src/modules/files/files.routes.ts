import { Type } from "typebox";
import { eq } from "drizzle-orm";
import type { FastifyTypebox } from "../../http/types";
import { authorize } from "../../core/authorize";
import { recordAudit } from "../../core/audit";
import { AppError, notFound } from "../../core/errors";
import { sha256, sniffFileType } from "../../core/files";
import { files } from "../../db/schema";

const FileView = Type.Object({
  id: Type.String(),
  size: Type.Integer(),
  mime: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
});
const FILE = { zh: "文件", en: "file" };

/** Uploading and reading photos and documents, stored by content hash. */
export async function filesRoutes(app: FastifyTypebox) {
  app.post(
    "/api/files",
    {
      schema: {
        tags: ["files"],
        summary: "Upload one file (multipart field `file`); type checked from its bytes",
        response: { 201: FileView },
      },
    },
    async (req, reply) => {
      authorize(req.actor(), "file.upload");
      if (!req.isMultipart())
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, {
          zh: "请用 multipart/form-data 上传文件",
          en: "Upload the file as multipart/form-data",
        });
      const part = await req.file();
      if (!part)
        throw new AppError("FILE_MISSING", 400, { zh: "缺少文件", en: "No file in the request" }, "file");
      const bytes = await part.toBuffer();
      if (part.file.truncated)
        throw new AppError("BODY_TOO_LARGE", 413, { zh: "文件过大", en: "The file is too large" }, "file");
      if (bytes.length === 0)
        throw new AppError("FILE_EMPTY", 400, { zh: "文件为空", en: "The file is empty" }, "file");
      const mime = sniffFileType(bytes, part.filename);
      const id = sha256(bytes);
      await app.services.files.put(id, bytes, mime);
      const name = part.filename.slice(0, 200) || null;
      await req.withCtx(async (ctx) => {
        await ctx.tx
          .insert(files)
          .values({
            id,
            size: bytes.length,
            mime,
            originalName: name,
            storage: app.services.files.kind,
            createdBy: ctx.actor.userId,
            createdAt: ctx.clock.now(),
          })
          .onConflictDoNothing();
        await recordAudit(ctx, {
          action: "file.uploaded",
          subjectType: "file",
          subjectId: id,
          after: { size: bytes.length, mime },
        });
      });
      return reply.status(201).send({ id, size: bytes.length, mime, name });
    },
  );

  app.get(
    "/api/files/:id",
    {
      schema: {
        tags: ["files"],
        summary: "Download a file by its id (SHA-256)",
        params: Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{64}$" }) }),
      },
    },
    async (req, reply) => {
      authorize(req.actor(), "file.read");
      const rows = await app.services.db.select().from(files).where(eq(files.id, req.params.id));
      const row = rows[0];
      const bytes = row ? await app.services.files.get(row.id) : undefined;
      if (!row || !bytes) throw notFound(FILE);
      return reply
        .type(row.mime)
        .header("x-content-type-options", "nosniff")
        .header(
          "content-disposition",
          `inline; filename*=UTF-8''${encodeURIComponent(row.originalName ?? row.id)}`,
        )
        .send(bytes);
    },
  );
}
