import type { Budget, Category, RouteUnit } from "./config-types";

/** Words for a budget's unit and the numbers around it, in the UI language. */
export interface BudgetWords {
  unit: (u: Budget["unit"]) => string;
}

/** "5 工作日" / "0.5 自然小时" / "—". */
export function budgetText(b: Budget | undefined, words: BudgetWords): string {
  if (!b) return "—";
  const amount = Number.isInteger(b.amount) ? String(b.amount) : String(Math.round(b.amount * 100) / 100);
  return `${amount} ${words.unit(b.unit)}`;
}

/** A routing unit as text: the department's code, a kind of department, a team role, or the police district. */
export function unitText(
  u: RouteUnit,
  names: {
    kind: (k: string) => string;
    teamRole: (r: string) => string;
    police: string;
    department: (code: string) => string;
  },
): string {
  if ("department" in u) return names.department(u.department);
  if ("departmentKind" in u) return names.kind(u.departmentKind);
  if ("teamRole" in u) return names.teamRole(u.teamRole);
  return names.police;
}

/** The categories as a two-level tree for a table: groups with their leaves, in code order. */
export function categoryRows(
  categories: readonly Category[],
): (Category & { key: string; children?: (Category & { key: string })[] })[] {
  const tops = categories.filter((c) => c.parent === null).sort((a, b) => a.code.localeCompare(b.code));
  return tops.map((top) => {
    const leaves = categories
      .filter((c) => c.parent === top.code)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => ({ ...c, key: c.code }));
    return { ...top, key: top.code, children: leaves.length ? leaves : undefined };
  });
}

/** The next free leaf code under a group: the group's code and two digits ("09" → "0906"). */
export function nextLeafCode(categories: readonly Category[], parent: string): string {
  const used = new Set(categories.map((c) => c.code));
  for (let n = 1; n < 100; n++) {
    const code = `${parent}${String(n).padStart(2, "0")}`;
    if (!used.has(code)) return code;
  }
  return `${parent}99`;
}

/** Replaces one category (by code) in the list, keeping the order. */
export function updateCategory(
  categories: readonly Category[],
  code: string,
  patch: Partial<Category>,
): Category[] {
  return categories.map((c) => (c.code === code ? { ...c, ...patch } : c));
}

/** ISO dates sorted and without repeats. */
export function sortedDays(days: readonly string[]): string[] {
  return [...new Set(days)].sort();
}
