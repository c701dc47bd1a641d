import type { FastifyTypebox } from "../../http/types";

/** The registry of people, households, houses, places and things (人房企事物). */
export async function registryRoutes(app: FastifyTypebox) {
  void app;
}
