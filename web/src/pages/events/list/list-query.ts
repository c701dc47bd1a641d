import type { EventQuery } from "../../../components/events/event-api";

/** The filter form of the events list. */
export interface ListFilters {
  q?: string;
  state?: string[];
  category?: string[] | string;
  areaCode?: string;
  colour?: string;
  source?: string;
  urgency?: string;
  overdue?: boolean;
  mine?: boolean;
}

const TEXT_KEYS = ["q", "state", "category", "areaCode", "colour", "source", "urgency"] as const;

/** The API query from the page's URL parameters (the URL is the state: links and reloads keep the filters). */
export function queryFromParams(params: URLSearchParams): EventQuery {
  const q: EventQuery = { sort: params.get("sort") ?? "deadline" };
  for (const k of TEXT_KEYS) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  if (params.get("overdue") === "true") q.overdue = true;
  if (params.get("mine") === "true") q.mine = true;
  const page = Number(params.get("page"));
  const size = Number(params.get("pageSize"));
  q.page = Number.isInteger(page) && page > 0 ? page : 1;
  q.pageSize = [20, 50, 100].includes(size) ? size : 20;
  return q;
}

/** URL parameters from the filter form (page back to 1); empty values are left out. */
export function paramsFromFilters(f: ListFilters): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | undefined) => {
    if (v && v.trim()) p.set(k, v.trim());
  };
  set("q", f.q);
  set("state", f.state?.join(","));
  set("category", Array.isArray(f.category) ? f.category[f.category.length - 1] : f.category);
  set("areaCode", f.areaCode);
  set("colour", f.colour);
  set("source", f.source);
  set("urgency", f.urgency);
  if (f.overdue) p.set("overdue", "true");
  if (f.mine) p.set("mine", "true");
  return p;
}
