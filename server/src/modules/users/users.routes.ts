import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { authorize } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import { IdParams } from "../auth/auth.schema";
import * as repo from "./users.repo";
import { presentUsers } from "./user-input";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";
import { CreateUserBody, Paging, UpdateUserBody, UserView } from "./users.schema";

/** Account administration. */
export async function usersRoutes(app: FastifyTypebox) {
  app.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "List accounts (admin)",
        querystring: Paging,
        response: {
          200: Type.Object({
            items: Type.Array(UserView),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const ctx = makeCtx(app.services, { actor: req.actor() });
      authorize(ctx.actor, "user.list");
      const { page, pageSize } = req.query;
      const { rows, total } = await repo.listUsers(ctx.tx, pageSize, (page - 1) * pageSize);
      return { items: await presentUsers(ctx, rows), total, page, pageSize };
    },
  );

  app.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create an account (admin)",
        body: CreateUserBody,
        response: { 201: UserView },
      },
    },
    async (req, reply) => {
      const { scopeCodes, ...rest } = req.body;
      const view = await req.withCtx((ctx) => createUser(ctx, { ...rest, scopeCodes: scopeCodes ?? [] }));
      return reply.status(201).send(view);
    },
  );

  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change an account (admin)",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserView },
      },
    },
    async (req) => req.withCtx((ctx) => updateUser(ctx, req.params.id, req.body)),
  );
}
