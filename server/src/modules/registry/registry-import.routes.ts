import type { FastifyRequest } from "fastify";
import { authorize } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import { AppError } from "../../core/errors";
import type { FastifyTypebox } from "../../http/types";
import { IMPORT_KINDS, type ImportKind } from "./import/columns";
import { errorsWorkbook } from "./import/errors-workbook";
import { prepareExport, streamPersonsXlsx } from "./import/export-persons";
import {
  ExportQuery,
  ImportList,
  ImportListQuery,
  ImportParams,
  ImportSummary,
  ImportView,
  TemplateParams,
} from "./import/import.schema";
import { listImports, presentImport, readImport, visibleImport } from "./import/read-imports";
import { startImport } from "./import/start-import";
import { templateCsv, templateXlsx } from "./import/templates";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const disposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const TEMPLATE_NAME: Record<ImportKind, string> = { persons: "人员", places: "场所", houses: "房屋" };

/** Reads the multipart upload: the file and the fields `kind` and `areaCode`, in any order. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart())
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, {
      zh: "请用 multipart/form-data 上传文件",
      en: "Upload the file as multipart/form-data",
    });
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (part.file.truncated)
        throw new AppError("BODY_TOO_LARGE", 413, { zh: "文件过大", en: "The file is too large" }, "file");
      file = { name: part.filename || "import", bytes };
    } else fields[part.fieldname] = String(part.value ?? "").trim();
  }
  if (!file)
    throw new AppError("FILE_MISSING", 400, { zh: "缺少文件", en: "No file in the request" }, "file");
  const kind = IMPORT_KINDS.find((k) => k === fields.kind);
  if (!kind)
    throw new AppError(
      "VALIDATION_FAILED",
      400,
      { zh: "kind 须为 persons、places 或 houses", en: "kind must be persons, places or houses" },
      "kind",
    );
  if (fields.areaCode && fields.areaCode.length > 40)
    throw new AppError(
      "VALIDATION_FAILED",
      400,
      { zh: "区域代码过长", en: "The area code is too long" },
      "areaCode",
    );
  return { file, kind, areaCode: fields.areaCode || undefined };
}

/** Excel/CSV import and export of the registry: templates, imports with their problems, exports. */
export async function registryImportRoutes(app: FastifyTypebox) {
  const tags = ["registry"];
  const read = (req: FastifyRequest) => makeCtx(app.services, { actor: req.actor() });

  app.get(
    "/api/registry/templates/:file",
    {
      schema: {
        tags,
        summary:
          "An import template (persons|places|houses).(xlsx|csv): Chinese headers; xlsx with a 说明 sheet of rules and codes",
        params: TemplateParams,
      },
    },
    async (req, reply) => {
      authorize(req.actor(), "registry.import");
      const [kind, ext] = req.params.file.split(".") as [ImportKind, "xlsx" | "csv"];
      const name = `${TEMPLATE_NAME[kind]}导入模板.${ext}`;
      const body = ext === "xlsx" ? await templateXlsx(kind) : templateCsv(kind);
      return reply
        .type(ext === "xlsx" ? XLSX : "text/csv; charset=utf-8")
        .header("content-disposition", disposition(name))
        .send(body);
    },
  );

  app.post(
    "/api/registry/imports",
    {
      schema: {
        tags,
        summary:
          "Import an xlsx or CSV file (multipart: file, kind, optional areaCode as the default area): 202 and a job validates every row first; the same file again answers its earlier import (200)",
        consumes: ["multipart/form-data"],
        response: { 200: ImportSummary, 202: ImportSummary },
      },
    },
    async (req, reply) => {
      authorize(req.actor(), "registry.import");
      const upload = await readUpload(req);
      const started = await req.withCtx((ctx) =>
        startImport(ctx, {
          kind: upload.kind,
          fileName: upload.file.name,
          bytes: upload.file.bytes,
          areaCode: upload.areaCode,
        }),
      );
      const imp = await visibleImport(read(req), started.id);
      return reply.status(started.reused ? 200 : 202).send(presentImport(imp));
    },
  );

  app.get(
    "/api/registry/imports",
    {
      schema: {
        tags,
        summary: "Imports I started or that are in my scope, newest first",
        querystring: ImportListQuery,
        response: { 200: ImportList },
      },
    },
    async (req) =>
      listImports(read(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    "/api/registry/imports/:id",
    {
      schema: {
        tags,
        summary: "One import: status, progress, counts and every problem with its row number",
        params: ImportParams,
        response: { 200: ImportView },
      },
    },
    async (req) => readImport(read(req), req.params.id),
  );

  app.get(
    "/api/registry/imports/:id/errors.xlsx",
    {
      schema: {
        tags,
        summary: "The bad rows of an invalid import, as uploaded, with an 错误 column",
        params: ImportParams,
      },
    },
    async (req, reply) => {
      const imp = await visibleImport(read(req), req.params.id);
      if (!presentImport(imp).can.downloadErrors)
        throw new AppError("NO_ERRORS", 409, { zh: "该导入没有错误行", en: "This import has no bad rows" });
      const body = await errorsWorkbook(app.services, imp);
      return reply
        .type(XLSX)
        .header("content-disposition", disposition(`导入错误_${imp.fileName ?? imp.id}.xlsx`))
        .send(body);
    },
  );

  app.get(
    "/api/registry/exports/persons.xlsx",
    {
      schema: {
        tags,
        summary:
          "Persons as Excel with the list's filters, in scope, masked, watermarked with who exported when; audited",
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const prepared = await req.withCtx((ctx) => prepareExport(ctx, req.query));
      return reply
        .type(XLSX)
        .header("content-disposition", disposition(prepared.fileName))
        .header("x-row-count", String(prepared.count))
        .send(streamPersonsXlsx(app.services, prepared));
    },
  );
}
