import { Type } from "typebox";
import { authorize } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import type { FastifyTypebox } from "../../http/types";
import { IdParams } from "../auth/auth.schema";
import { codeTables } from "./codes/tables";
import { recordHistory } from "./record-history";
import { ChangeList } from "./registry.schema";

const CodeTablesView = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.Object({ zh: Type.String(), en: Type.String() }),
      source: Type.String(),
      entries: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
    }),
  ),
});

/** The registry's code tables (GB/T 31000 and others) for forms, and the history of houses, places, buildings and things. */
export async function registryCodesRoutes(app: FastifyTypebox) {
  const tags = ["registry"];
  app.get(
    "/api/registry/codes",
    {
      schema: {
        tags,
        summary: "Every code table of the registry with its source standard (sex, ethnicity, relation…)",
        response: { 200: CodeTablesView },
      },
    },
    async (req) => {
      authorize(req.actor(), "registry.read");
      return { items: Object.values(codeTables).map((t) => ({ ...t, entries: [...t.entries] })) };
    },
  );

  for (const [type, plural] of [
    ["house", "houses"],
    ["place", "places"],
    ["building", "buildings"],
    ["thing", "things"],
  ] as const)
    app.get(
      `/api/${plural}/:id/history`,
      {
        schema: {
          tags,
          summary: `A ${type}'s history: who changed what, when (404 outside the reader's scope)`,
          params: IdParams,
          response: { 200: ChangeList },
        },
      },
      async (req) => recordHistory(makeCtx(app.services, { actor: req.actor() }), type, req.params.id),
    );
}
