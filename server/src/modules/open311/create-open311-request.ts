import type { Ctx } from "../../core/context";
import { recordAudit } from "../../core/audit";
import { sha256, sniffFileType } from "../../core/files";
import { AppError, type Message } from "../../core/errors";
import { normalizeChinesePhone } from "../../core/privacy";
import { files } from "../../db/schema";
import { reportEvent } from "../events/report-event";
import { field, type PostedRequest } from "./open311.body";
import { badRequest, notFound311, Open311Error } from "./open311.errors";
import { stripControl } from "./open311.format";
import * as repo from "./open311.repo";

/** The standard's limit on a description. */
export const MAX_DESCRIPTION = 4000;
const MAX_TEXT = 500;

/** What a POST requests call created: the event's number, its tracking code and deadline. */
export interface CreatedRequest {
  seq: number;
  trackingCode: string;
  dueAt: Date | null;
  accountId: string | null;
}

// a person's text keeps its line breaks and tabs; other control characters are dropped
const clean = (s: string) => stripControl(s.replace(/\r\n?/g, "\n")).trim();

function number(text: string | undefined, name: string, min: number, max: number, problems: Message[]) {
  if (text === undefined) return undefined;
  const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (Number.isFinite(n) && n >= min && n <= max) return n;
  problems.push({
    zh: `${name} 应为 ${min} 到 ${max} 之间的数（WGS84 坐标）`,
    en: `${name} must be a number from ${min} to ${max} (WGS84)`,
  });
  return undefined;
}

/** Chinese names are family name first with no space; others given name first. */
function fullName(first?: string, last?: string): string | undefined {
  if (!first || !last) return first ?? last;
  return /\p{Script=Han}/u.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}

/**
 * POST requests: checks the fields as the standard defines them (service_code first: what else is
 * needed depends on the service), stores the photo, and reports the event through the one intake
 * path, acting as the API key's user, with source "open311". The reporter's name and phone go to the
 * event's sealed reporter fields (masked for handlers) and are never shown by the Open311 GET calls.
 */
export async function createOpen311Request(
  ctx: Ctx,
  posted: PostedRequest,
  publicCodes: ReadonlySet<string>,
): Promise<CreatedRequest> {
  const f = posted.fields;
  const serviceCode = field(f, "service_code");
  if (!serviceCode) throw badRequest({ zh: "缺少 service_code", en: "service_code is required" });
  if (!publicCodes.has(serviceCode))
    throw notFound311({
      zh: `服务 ${serviceCode} 不存在`,
      en: `service_code ${serviceCode} was not found`,
    });

  const problems: Message[] = [];
  const lat = number(field(f, "lat"), "lat", -90, 90, problems);
  const lng = number(field(f, "long"), "long", -180, 180, problems);
  const hasLat = field(f, "lat") !== undefined;
  const hasLng = field(f, "long") !== undefined;
  if (hasLat !== hasLng)
    problems.push({ zh: "lat 与 long 须同时提供", en: "lat and long must be sent together" });
  const address = field(f, "address_string");
  const addressId = field(f, "address_id");
  if (!hasLat && !hasLng && !address && !addressId)
    problems.push({
      zh: "缺少位置：请提供 lat 与 long、address_string 或 address_id",
      en: "A location is required: lat and long, address_string or address_id",
    });
  let description = clean(field(f, "description") ?? "");
  if (!description) problems.push({ zh: "缺少 description（事件描述）", en: "description is required" });
  else if (description.length > MAX_DESCRIPTION)
    problems.push({
      zh: `description 不能超过 ${MAX_DESCRIPTION} 个字符`,
      en: `description is limited to ${MAX_DESCRIPTION} characters`,
    });
  const mediaUrl = field(f, "media_url");
  if (mediaUrl && !/^https?:\/\/\S{1,2000}$/i.test(mediaUrl))
    problems.push({ zh: "media_url 应为 http(s) 网址", en: "media_url must be an http or https URL" });
  for (const name of ["address_string", "address_id", "email", "first_name", "last_name", "phone"]) {
    if ((field(f, name) ?? "").length > MAX_TEXT)
      problems.push({ zh: `${name} 过长`, en: `${name} is longer than ${MAX_TEXT} characters` });
  }
  const phone = field(f, "phone");
  if (phone && !normalizeChinesePhone(phone))
    problems.push({
      zh: "phone 应为手机号（11 位）或固定电话（区号-号码）",
      en: "phone must be a mainland mobile (11 digits) or a landline (area code-number)",
    });
  let mime: string | undefined;
  if (posted.media) {
    try {
      mime = sniffFileType(posted.media.bytes, posted.media.filename);
    } catch {
      mime = undefined;
    }
    if (!mime?.startsWith("image/"))
      problems.push({
        zh: "media 应为 JPEG、PNG、GIF 或 WebP 图片",
        en: "media must be a JPEG, PNG, GIF or WebP image",
      });
  }
  const [first, ...more] = problems;
  if (first) throw badRequest(first, ...more);

  // an external photo link is kept where people read it; it is not fetched (no requests on a client's behalf)
  if (mediaUrl) description = `${description}\n\n照片 / media: ${mediaUrl}`;
  const photos: string[] = [];
  if (posted.media && mime)
    photos.push(await storePhoto(ctx, posted.media.bytes, posted.media.filename, mime));

  // the event keeps a reporter's name and phone (sealed); email and device_id have no place there
  const name = fullName(field(f, "first_name"), field(f, "last_name"));
  const reporter = name || phone ? { name, phone } : undefined;
  const view = await reportEvent(ctx, {
    category: serviceCode,
    description,
    lat,
    lng,
    areaCode: addressId,
    address: address ? clean(address) : undefined,
    source: "open311",
    photos: photos.length ? photos : undefined,
    reporter,
    anonymous: !reporter,
  }).catch((err: unknown) => {
    // our address ids are area codes: say so in the standard's terms
    if (err instanceof AppError && err.code === "UNKNOWN_AREA")
      throw badRequest({
        zh: `address_id ${addressId} 不是已知的区域编码`,
        en: `address_id ${addressId} is not a known area code`,
      });
    throw err;
  });
  const numbers = await repo.findNumbers(ctx.tx, view.id);
  if (!numbers) throw new Open311Error(500, { zh: "事件未能保存", en: "The request could not be stored" });
  return { ...numbers, accountId: field(f, "account_id") ?? null };
}

/** Stores a photo by its content hash, as the files route does, and records its upload. */
async function storePhoto(ctx: Ctx, bytes: Buffer, filename: string, mime: string): Promise<string> {
  const id = sha256(bytes);
  await ctx.services.files.put(id, bytes, mime);
  await ctx.tx
    .insert(files)
    .values({
      id,
      size: bytes.length,
      mime,
      originalName: filename.slice(0, 200) || null,
      storage: ctx.services.files.kind,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing();
  await recordAudit(ctx, {
    action: "file.uploaded",
    subjectType: "file",
    subjectId: id,
    after: { size: bytes.length, mime, via: "open311" },
  });
  return id;
}
