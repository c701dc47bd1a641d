import type { Ctx } from "../../core/context";
import { localDate } from "../../core/time";
import { addDays } from "../../core/working-days";

export { addDays };

/** Today's calendar date where the centre is (YYYY-MM-DD), from the context's clock. */
export function todayOf(ctx: Ctx): string {
  return localDate(ctx.clock.now(), ctx.services.config.timeZone);
}

/** The local calendar date of an instant. */
export function dateOf(ctx: Ctx, at: Date): string {
  return localDate(at, ctx.services.config.timeZone);
}

/** An instant as ISO text for a response, or null. */
export const iso = (at: Date | null | undefined): string | null => (at ? at.toISOString() : null);
