import type { FastifyTypebox } from "../../http/types";

/** Intake, reading and acting on events (the closed loop). */
export async function eventsRoutes(app: FastifyTypebox) {
  void app;
}
