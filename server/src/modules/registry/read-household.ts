import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../core/actor";
import { authorize, can, likePrefix, scopeCondition, type Action } from "../../core/authorize";
import type { Ctx } from "../../core/context";
import { notFound } from "../../core/errors";
import { households } from "../../db/schema";
import * as areasRepo from "../areas/areas.repo";
import { codeLabel } from "./codes/tables";
import { todayOf } from "./dates";
import { listChanges } from "./history";
import { yearsBefore } from "./list-persons";
import * as repo from "./households.repo";
import * as personsRepo from "./persons.repo";
import { presentPerson, type PersonView } from "./present-person";
import { presentChanges, type ChangeView } from "./read-person";
import { HOUSEHOLD } from "./registry.errors";

/** The household for an action: missing or out of scope → 404, in scope but not allowed → 403. */
export async function householdFor(
  ctx: Ctx,
  id: string,
  action: Action = "registry.read",
  lock = false,
): Promise<repo.HouseholdWithArea> {
  const row = await repo.find(ctx.tx, id, lock);
  if (!row) throw notFound(HOUSEHOLD);
  authorize(ctx.actor, action, { areaPath: row.areaPath ?? "" }, HOUSEHOLD);
  return row;
}

export interface HouseholdSummary {
  id: string;
  code: string | null;
  address: string | null;
  houseId: string | null;
  note: string | null;
  head: { id: string; name: string } | null;
  memberCount: number;
  /** What the current members have in common: floating residents, someone living alone, minors, elderly (60+). */
  flags: { floating: boolean; livesAlone: boolean; minors: boolean; elderly: boolean };
  area: { id: string; code: string | null; name: string | null } | null;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  can: { edit: boolean };
}

export interface MemberView {
  personId: string;
  relation: string;
  relationLabel: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  person: PersonView | null;
}

export type HouseholdView = HouseholdSummary & { members: MemberView[]; formerMembers: MemberView[] };

/** A household as lists show it; `today` (YYYY-MM-DD) dates the minors and elderly flags. */
export function presentHousehold(row: repo.HouseholdWithArea, actor: Actor, today: string): HouseholdSummary {
  const t = row.traits;
  return {
    id: row.id,
    code: row.code,
    address: row.address,
    houseId: row.houseId,
    note: row.note,
    head: row.headPersonId ? { id: row.headPersonId, name: row.headName ?? "" } : null,
    memberCount: Number(row.memberCount),
    flags: {
      floating: Boolean(t?.floating),
      livesAlone: Boolean(t?.livesAlone),
      minors: Boolean(t?.youngestBirth && t.youngestBirth > yearsBefore(today, 18)),
      elderly: Boolean(t?.oldestBirth && t.oldestBirth <= yearsBefore(today, 60)),
    },
    area: row.areaId ? { id: row.areaId, code: row.areaCode, name: row.areaName } : null,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: row.status === "active" && can(actor, "registry.edit", { areaPath: row.areaPath ?? "" }) },
  };
}

/**
 * A household with its members (current and former), each person masked; a member registered
 * outside the actor's scope shows only the relation, not the person.
 */
export async function householdView(ctx: Ctx, row: repo.HouseholdWithArea): Promise<HouseholdView> {
  const today = todayOf(ctx);
  const memberships = await repo.members(ctx.tx, row.id);
  const people = new Map(
    (
      await personsRepo.findMany(
        ctx.tx,
        memberships.map((m) => m.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const view = (m: repo.MemberRow): MemberView => {
    const p = people.get(m.personId);
    const visible = p && can(ctx.actor, "registry.read", { areaPath: p.areaPath ?? "" });
    return {
      personId: m.personId,
      relation: m.relation,
      relationLabel: codeLabel("household-relation", m.relation, "zh") ?? null,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
      person: visible ? presentPerson(p, ctx.actor, today) : null,
    };
  };
  return {
    ...presentHousehold(row, ctx.actor, today),
    members: memberships.filter((m) => !m.leftOn).map(view),
    formerMembers: memberships.filter((m) => m.leftOn).map(view),
  };
}

/** One household with its members, for staff in scope. */
export async function readHousehold(ctx: Ctx, id: string): Promise<HouseholdView> {
  return householdView(ctx, await householdFor(ctx, id));
}

export interface HouseholdFilters {
  q?: string;
  areaCode?: string;
  houseId?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

const COUNT_CAP = 10_000;

/** Households in the actor's scope (filtered in SQL): by code or address prefix, area subtree, house, status. */
export async function listHouseholds(ctx: Ctx, f: HouseholdFilters) {
  authorize(ctx.actor, "registry.read");
  const conds: (SQL | undefined)[] = [scopeCondition(ctx.actor, households.areaPath)];
  conds.push(eq(households.status, f.status ?? "active"));
  if (f.houseId) conds.push(eq(households.houseId, f.houseId));
  if (f.areaCode) {
    const area = await areasRepo.findByCode(ctx.tx, f.areaCode);
    conds.push(area ? sql`${households.areaPath} like ${likePrefix(area.path)}` : sql`false`);
  }
  const q = f.q?.trim();
  if (q) conds.push(sql`(${households.code} = ${q} or ${households.address} like ${likePrefix(q)})`);
  const where = and(...conds)!;
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const pageNo = Math.max(f.page ?? 1, 1);
  const [rows, n] = [
    await repo.page(ctx.tx, where, pageSize, (pageNo - 1) * pageSize),
    await repo.countUpTo(ctx.tx, where, COUNT_CAP),
  ];
  return {
    items: rows.map((r) => presentHousehold(r, ctx.actor, todayOf(ctx))),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    page: pageNo,
    pageSize,
  };
}

/** A household's history. */
export async function householdHistory(ctx: Ctx, id: string): Promise<{ items: ChangeView[] }> {
  await householdFor(ctx, id);
  return { items: presentChanges(await listChanges(ctx, "household", id)) };
}
