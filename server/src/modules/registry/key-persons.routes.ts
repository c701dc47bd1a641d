import type { FastifyTypebox } from "../../http/types";

/** Key persons (重点人员), their care plans and visits. */
export async function keyPersonsRoutes(app: FastifyTypebox) {
  void app;
}
