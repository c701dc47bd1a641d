/** The public stages a reporter sees: received, in progress, being checked, closed, rated. */
export const PUBLIC_STAGES = ["received", "inProgress", "checking", "closed", "rated"] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

const STAGE_OF: Record<string, number> = {
  reported: 0,
  accepted: 0,
  returned: 1,
  dispatched: 1,
  handling: 1,
  handled: 1,
  suspended: 1,
  feedback: 2,
  verified: 2,
  closed: 3,
  evaluated: 4,
};

/** The index of the public stage an event's state is in; -1 for states that end it otherwise (merged, cancelled, invalid). */
export function publicStageIndex(state: string): number {
  return STAGE_OF[state] ?? -1;
}

/** Normalises a typed tracking code: spaces and dashes dropped, upper case. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]+/g, "").toUpperCase();
}
