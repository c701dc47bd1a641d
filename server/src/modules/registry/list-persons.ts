import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { authorize, likePrefix, scopeCondition } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { normalizeChinesePhone } from "../../core/privacy";
import { persons } from "../../db/schema";
import * as areasRepo from "../areas/areas.repo";
import { normalizeDocumentNumber, validateDocument } from "./codes/id-documents";
import { todayOf } from "./dates";
import * as repo from "./persons.repo";
import { presentPerson, type PersonView } from "./present-person";
import { idIndexOf, openValue, phoneIndexOf } from "./sensitive";

export interface PersonFilters {
  /** Name (prefix), pinyin or initials (prefix), ID tail (4–6), phone tail (4), full ID or phone, address (prefix). */
  q?: string;
  /** An area code: the area and everything under it. */
  areaCode?: string;
  residentType?: string;
  /** active (default), deregistered or purged. */
  status?: string;
  livesAlone?: boolean;
  householdId?: string;
  houseId?: string;
  ageMin?: number;
  ageMax?: number;
  page?: number;
  pageSize?: number;
}

/** How `q` was read; the list answers it so the console can say "searching by ID tail". */
export type SearchMode = "none" | "id" | "phone" | "tail" | "pinyin" | "name" | "address";

export interface PersonList {
  items: PersonView[];
  total: number;
  /** True when more than 10,000 match: `total` then says 10,000. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  mode: SearchMode;
}

const COUNT_CAP = 10_000;
/** 5–6 character ID tails are finished in memory over the rows sharing the last four characters. */
const TAIL_CANDIDATES = 5_000;
/** Characters that make a Chinese query an address rather than a name. */
const ADDRESS_HINT = /[\d路街巷弄号幢栋室村镇]|小区|社区|大厦|公寓|单元|花园/;

/** One part of a search: a condition and the index order it is read in. */
interface Part {
  cond?: SQL;
  order?: repo.PersonOrder;
}

interface Plan {
  mode: SearchMode;
  /** Read one after the other: e.g. full-pinyin matches first, then initials-only matches. */
  parts: Part[];
  /** For 5–6 character ID tails: the suffix every clear ID must end with. */
  idSuffix?: string;
}

/**
 * Reads the search text: a full ID (blind index), a full phone (blind index), an ID or phone tail
 * (indexed tails), letters (pinyin prefix, then initials prefix), Chinese with address words
 * (address prefix, also of the person's house), other Chinese (name prefix). Every part uses an
 * index and is read in that index's order, so a broad prefix over a million persons stays fast.
 */
export async function planSearch(ctx: Ctx, raw: string, today: string): Promise<Plan> {
  const q = raw.trim();
  if (!q) return { mode: "none", parts: [{ order: "pinyin" }] };
  const doc = normalizeDocumentNumber(q);
  if (/^\d{17}[\dX]$/.test(doc) || /^\d{15}$/.test(doc)) {
    const parsed = validateDocument("resident_id", doc, today);
    const n = parsed.ok ? parsed.normalized : doc;
    return { mode: "id", parts: [{ cond: eq(persons.idIndex, idIndexOf(ctx.keyring, n)) }] };
  }
  const phone = normalizeChinesePhone(q);
  if (phone && phone.replace(/\D/g, "").length >= 10)
    return { mode: "phone", parts: [{ cond: eq(persons.phoneIndex, phoneIndexOf(ctx.keyring, phone)!) }] };
  if (/^\d{3}[\dX]$/.test(doc)) {
    const cond = /X$/.test(doc)
      ? eq(persons.idTail, doc)
      : sql`(${persons.idTail} = ${doc} or ${persons.phoneTail} = ${doc})`;
    // ordered by the tail, not by pinyin: walking the pinyin index for ~100 matches in a million is slow
    return { mode: "tail", parts: [{ cond, order: "tail" }] };
  }
  if (/^\d{4,5}[\dX]$/.test(doc))
    return {
      mode: "tail",
      parts: [{ cond: eq(persons.idTail, doc.slice(-4)), order: "tail" }],
      idSuffix: doc,
    };
  if (/^[A-Z0-9]{5,17}$/.test(doc) && /\d/.test(doc) && /[A-Z]/.test(doc))
    return { mode: "id", parts: [{ cond: eq(persons.idIndex, idIndexOf(ctx.keyring, doc)) }] };
  if (/^[A-Za-z][A-Za-z\s'·.-]*$/.test(q)) {
    const like = likePrefix(q.toLowerCase().replace(/[^a-z]/g, ""));
    const full = sql`${persons.namePinyin} like ${like}`;
    return {
      mode: "pinyin",
      parts: [
        { cond: full, order: "pinyin" },
        {
          cond: sql`${persons.nameInitials} like ${like} and not coalesce(${full}, false)`,
          order: "initials",
        },
      ],
    };
  }
  if (ADDRESS_HINT.test(q) || q.length > 6) {
    const like = likePrefix(q);
    const houseIds = await repo.houseIdsByAddress(ctx.tx, q, 2_000);
    const typed = sql`${persons.currentAddress} like ${like}`;
    return {
      mode: "address",
      parts: houseIds.length
        ? [{ cond: or(typed, inArray(persons.houseId, houseIds))!, order: "address" }]
        : [{ cond: typed, order: "address" }],
    };
  }
  return { mode: "name", parts: [{ cond: sql`${persons.name} like ${likePrefix(q)}`, order: "name" }] };
}

/**
 * Persons in the actor's scope (filtered in SQL, by area path prefix), matching the search text and
 * filters, a page at a time, masked; the total is counted up to 10,000.
 */
export async function listPersons(ctx: Ctx, f: PersonFilters): Promise<PersonList> {
  authorize(ctx.actor, "registry.read");
  const today = todayOf(ctx);
  const pageSize = Math.min(Math.max(Math.trunc(f.pageSize ?? 20), 1), 200);
  const pageNo = Math.max(Math.trunc(f.page ?? 1), 1);
  const conds: (SQL | undefined)[] = [scopeCondition(ctx.actor, persons.areaPath)];
  conds.push(f.status === "all" ? ne(persons.status, "purged") : eq(persons.status, f.status ?? "active"));
  if (f.residentType) conds.push(eq(persons.residentType, f.residentType));
  if (f.livesAlone !== undefined) conds.push(eq(persons.livesAlone, f.livesAlone));
  if (f.householdId) conds.push(eq(persons.householdId, f.householdId));
  if (f.houseId) conds.push(eq(persons.houseId, f.houseId));
  if (f.areaCode) {
    const area = await areasRepo.findByCode(ctx.tx, f.areaCode);
    conds.push(area ? sql`${persons.areaPath} like ${likePrefix(area.path)}` : sql`false`);
  }
  // age n on today ⇔ born in (today − (n+1) years, today − n years]
  if (f.ageMin !== undefined) conds.push(sql`${persons.birthDate} <= ${yearsBefore(today, f.ageMin)}`);
  if (f.ageMax !== undefined) conds.push(sql`${persons.birthDate} > ${yearsBefore(today, f.ageMax + 1)}`);
  const plan = await planSearch(ctx, f.q ?? "", today);
  const whereOf = (part: Part) => and(...conds, part.cond)!;
  const present = (rows: repo.PersonWithArea[]) => rows.map((r) => presentPerson(r, ctx.actor, today));
  const result = (items: PersonView[], n: number): PersonList => ({
    items,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    page: pageNo,
    pageSize,
    mode: plan.mode,
  });

  if (plan.idSuffix) {
    // the masked ID keeps only four characters: finish the match on the clear values, in memory
    const suffix = plan.idSuffix;
    const rows = (await repo.page(ctx.tx, whereOf(plan.parts[0]!), TAIL_CANDIDATES, 0)).filter((r) =>
      openValue(ctx.keyring, r.idEnc)?.endsWith(suffix),
    );
    return result(present(rows.slice((pageNo - 1) * pageSize, pageNo * pageSize)), rows.length);
  }

  // parts are read one after the other: skip `offset` rows across them, then fill the page
  const rows: repo.PersonWithArea[] = [];
  let offset = (pageNo - 1) * pageSize;
  const counts: (number | undefined)[] = [];
  for (const part of plan.parts) {
    const want = pageSize - rows.length;
    if (want === 0) {
      counts.push(undefined);
      continue;
    }
    const got = await repo.page(ctx.tx, whereOf(part), want, offset, part.order);
    rows.push(...got);
    if (got.length > 0 && got.length < want) counts.push(offset + got.length);
    else if (got.length === 0 && offset > 0) counts.push(await repo.countUpTo(ctx.tx, whereOf(part), offset));
    else counts.push(got.length === 0 ? 0 : undefined);
    offset = Math.max(0, offset - (counts.at(-1) ?? offset));
  }
  // the total: known from the page itself when it is not full, else counted per part up to the cap
  let n = 0;
  for (const [i, part] of plan.parts.entries())
    n += counts[i] ?? (await repo.countUpTo(ctx.tx, whereOf(part), COUNT_CAP));
  return result(present(rows), n);
}

/** The date `years` whole years before `today` (29 February → 28 February in common years). */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
