import type { FastifyTypebox } from "../../http/types";
import { authorize } from "../../core/authorize";
import * as repo from "./departments.repo";
import { DepartmentList } from "./departments.schema";

/** The handling units staff choose from (a user's department, later a dispatch target). */
export async function departmentsRoutes(app: FastifyTypebox) {
  app.get(
    "/api/departments",
    {
      schema: {
        tags: ["departments"],
        summary: "List departments, ordered by name",
        response: { 200: DepartmentList },
      },
    },
    async (req) => {
      authorize(req.actor(), "department.list");
      const rows = await repo.list(app.services.db);
      return { items: rows.map(({ id, code, name, kind }) => ({ id, code, name, kind })) };
    },
  );
}
