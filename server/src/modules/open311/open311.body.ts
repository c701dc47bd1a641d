import type { FastifyRequest } from "fastify";
import { badRequest, Open311Error } from "./open311.errors";

/** A form's fields: a name sent once is a string, a name sent several times a list. */
export type FormFields = Record<string, string | string[]>;

/** The fields and the optional photo (multipart field `media`) of a POST requests call. */
export interface PostedRequest {
  fields: FormFields;
  media?: { bytes: Buffer; filename: string };
}

/** Parses application/x-www-form-urlencoded text (UTF-8, '+' as space) into fields. */
export function parseForm(text: string): FormFields {
  const fields: FormFields = Object.create(null) as FormFields;
  for (const [name, value] of new URLSearchParams(text)) add(fields, name, value);
  return fields;
}

function add(fields: FormFields, name: string, value: string) {
  const had = fields[name];
  fields[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
}

/** The first value of a field, trimmed; undefined when absent or blank ("optional" as the standard means it). */
export function field(fields: FormFields, name: string): string | undefined {
  const v = fields[name];
  const first = Array.isArray(v) ? v[0] : v;
  const trimmed = typeof first === "string" ? first.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

const tooLarge = () =>
  new Open311Error(413, {
    zh: "请求或照片过大",
    en: "The request or its media file is too large",
  });

/**
 * Reads the POST body: form-encoded (parsed by the plugin's parser), multipart with an optional
 * photo in the field `media`, or a JSON object. Other files are drained and ignored.
 */
export async function readPostedRequest(req: FastifyRequest, maxFileBytes: number): Promise<PostedRequest> {
  if (!req.isMultipart()) {
    const body = req.body;
    if (body === undefined || body === null) return { fields: {} };
    if (typeof body !== "object" || Array.isArray(body))
      throw badRequest({ zh: "请求体应为表单字段", en: "The request body must be form fields" });
    const fields: FormFields = Object.create(null) as FormFields;
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === "string") fields[k] = v;
      else if (typeof v === "number" || typeof v === "boolean") fields[k] = String(v);
      else if (Array.isArray(v)) fields[k] = v.filter((x) => typeof x === "string");
    }
    return { fields };
  }
  const fields: FormFields = Object.create(null) as FormFields;
  let media: PostedRequest["media"];
  // the standard's fields, attribute[…] answers and a photo: more fields than the app's default limit
  const parts = req.parts({
    limits: { fileSize: maxFileBytes, files: 1, fields: 200, fieldSize: 64 * 1024, parts: 201 },
  });
  for await (const part of parts) {
    if (part.type === "file") {
      if (part.fieldname !== "media" || media) {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw tooLarge();
      if (bytes.length > 0) media = { bytes, filename: part.filename ?? "" };
    } else {
      if (part.valueTruncated) throw tooLarge();
      add(fields, part.fieldname, typeof part.value === "string" ? part.value : String(part.value));
    }
  }
  return { fields, media };
}
