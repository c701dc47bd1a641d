import type { Bilingual, CategoryRef, EventCategory, EventPart } from "../../api/event-types";
import { isMessageKey, type Lang, type TFunction } from "../../i18n/translate";

/** A label from `events.<group>.<code>` when the dictionary has it, else the code as it is. */
function coded(t: TFunction, group: string, code: string | null | undefined): string {
  if (!code) return t("common.none");
  const key = `events.${group}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** 待受理, 处置中, …: the name of an event state. */
export const stateLabel = (t: TFunction, state: string | null | undefined) => coded(t, "state", state);

/** The name of an action (受理, 分派, …). */
export const actionLabel = (t: TFunction, action: string) => coded(t, "action", action);

/** The name of a source channel (一窗受理, 110 非警务警情, …). */
export const sourceLabel = (t: TFunction, source: string) => coded(t, "source", source);

/** 一般 / 紧急 / 特急. */
export const urgencyLabel = (t: TFunction, urgency: string) => coded(t, "urgency", urgency);

/** 正常 / 预警 / 超期. */
export const colourLabel = (t: TFunction, colour: string) => coded(t, "colour", colour);

/** The state of one unit's part (待签收, 处置中, 已退回, 已完成). */
export const partStateLabel = (t: TFunction, state: string) => coded(t, "partState", state);

/** An SLA stage (受理, 分派, 处置, 核查). */
export const stageLabel = (t: TFunction, stage: string | null | undefined) => coded(t, "stage", stage);

/** 满意 / 基本满意 / 不满意. */
export const satisfactionLabel = (t: TFunction, s: string | null | undefined) => coded(t, "satisfaction", s);

/** The handling level (网格, 社区, 街道, 区). */
export const handlingLevelLabel = (t: TFunction, level: string | null | undefined) =>
  coded(t, "level", level);

/** A configured name in the UI language. */
export function pickName(name: Bilingual | null | undefined, lang: Lang): string {
  if (!name) return "";
  return lang === "en-US" ? name.en || name.zh : name.zh || name.en;
}

/** A category's name in the UI language. */
export function categoryName(c: Pick<EventCategory, "name">, lang: Lang): string {
  return pickName(c.name, lang);
}

/** "大类 / 小类" of an event's category. */
export function categoryRefLabel(
  c: (Pick<CategoryRef, "code" | "name"> & { parent?: CategoryRef["parent"] }) | null | undefined,
  lang: Lang,
): string {
  if (!c) return "";
  const leaf = pickName(c.name, lang) || c.code;
  return c.parent ? `${pickName(c.parent.name, lang)} / ${leaf}` : leaf;
}

/** Category labels by code, "parent / child" for leaves. */
export function categoryLabels(tree: readonly EventCategory[], lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const top of tree) {
    const topName = categoryName(top, lang);
    out.set(top.code, topName);
    for (const leaf of top.children ?? []) out.set(leaf.code, `${topName} / ${categoryName(leaf, lang)}`);
  }
  return out;
}

/** The parent code of a leaf category, for a cascader's value. */
export function categoryPath(tree: readonly EventCategory[], code: string): string[] | undefined {
  for (const top of tree) {
    if (top.code === code) return [code];
    if ((top.children ?? []).some((c) => c.code === code)) return [top.code, code];
  }
  return undefined;
}

/** The kind of a department (消防, 公安, 城管…). */
export const deptKindLabel = (t: TFunction, kind: string) => coded(t, "deptKind", kind);

/** The name a part is shown by: its department, or the person it was given to. */
export function partUnitName(p: Pick<EventPart, "department" | "assignee">): string {
  return p.department?.name || p.assignee?.name || p.department?.code || "—";
}
