import { can } from "../../core/authorize";
import { labelOf } from "./field-checks";
import { registerFileSection } from "./file-sections";
import { ratingHistory } from "./rate-building";
import * as repo from "./places.repo";

const BY = { house: "houseId", place: "placeId", building: "buildingId" } as const;

/**
 * Registers what the place side adds to files: a house's, place's or building's things (with their
 * next inspection), and a place's or building's rating history. Readers need registry.read.
 */
export function registerPlaceSections(): void {
  registerFileSection("things", ["house", "place", "building"], async (ctx, subject) => {
    if (!can(ctx.actor, "registry.read")) return null;
    const by = BY[subject.type as keyof typeof BY];
    const { items, total } = await repo.thingsAt(ctx.tx, by, subject.id);
    return {
      key: "things",
      title: { zh: "物品设施", en: "Things" },
      total,
      items: items.map((t) => ({
        id: t.id,
        title: [labelOf("thing-type", t.kind)?.zh ?? t.kind, t.label].filter(Boolean).join(" · "),
        at: t.nextInspectionOn,
        status: t.nextInspectionOn ? `next_inspection:${t.nextInspectionOn}` : undefined,
      })),
    };
  });

  registerFileSection("ratings", ["place", "building"], async (ctx, subject) => {
    if (!can(ctx.actor, "registry.read")) return null;
    const rows = await ratingHistory(ctx.tx, subject.type as "place" | "building", subject.id);
    return {
      key: "ratings",
      title:
        subject.type === "place"
          ? { zh: "颜色评定", en: "Colour ratings" }
          : { zh: "安全星级", en: "Safety stars" },
      total: rows.length,
      items: rows.slice(0, 20).map((r) => ({
        id: String(r.id),
        title:
          r.kind === "stars"
            ? `${r.value}★${r.reason ? ` · ${r.reason}` : ""}`
            : `${labelOf("colour-rating", r.value)?.zh ?? r.value}${r.reason ? ` · ${r.reason}` : ""}`,
        at: r.ratedAt,
        status: r.value,
      })),
    };
  });
}
