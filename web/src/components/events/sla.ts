import type { SlaColour } from "../../api/event-types";

const MINUTE = 60_000;

/** The parts of a duration for display: whole days, hours and minutes. */
export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Splits a non-negative duration into days, hours and minutes (rounded down to the minute). */
export function durationParts(ms: number): DurationParts {
  const m = Math.floor(Math.max(0, ms) / MINUTE);
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

/** Where an event stands against its deadline: time left (or overdue by) in ms, or null without a deadline. */
export interface TimeLeft {
  overdue: boolean;
  /** Always ≥ 0: the time left, or how long past the deadline. */
  ms: number;
}

/** Time left to `deadline` at `now`; past the deadline (strictly after it) the event is overdue. */
export function timeLeft(deadline: string | null | undefined, now: Date): TimeLeft | null {
  if (!deadline) return null;
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return null;
  const diff = at - now.getTime();
  return diff >= 0 ? { overdue: false, ms: diff } : { overdue: true, ms: -diff };
}

/** Units the duration text is written in, by language. */
export interface DurationWords {
  day: string;
  hour: string;
  minute: string;
  /** Joins the number and the unit: "2 小时" / "2 h". */
  join: (n: number, unit: string) => string;
  separator: string;
}

/**
 * A compact duration: the two largest non-zero units ("2 天 3 小时", "5 小时 20 分钟", "12 分钟");
 * under a minute reads as "0 分钟" (never empty).
 */
export function formatDuration(ms: number, words: DurationWords): string {
  const { days, hours, minutes } = durationParts(ms);
  const parts: string[] = [];
  if (days > 0) parts.push(words.join(days, words.day));
  if (hours > 0) parts.push(words.join(hours, words.hour));
  if (days === 0 && (minutes > 0 || parts.length === 0)) parts.push(words.join(minutes, words.minute));
  return parts.slice(0, 2).join(words.separator);
}

/**
 * The colour an event shows now: computed from its warning instant and deadline when it has them
 * (green before the warning, yellow up to the deadline, red after), so a board left open turns
 * yellow and red without a reload; otherwise the server's colour. A paused clock keeps the server's.
 */
export function liveColour(
  e: {
    colour?: SlaColour | string | null;
    deadline?: string | null;
    warnAt?: string | null;
    paused?: boolean;
    closedAt?: string | null;
  },
  now: Date,
): SlaColour {
  const server: SlaColour = e.colour === "red" || e.colour === "yellow" ? e.colour : "green";
  if (e.paused || e.closedAt || !e.deadline) return server;
  const deadline = new Date(e.deadline).getTime();
  if (Number.isNaN(deadline)) return server;
  const t = now.getTime();
  if (t > deadline) return "red";
  const warn = e.warnAt ? new Date(e.warnAt).getTime() : Number.NaN;
  if (!Number.isNaN(warn) && t >= warn) return "yellow";
  // the server may already know better (a supervisor's red card); never show less than it says
  return server === "red" || server === "yellow" ? server : "green";
}

/** Hex colours of the SLA lights, matching antd's success / warning / error. */
export const COLOUR_HEX: Record<SlaColour, string> = {
  green: "#52c41a",
  yellow: "#faad14",
  red: "#ff4d4f",
};

/** Sort order: red first, then yellow, then green. */
export const COLOUR_RANK: Record<SlaColour, number> = { red: 0, yellow: 1, green: 2 };

/** A new idempotency key for one press of an action button (kept across a retry of that press). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
