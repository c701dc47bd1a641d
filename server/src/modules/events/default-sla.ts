import type { Budget, SlaDoc } from "./event-config-types";

const wd = (amount: number): Budget => ({ amount, unit: "working_days" });
const wh = (amount: number): Budget => ({ amount, unit: "working_hours" });
const nh = (amount: number): Budget => ({ amount, unit: "natural_hours" });
const nd = (amount: number): Budget => ({ amount, unit: "natural_days" });

/**
 * Default time limits, from the practice in /shared/data/README.md: first contact (accept) within 1
 * working day; help requests and complaints handled in 5 working days, enquiries and suggestions in 1;
 * a second handling after a dissatisfied rating in 3; re-checks in 1–3; extensions of at most 20 days.
 * Stage budgets count from the start of their stage; `total` is the whole matter's deadline, counted
 * from receipt (Open311 expected_datetime). Urgent matters run in working hours, critical ones (fire,
 * gas) in natural hours around the clock.
 */
export const DEFAULT_SLA: SlaDoc = {
  yellowFraction: 0.8,
  maxExtensionDays: 20,
  maxExtensions: 2,
  default: {
    accept: wd(1),
    dispatch: wd(1),
    handle: wd(5),
    verify: wd(1),
    total: wd(7),
    redo: wd(3),
  },
  policies: [
    {
      id: "urgent",
      name: "紧急：工作时内",
      urgency: ["urgent"],
      budgets: { accept: wh(1), dispatch: wh(1), handle: wd(1), verify: wd(1), total: wd(2), redo: wd(1) },
    },
    {
      id: "critical",
      name: "特急：自然小时",
      urgency: ["critical"],
      yellowFraction: 0.5,
      budgets: {
        accept: nh(0.5),
        dispatch: nh(0.5),
        handle: nh(4),
        verify: nh(24),
        total: nh(24),
        redo: nh(4),
      },
    },
    {
      id: "fire-gas-critical",
      name: "消防燃气险情：15 分钟受理派遣，2 小时处置",
      category: "05",
      urgency: ["critical"],
      yellowFraction: 0.5,
      budgets: {
        accept: nh(0.25),
        dispatch: nh(0.25),
        handle: nh(2),
        verify: nh(24),
        total: nh(24),
        redo: nh(2),
      },
    },
    {
      id: "fire-critical",
      name: "消防险情",
      category: "09",
      urgency: ["critical"],
      yellowFraction: 0.5,
      budgets: {
        accept: nh(0.25),
        dispatch: nh(0.25),
        handle: nh(2),
        verify: nh(24),
        total: nh(24),
        redo: nh(2),
      },
    },
    {
      id: "gas-critical",
      name: "燃气险情",
      category: "10",
      urgency: ["critical"],
      yellowFraction: 0.5,
      budgets: {
        accept: nh(0.25),
        dispatch: nh(0.25),
        handle: nh(2),
        verify: nh(24),
        total: nh(24),
        redo: nh(2),
      },
    },
    {
      id: "hazards",
      name: "消防燃气隐患：3 个工作日整改",
      category: "09",
      budgets: { handle: wd(3), total: wd(5) },
    },
    { id: "gas-hazards", category: "10", budgets: { handle: wd(3), total: wd(5) } },
    {
      id: "enquiry",
      name: "咨询：1 个工作日答复",
      category: "1601",
      budgets: { handle: wd(1), total: wd(2) },
    },
    {
      id: "suggestion",
      name: "建议：1 个工作日答复",
      category: "1602",
      budgets: { handle: wd(1), total: wd(2) },
    },
    {
      id: "non-police",
      name: "110 非警务：当日回响",
      category: "15",
      budgets: { accept: wh(2), dispatch: wh(2), handle: wd(1), total: wd(2), redo: wd(1) },
    },
    {
      id: "disputes",
      name: "矛盾纠纷：复杂事项 15 个工作日",
      category: "07",
      budgets: { handle: wd(10), total: wd(15), redo: wd(5) },
    },
    {
      id: "petitions",
      name: "信访：60 日内办结",
      category: "13",
      budgets: { handle: nd(60), total: nd(60), redo: wd(15) },
    },
  ],
};
