import { and, desc, isNull, ne, sql } from "drizzle-orm";
import type { Ctx } from "../../core/context";
import { likePrefix } from "../../core/authorize";
import { events } from "../../db/schema";
import type { EventRow } from "./event-clock";
import * as repo from "./events.repo";
import { eventNo } from "./present-event";
import { visibleEvent } from "./read-event";

export interface DuplicateView {
  id: string;
  no: string;
  title: string;
  state: string;
  categoryCode: string;
  createdAt: string;
  distanceM: number | null;
  similarity: number;
  score: number;
}

const WINDOW_DAYS = 7;
const RADIUS_M = 500;

/** Character bigrams of a text without spaces and punctuation (works for Chinese and for English). */
function bigrams(text: string): Set<string> {
  const s = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
  const chars = [...s];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
}

/** Dice similarity of two texts' bigrams, 0–1. */
export function textSimilarity(a: string | Set<string>, b: string): number {
  const x = typeof a === "string" ? bigrams(a) : a;
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Likely duplicates of an event among the open ones the actor may see: same first-level category,
 * raised within a week, near in place (500 m, or the same area without coordinates) and similar in
 * text. Scored 0–1 (text 55 %, place 25 %, same leaf category 10 %, recency 10 %), best first.
 */
export async function findDuplicates(ctx: Ctx, e: EventRow, limit = 5): Promise<DuplicateView[]> {
  const from = new Date(e.createdAt.getTime() - WINDOW_DAYS * 86_400_000);
  const to = new Date(e.createdAt.getTime() + WINDOW_DAYS * 86_400_000);
  const near =
    e.lat !== null && e.lng !== null
      ? sql`${events.lat} between ${e.lat - 0.0046} and ${e.lat + 0.0046} and ${events.lng} between ${e.lng - 0.0058} and ${e.lng + 0.0058}`
      : e.areaPath
        ? sql`${events.areaPath} = ${e.areaPath}`
        : sql`false`;
  const rows = await ctx.tx
    .select({
      id: events.id,
      seq: events.seq,
      createdAt: events.createdAt,
      title: events.title,
      description: events.description,
      state: events.state,
      categoryCode: events.categoryCode,
      lat: events.lat,
      lng: events.lng,
    })
    .from(events)
    .where(
      and(
        ne(events.id, e.id),
        isNull(events.closedAt),
        isNull(events.mergedIntoId),
        sql`${events.createdAt} between ${from} and ${to}`,
        sql`${events.categoryCode} like ${likePrefix(e.categoryCode.slice(0, 2))}`,
        near,
        repo.visibleCondition(ctx.actor),
      ),
    )
    .orderBy(desc(events.createdAt))
    .limit(25); // the most recent nearby candidates: enough for a hint, bounded when many report one thing
  const text = bigrams(`${e.title} ${e.description}`);
  const tz = ctx.services.config.timeZone;
  const out: DuplicateView[] = [];
  for (const r of rows) {
    const similarity = textSimilarity(text, `${r.title} ${r.description}`);
    const d =
      e.lat !== null && e.lng !== null && r.lat !== null && r.lng !== null
        ? distanceM({ lat: e.lat, lng: e.lng }, { lat: r.lat, lng: r.lng })
        : null;
    const place = d === null ? 0.6 : Math.max(0, 1 - d / RADIUS_M);
    const age = Math.abs(e.createdAt.getTime() - r.createdAt.getTime()) / (WINDOW_DAYS * 86_400_000);
    const score =
      0.55 * similarity + 0.25 * place + 0.1 * (r.categoryCode === e.categoryCode ? 1 : 0) + 0.1 * (1 - age);
    if (similarity < 0.2 || score < 0.4) continue;
    out.push({
      id: r.id,
      no: eventNo(r, tz),
      title: r.title,
      state: r.state,
      categoryCode: r.categoryCode,
      createdAt: r.createdAt.toISOString(),
      distanceM: d === null ? null : Math.round(d),
      similarity: Math.round(similarity * 100) / 100,
      score: Math.round(score * 100) / 100,
    });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Likely duplicates of an event the actor may see (GET /api/events/{id}/duplicates). */
export async function duplicatesOf(ctx: Ctx, id: string): Promise<DuplicateView[]> {
  const b = await visibleEvent(ctx, id);
  return findDuplicates(ctx, b.event, 10);
}
