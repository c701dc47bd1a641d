import { makeCtx } from "../../core/context";
import { authorize } from "../../core/authorize";
import type { FastifyTypebox } from "../../http/types";
import { KPIS } from "./kpis";
import { KpiDefinitionsView, KpiQuery, KpiReportView } from "./kpis.schema";
import { readKpis } from "./read-kpis";

/** The closed loop's KPIs: their definitions, and their figures for an area and a period. */
export async function kpisRoutes(app: FastifyTypebox) {
  const tags = ["kpis"];

  app.get(
    "/api/kpis/definitions",
    {
      schema: {
        tags,
        summary: "Each KPI's name, formula and description, in Chinese and English",
        response: { 200: KpiDefinitionsView },
      },
    },
    async (req) => {
      authorize(req.actor(), "kpi.read");
      return { items: KPIS.map(({ compute: _, ...k }) => k) };
    },
  );

  app.get(
    "/api/kpis",
    {
      schema: {
        tags,
        summary:
          "KPIs of events created in a period in an area, optionally per child area (leaders, dispatchers)",
        querystring: KpiQuery,
        response: { 200: KpiReportView },
      },
    },
    async (req) => readKpis(makeCtx(app.services, { actor: req.actor() }), req.query),
  );
}
