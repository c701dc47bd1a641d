import type { FastifyTypebox } from "../../http/types";

/** Excel/CSV import and export of the registry. */
export async function registryImportRoutes(app: FastifyTypebox) {
  void app;
}
