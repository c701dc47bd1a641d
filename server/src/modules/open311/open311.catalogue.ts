import type { Executor } from "../../db/database";
import type { Category, EventConfig } from "../events/event-config-types";
import { loadEventConfig, publicCategories } from "../events/event-config";
import type { ServiceInfo, StatusInfo } from "./open311.present";

/** What the Open311 calls need from the event configuration in force. */
export interface Catalogue {
  /** Public categories by code (retired ones too): only their requests appear in GET requests. */
  services: Map<string, ServiceInfo>;
  /** The codes offered for new requests (public and not retired), in the tree's order. */
  offered: string[];
  /** States that count as closed for the public: those that end the matter, and final ones. */
  closedStates: string[];
  status(state: string): StatusInfo;
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function serviceOf(c: Category, parent: Category | undefined): ServiceInfo {
  return {
    code: c.code,
    name: c.name,
    group: parent?.name ?? null,
    description: null,
    keywords: unique([c.name.zh, c.name.en, parent?.name.zh ?? "", parent?.name.en ?? ""]),
  };
}

/** Builds the catalogue from a configuration: services from publicCategories, statuses from the states. */
export function catalogueOf(config: EventConfig): Catalogue {
  const byCode = config.index.categories;
  const services = new Map<string, ServiceInfo>();
  const offered: string[] = [];
  for (const c of publicCategories(config)) {
    services.set(c.code, serviceOf(c, c.parent ? byCode.get(c.parent) : undefined));
    offered.push(c.code);
  }
  // a retired public category takes no new requests, but its requests stay visible
  for (const c of config.categories.categories)
    if (c.active === false && c.parent !== null && c.public && !c.sensitive)
      services.set(c.code, serviceOf(c, byCode.get(c.parent)));
  const closedStates = config.states.states.filter((s) => s.closes || s.final).map((s) => s.code);
  const closed = new Set(closedStates);
  return {
    services,
    offered,
    closedStates,
    status: (state) => {
      const def = config.index.states.get(state);
      return {
        closed: closed.has(state),
        label: def?.publicName ?? def?.name ?? { zh: state, en: state },
      };
    },
  };
}

/** The catalogue of the configuration in force. */
export async function loadCatalogue(db: Executor): Promise<Catalogue> {
  return catalogueOf(await loadEventConfig(db));
}
