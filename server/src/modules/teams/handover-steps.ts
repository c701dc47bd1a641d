import type { AreaRef } from "../../core/actor";
import type { Ctx } from "../../core/context";

/** Who hands over what: the areas are the departing user's scopes or team grids being handed over. */
export interface Handover {
  from: { id: string; username: string };
  to: { id: string; username: string; displayName: string };
  areas: AreaRef[];
  /** true when everything the user holds goes (no gridCodes were given) */
  everything: boolean;
}

/**
 * One kind of item that moves when someone leaves or changes grid. `run` moves the items in the
 * caller's transaction and returns a list of what moved (kept in the hand-over's audit record under
 * the step's name; list ids and codes, never personal data).
 */
export interface HandoverStep {
  name: string;
  run(ctx: Ctx, handover: Handover): Promise<unknown[]>;
}

const steps: HandoverStep[] = [];

/**
 * Adds a step to every hand-over (the extension point for modules with open items: events,
 * inspections, disputes…). Call it at the top level of a file the module's routes import, e.g.
 * `events/events.handover.ts`; steps run in the order they were registered, after this module's own.
 */
export function registerHandoverStep(step: HandoverStep): void {
  const same = steps.find((s) => s.name === step.name);
  if (same === step) return;
  if (same) throw new Error(`A hand-over step named ${step.name} is already registered`);
  steps.push(step);
}

/** The registered steps, in order. */
export const handoverSteps = (): readonly HandoverStep[] => steps;

/** True when the path lies in the subtree of one of the handed-over areas (or everything goes). */
export const handedOver = (h: Handover, path: string) =>
  h.everything || h.areas.some((a) => path.startsWith(a.path));
