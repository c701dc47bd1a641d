import { registerFileSection } from "../registry/file-sections";
import * as repo from "./events.repo";

/**
 * The "events" section of a person's, household's, house's, place's or thing's file (全息档案): the
 * events linked to it that the reader may see, newest first.
 */
registerFileSection("events", ["person", "household", "house", "place", "thing"], async (ctx, subject) => {
  const { rows, total } = await repo.eventsLinkedTo(ctx.tx, ctx.actor, subject.type, subject.id, 10);
  if (total === 0) return null;
  return {
    key: "events",
    title: { zh: "关联事件", en: "Events" },
    total,
    items: rows.map((e) => ({
      id: e.id,
      title: e.title,
      at: e.createdAt.toISOString(),
      status: e.state,
      href: `/events/${e.id}`,
    })),
  };
});
