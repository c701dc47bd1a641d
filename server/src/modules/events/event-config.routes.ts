import type { FastifyTypebox } from "../../http/types";

/** Categories, routing rules, SLA policies and the working-day calendar, as versioned data. */
export async function eventConfigRoutes(app: FastifyTypebox) {
  void app;
}
