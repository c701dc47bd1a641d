import type { Area } from "../../api/types";

/** One step of the drill-down breadcrumb; `name` is undefined until it is known. */
export interface Crumb {
  code: string;
  name: string | undefined;
}

/** The area codes of a materialised path (`/330212/330212009/` → `["330212", "330212009"]`). */
export function pathCodes(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/**
 * The breadcrumb from the user's highest scope area that contains `path` down to the area
 * itself; areas above the scope are not readable, so they are left out. With no scopes
 * (a user who sees every area) it starts at the top of the path; when no scope contains the
 * path, only the area itself is shown.
 */
export function buildCrumbs(
  path: string,
  scopes: readonly Pick<Area, "code">[],
  names: Readonly<Record<string, string>>,
): Crumb[] {
  const codes = pathCodes(path);
  let start = 0;
  if (scopes.length > 0) {
    const indexes = scopes.map((s) => codes.indexOf(s.code)).filter((i) => i >= 0);
    start = indexes.length > 0 ? Math.min(...indexes) : codes.length - 1;
  }
  return codes.slice(Math.max(start, 0)).map((code) => ({ code, name: names[code] }));
}
