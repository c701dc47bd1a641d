import type { EventAction, EventCan } from "../../api/event-types";

/** A field of an action's small form. */
export type ActionField =
  | "note"
  | "reason"
  | "result"
  | "photos"
  | "ok"
  | "satisfaction"
  | "comment"
  | "days"
  | "units"
  | "intoId"
  | "level";

export interface ActionForm {
  /** Fields in display order; those in `required` must be filled. */
  fields: readonly ActionField[];
  required: readonly ActionField[];
  /** Shown in red (returns, cancels). */
  danger?: boolean;
  /** Acts on one unit's part (the body carries `partId`). */
  part?: boolean;
}

/** The small form behind each action button. */
export const ACTION_FORMS: Record<EventAction, ActionForm> = {
  accept: { fields: ["note"], required: [] },
  dispatch: { fields: ["units", "note"], required: [] },
  accept_part: { fields: ["note"], required: [], part: true },
  reject_part: { fields: ["reason"], required: ["reason"], part: true, danger: true },
  finish_part: { fields: ["result", "photos"], required: ["result"], part: true },
  handle_in_grid: { fields: ["result", "photos"], required: ["result"] },
  feedback: { fields: ["result", "photos"], required: ["result"] },
  verify: { fields: ["ok", "note", "photos"], required: ["ok"] },
  close: { fields: ["note"], required: [] },
  evaluate: { fields: ["satisfaction", "comment"], required: ["satisfaction"] },
  return: { fields: ["reason"], required: ["reason"], danger: true },
  request_extension: { fields: ["days", "reason"], required: ["days", "reason"] },
  approve_extension: { fields: ["note"], required: [] },
  reject_extension: { fields: ["reason"], required: ["reason"], danger: true },
  suspend: { fields: ["reason"], required: ["reason"] },
  resume: { fields: ["note"], required: [] },
  escalate: { fields: ["level", "reason"], required: ["reason"] },
  merge: { fields: ["intoId", "note"], required: ["intoId"] },
  cancel: { fields: ["reason"], required: ["reason"], danger: true },
  mark_invalid: { fields: ["reason"], required: ["reason"], danger: true },
  comment: { fields: ["note"], required: ["note"] },
};

/**
 * The order buttons appear in: the next step of the loop first, then the side paths, then the
 * ones that end a matter. Part actions are on each part's row, not in the bar.
 */
export const BAR_ORDER: readonly EventAction[] = [
  "accept",
  "dispatch",
  "handle_in_grid",
  "feedback",
  "verify",
  "close",
  "evaluate",
  "approve_extension",
  "reject_extension",
  "request_extension",
  "escalate",
  "return",
  "suspend",
  "resume",
  "comment",
  "merge",
  "mark_invalid",
  "cancel",
];

/** The main-bar actions the user may take now, in display order. */
export function barActions(can: EventCan | undefined): EventAction[] {
  if (!can) return [];
  return BAR_ORDER.filter((a) => can[a] === true);
}

/** The actions the user may take on one part (accept, finish, reject), from the part's own `can`. */
export function partActions(part: {
  can?: { accept: boolean; reject: boolean; finish: boolean };
}): EventAction[] {
  const out: EventAction[] = [];
  if (part.can?.accept) out.push("accept_part");
  if (part.can?.finish) out.push("finish_part");
  if (part.can?.reject) out.push("reject_part");
  return out;
}

/**
 * The request body of an action from its form values: empty strings left out, text trimmed, and
 * the one free text in the field the action names it (a reason, a result or a note).
 */
export function actionBody(
  action: EventAction,
  values: Partial<Record<ActionField, unknown>>,
  partId?: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of ACTION_FORMS[action].fields) {
    let v = values[field];
    if (typeof v === "string") v = v.trim();
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v) && v.length === 0) continue;
    body[field] = v;
  }
  if (partId) body.partId = partId;
  return body;
}
