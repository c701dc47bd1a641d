import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../core/audit";
import { authorize, inScope, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import type { JobHandler } from "../../core/jobs";
import { webhooks } from "../../db/schema";
import * as areasRepo from "../areas/areas.repo";
import type { WebhookPayload } from "./notify";
import { areaOutOfScope, WEBHOOK, webhookUrlInvalid } from "./supervision.errors";
import { buildRequest, send, type DeliveryResult, type WebhookFormat } from "./webhook-format";

type WebhookRow = typeof webhooks.$inferSelect;

export interface WebhookView {
  id: string;
  name: string;
  format: string;
  /** the URL with its query values shortened: robot URLs carry their access token there */
  url: string;
  hasSecret: boolean;
  events: string[];
  areaPath: string | null;
  active: boolean;
  createdAt: string;
}

/** A robot URL with each query value cut to four characters (the token is a credential). */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, v.length > 4 ? `${v.slice(0, 4)}…` : v);
    return u.toString();
  } catch {
    return "…";
  }
}

const present = (w: WebhookRow): WebhookView => ({
  id: w.id,
  name: w.name,
  format: w.format,
  url: maskUrl(w.url),
  hasSecret: w.secretEnc !== null,
  events: w.events,
  areaPath: w.areaPath,
  active: w.active,
  createdAt: w.createdAt.toISOString(),
});

/** The webhooks an administrator may see: all, or those inside their area scope. */
export async function listWebhooks(ctx: Ctx): Promise<{ items: WebhookView[] }> {
  authorize(ctx.actor, "webhook.manage");
  const rows = await ctx.tx
    .select()
    .from(webhooks)
    .where(scopeCondition(ctx.actor, webhooks.areaPath))
    .orderBy(desc(webhooks.createdAt));
  return { items: rows.map(present) };
}

export interface CreateWebhookInput {
  name: string;
  format: WebhookFormat;
  url: string;
  secret?: string;
  events: string[];
  areaCode?: string;
}

/**
 * Adds an outgoing webhook; the secret is sealed and never shown again. An administrator with an area
 * scope only adds webhooks inside it (defaulting to their primary area), so notices never leave it.
 */
export async function createWebhook(ctx: Ctx, input: CreateWebhookInput): Promise<WebhookView> {
  authorize(ctx.actor, "webhook.manage");
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw webhookUrlInvalid();
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw webhookUrlInvalid();
  let areaPath: string | null = null;
  const code = input.areaCode ?? (ctx.actor.allAreas ? undefined : ctx.actor.scopes[0]?.code);
  if (code) {
    const area = await areasRepo.findByCode(ctx.tx, code);
    // webhook.manage is not scoped by area: the subtree check is this module's own
    if (!area || !inScope(ctx.actor, area.path)) throw areaOutOfScope(code);
    areaPath = area.path;
  }
  const [row] = await ctx.tx
    .insert(webhooks)
    .values({
      name: input.name.trim(),
      format: input.format,
      url: url.toString(),
      secretEnc: input.secret ? ctx.keyring.encrypt(input.secret) : null,
      events: [...new Set(input.events)],
      areaPath,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  const view = present(row!);
  await recordAudit(ctx, {
    action: "webhook.created",
    subjectType: "webhook",
    subjectId: row!.id,
    after: { ...view, secret: input.secret ? "(set)" : null },
  });
  return view;
}

async function getInScope(ctx: Ctx, id: string): Promise<WebhookRow> {
  authorize(ctx.actor, "webhook.manage");
  const [row] = await ctx.tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), scopeCondition(ctx.actor, webhooks.areaPath)));
  if (!row) throw notFound(WEBHOOK);
  return row;
}

/** Removes a webhook; deliveries already queued for it are dropped when they run. */
export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  const row = await getInScope(ctx, id);
  await ctx.tx.delete(webhooks).where(eq(webhooks.id, id));
  await recordAudit(ctx, {
    action: "webhook.deleted",
    subjectType: "webhook",
    subjectId: id,
    before: { ...present(row) },
  });
}

function requestFor(
  ctx: Pick<Ctx, "keyring" | "clock" | "services">,
  row: WebhookRow,
  notice: WebhookPayload["notice"],
) {
  return buildRequest(row.format as WebhookFormat, row.url, notice, {
    secret: row.secretEnc ? ctx.keyring.decrypt(row.secretEnc) : null,
    nowMs: ctx.clock.now().getTime(),
    timeZone: ctx.services.config.timeZone,
  });
}

/**
 * Sends a test message now and says what the far end answered (nothing is retried). Call it without
 * a transaction (the request may take seconds); the audit record is written on its own.
 */
export async function testWebhook(ctx: Ctx, id: string): Promise<DeliveryResult> {
  const row = await getInScope(ctx, id);
  const result = await send(
    requestFor(ctx, row, {
      kind: "webhook.test",
      title: "平安 Pingan 推送测试 / test message",
      body: `这是一条测试消息，发送人 ${ctx.actor.displayName}。This is a test message.`,
      subjectType: "webhook",
      subjectId: row.id,
      areaPath: row.areaPath,
      at: ctx.clock.now().toISOString(),
    }),
  );
  await recordAudit(ctx, {
    action: "webhook.tested",
    subjectType: "webhook",
    subjectId: id,
    after: { ok: result.ok, status: result.status, error: result.error },
  });
  return result;
}

/**
 * The webhook.deliver job: posts one notice to one webhook. A failure throws, so the job is retried
 * with backoff and, after its last attempt, left failed with the reason for the administrator.
 */
export const deliverWebhookJob: JobHandler = async (services, tx, job) => {
  const payload = job.payload as unknown as WebhookPayload;
  const [row] = await tx.select().from(webhooks).where(eq(webhooks.id, payload.webhookId));
  if (!row || !row.active) return; // removed or switched off since: nothing to send
  const request = requestFor(
    { keyring: services.keyring, clock: services.clock, services },
    row,
    payload.notice,
  );
  const result = await send(request);
  if (!result.ok) throw new Error(`Webhook ${row.name}: ${result.error}`);
};
