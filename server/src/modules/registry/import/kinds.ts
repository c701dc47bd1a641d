/** Every kind of registry import, by its name in the API. */
import type { ImportKind } from "./columns";
import { housesKind } from "./houses-kind";
import type { KindSpec } from "./kind";
import { personsKind } from "./persons-kind";
import { placesKind } from "./places-kind";

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  persons: personsKind,
  places: placesKind,
  houses: housesKind,
};
