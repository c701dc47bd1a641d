import type { MessageKey } from "../../i18n/translate";

/** A home-page card for a module that is not live yet: a title and the module that will fill it. */
export interface PendingCard {
  titleKey: MessageKey;
  moduleKey: MessageKey;
}

/** What each role will see on its home page once the domain modules ship. Admin cards are live, not here. */
export const PENDING_CARDS: Readonly<Record<string, readonly PendingCard[]>> = {
  leader: [
    { titleKey: "card.leader.overview", moduleKey: "module.analytics" },
    { titleKey: "card.leader.ranking", moduleKey: "module.analytics" },
  ],
  dispatcher: [
    { titleKey: "card.dispatcher.intake", moduleKey: "module.events" },
    { titleKey: "card.dispatcher.overdue", moduleKey: "module.events" },
  ],
  grid_worker: [
    { titleKey: "card.grid_worker.myGrid", moduleKey: "module.registry" },
    { titleKey: "card.grid_worker.visits", moduleKey: "module.inspections" },
  ],
  department_handler: [
    { titleKey: "card.department_handler.todo", moduleKey: "module.events" },
    { titleKey: "card.department_handler.dueSoon", moduleKey: "module.events" },
  ],
  mediator: [
    { titleKey: "card.mediator.cases", moduleKey: "module.disputes" },
    { titleKey: "card.mediator.sessions", moduleKey: "module.disputes" },
  ],
  police: [
    { titleKey: "card.police.alerts", moduleKey: "module.risk" },
    { titleKey: "card.police.keyPersons", moduleKey: "module.registry" },
  ],
  resident: [
    { titleKey: "card.resident.reports", moduleKey: "module.participation" },
    { titleKey: "card.resident.notices", moduleKey: "module.participation" },
  ],
  volunteer: [
    { titleKey: "card.volunteer.tasks", moduleKey: "module.participation" },
    { titleKey: "card.volunteer.points", moduleKey: "module.participation" },
  ],
};

/** The pending cards for a set of roles, in role order, without duplicate titles. */
export function pendingCardsFor(roles: readonly string[]): PendingCard[] {
  const seen = new Set<MessageKey>();
  const cards: PendingCard[] = [];
  for (const role of roles) {
    for (const card of PENDING_CARDS[role] ?? []) {
      if (seen.has(card.titleKey)) continue;
      seen.add(card.titleKey);
      cards.push(card);
    }
  }
  return cards;
}
