import type { FastifyTypebox } from "../../http/types";

/** Supervision, consultations, tasks, notifications, webhooks and KPIs. */
export async function supervisionRoutes(app: FastifyTypebox) {
  void app;
}
