import type { FastifyTypebox } from "../../http/types";

/** Open311 GeoReport v2 at /open311/v2/. */
export async function open311Routes(app: FastifyTypebox) {
  void app;
}
