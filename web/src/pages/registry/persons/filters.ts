/** The filters of the persons list, as the URL keeps them. */
export interface PersonFilters {
  q?: string;
  areaCode?: string;
  residentType?: string;
  status?: string;
  livesAlone?: boolean;
  age?: AgeBand;
}

export type AgeBand = "minor" | "working" | "elderly" | "oldest";

/** Age bands the centre filters by: minors, working age (18–59), 60 and over, 80 and over. */
export const AGE_BANDS: Record<AgeBand, { ageMin?: number; ageMax?: number }> = {
  minor: { ageMax: 17 },
  working: { ageMin: 18, ageMax: 59 },
  elderly: { ageMin: 60 },
  oldest: { ageMin: 80 },
};

/** Reads the filters from the page's URL; unknown values are dropped. */
export function readFilters(params: URLSearchParams): PersonFilters {
  const age = params.get("age");
  const livesAlone = params.get("livesAlone");
  return {
    q: params.get("q") || undefined,
    areaCode: params.get("area") || undefined,
    residentType: params.get("residentType") || undefined,
    status: params.get("status") || undefined,
    livesAlone: livesAlone === "true" ? true : livesAlone === "false" ? false : undefined,
    age: age && age in AGE_BANDS ? (age as AgeBand) : undefined,
  };
}

/** Writes the filters (and page) into URL search params, leaving out empty ones. */
export function writeFilters(f: PersonFilters, page = 1): URLSearchParams {
  const out = new URLSearchParams();
  if (f.q) out.set("q", f.q);
  if (f.areaCode) out.set("area", f.areaCode);
  if (f.residentType) out.set("residentType", f.residentType);
  if (f.status) out.set("status", f.status);
  if (f.livesAlone !== undefined) out.set("livesAlone", String(f.livesAlone));
  if (f.age) out.set("age", f.age);
  if (page > 1) out.set("page", String(page));
  return out;
}

/** The query of `GET /api/persons` (and of the export) for the filters. */
export function personQuery(f: PersonFilters): Record<string, string | number | boolean | undefined> {
  return {
    q: f.q,
    areaCode: f.areaCode,
    residentType: f.residentType,
    status: f.status,
    livesAlone: f.livesAlone,
    ...(f.age ? AGE_BANDS[f.age] : {}),
  };
}
