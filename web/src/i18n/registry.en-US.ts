/** English UI strings of the registry pages. */
import type { zhCNRegistry } from "./registry.zh-CN";

export const enUSRegistry: Record<keyof typeof zhCNRegistry, string> = {
  "nav.group.registry": "Registry",
  "nav.households": "Households",
  "nav.persons": "People",
  "nav.houses": "Houses",
  "nav.places": "Places",
  "nav.keyPersons": "Key persons",
  "nav.visits": "Visits",
  "nav.imports": "Import & export",
};
