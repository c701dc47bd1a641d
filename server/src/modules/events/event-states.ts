import type { StateDef, StatesDoc, TransitionDef } from "./event-config-types";

const n = (zh: string, en: string) => ({ zh, en });
const RECEIVED = n("已受理", "Received");
const IN_PROGRESS = n("处理中", "In progress");
const CHECKING = n("核查中", "Being checked");
const DONE = n("已办结", "Closed");

/** The states of an event; an administrator may rename them or add more (stored in config_documents). */
const STATES: StateDef[] = [
  { code: "reported", name: n("待受理", "Reported"), publicName: RECEIVED, stage: "accept" },
  { code: "accepted", name: n("待分派", "Accepted"), publicName: RECEIVED, stage: "dispatch" },
  { code: "returned", name: n("已退回", "Returned"), publicName: IN_PROGRESS, stage: "dispatch" },
  { code: "dispatched", name: n("待签收", "Dispatched"), publicName: IN_PROGRESS, stage: "handle" },
  { code: "handling", name: n("处置中", "Handling"), publicName: IN_PROGRESS, stage: "handle" },
  { code: "handled", name: n("待反馈", "Handled"), publicName: IN_PROGRESS, stage: "handle" },
  { code: "feedback", name: n("待核查", "Feedback given"), publicName: CHECKING, stage: "verify" },
  { code: "verified", name: n("待结案", "Verified"), publicName: CHECKING, stage: "verify" },
  {
    code: "suspended",
    name: n("已挂起", "Suspended"),
    publicName: n("暂缓处理", "On hold"),
    stage: null,
    paused: true,
  },
  { code: "closed", name: n("已结案", "Closed"), publicName: DONE, stage: null, closes: true },
  {
    code: "evaluated",
    name: n("已评价", "Evaluated"),
    publicName: DONE,
    stage: null,
    closes: true,
    final: true,
  },
  {
    code: "merged",
    name: n("已合并", "Merged"),
    publicName: n("已并入其他事件", "Merged into another report"),
    stage: null,
    closes: true,
    final: true,
  },
  {
    code: "cancelled",
    name: n("已撤销", "Cancelled"),
    publicName: n("已撤销", "Cancelled"),
    stage: null,
    closes: true,
    final: true,
  },
  {
    code: "invalid",
    name: n("无效", "Invalid"),
    publicName: n("不予受理", "Not accepted"),
    stage: null,
    closes: true,
    final: true,
  },
];

const DESK = ["dispatcher", "leader", "admin"];
const STAFF = ["admin", "leader", "dispatcher", "grid_worker", "department_handler", "mediator", "police"];
const OPEN_WORK = ["dispatched", "handling", "handled"];
const BEFORE_DISPATCH = ["reported", "accepted", "returned"];

const t = (
  action: string,
  from: string[],
  to: string | null,
  roles: string[],
  requires: string[] = [],
  extra: Partial<TransitionDef> = {},
): TransitionDef => ({ action, from, to, roles, requires, ...extra });

/**
 * Who may take each step, from where, to where, what it needs and what it does to the clock
 * (受理 → 分派 → 处置 → 反馈 → 核查 → 结案 → 评价, with 退回, 延期, 挂起, 上报, 合并, 撤销, 无效).
 */
const TRANSITIONS: TransitionDef[] = [
  t("accept", ["reported"], "accepted", DESK),
  t("dispatch", ["accepted", "returned"], "dispatched", DESK),
  t("accept_part", ["dispatched", "handling"], null, ["part_unit", "dispatcher", "admin"], ["partId"], {
    outcomes: { started: { to: "handling" } },
  }),
  t(
    "reject_part",
    ["dispatched", "handling"],
    null,
    ["part_unit", "dispatcher", "admin"],
    ["partId", "reason"],
    {
      outcomes: { none_left: { to: "returned" } },
    },
  ),
  t(
    "finish_part",
    ["dispatched", "handling"],
    null,
    ["part_unit", "dispatcher", "admin"],
    ["partId", "result"],
    {
      outcomes: { started: { to: "handling" }, all_done: { to: "handled" } },
    },
  ),
  t("handle_in_grid", BEFORE_DISPATCH, "feedback", ["grid_worker", "admin"], ["result"]),
  t("feedback", ["handled"], "feedback", ["part_unit", "dispatcher", "grid_worker", "admin"], ["result"]),
  t("verify", ["feedback"], "verified", ["grid_worker", "dispatcher", "leader", "admin"], ["ok"], {
    outcomes: { failed: { to: "handling", clock: "redo" } },
  }),
  t("close", ["verified"], "closed", DESK),
  t("evaluate", ["closed"], "evaluated", ["reporter", "dispatcher", "admin"], ["satisfaction"], {
    // remove this outcome to send dissatisfied ratings to supervision instead of reopening
    outcomes: { dissatisfied: { to: "handling", clock: "redo" } },
  }),
  // only a unit holding a part sends it back or asks for more time (the desk may ask on its behalf)
  t("return", ["dispatched", "handling"], "returned", ["part_unit"], ["reason"]),
  t("request_extension", OPEN_WORK, null, ["part_unit", "dispatcher"], ["days", "reason"]),
  t("approve_extension", OPEN_WORK, null, DESK),
  t("reject_extension", OPEN_WORK, null, DESK, ["reason"]),
  t(
    "suspend",
    ["accepted", "returned", "dispatched", "handling", "handled", "feedback", "verified"],
    "suspended",
    DESK,
    ["reason"],
  ),
  t("resume", ["suspended"], "@previous", DESK),
  t(
    "escalate",
    [...BEFORE_DISPATCH, "dispatched", "handling"],
    "accepted",
    ["grid_worker", "part_unit", "dispatcher", "leader", "admin"],
    ["level"],
    { clock: "restart" },
  ),
  t("merge", [...BEFORE_DISPATCH, "dispatched", "handling"], "merged", DESK, ["intoId"]),
  t("cancel", BEFORE_DISPATCH, "cancelled", ["reporter", "dispatcher", "admin"], ["reason"]),
  t("mark_invalid", ["reported", "accepted"], "invalid", ["dispatcher", "admin"], ["reason"]),
  t("comment", ["*"], null, [...STAFF, "reporter", "part_unit"], ["note"]),
];

export const DEFAULT_STATES: StatesDoc = {
  initial: "reported",
  states: STATES,
  transitions: TRANSITIONS,
  maxReturns: 2,
};

/** The actions the code implements; a states document may leave some out (disabling them). */
export const KNOWN_ACTIONS = [
  "accept",
  "dispatch",
  "accept_part",
  "reject_part",
  "finish_part",
  "handle_in_grid",
  "feedback",
  "verify",
  "close",
  "evaluate",
  "return",
  "request_extension",
  "approve_extension",
  "reject_extension",
  "suspend",
  "resume",
  "escalate",
  "merge",
  "cancel",
  "mark_invalid",
  "comment",
] as const;
export type ActionName = (typeof KNOWN_ACTIONS)[number];

/** The named outcomes each action can produce (the states document maps them to states). */
export const ACTION_OUTCOMES: Partial<Record<ActionName, string[]>> = {
  accept_part: ["started"],
  reject_part: ["none_left"],
  finish_part: ["started", "all_done"],
  verify: ["failed"],
  evaluate: ["dissatisfied"],
};

/** Fields an action may name in `requires`. */
export const ACTION_FIELDS = [
  "partId",
  "reason",
  "result",
  "ok",
  "satisfaction",
  "days",
  "level",
  "intoId",
  "note",
  "units",
  "photos",
  "comment",
] as const;
