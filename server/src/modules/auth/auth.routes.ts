import { Type } from "typebox";
import type { FastifyRequest } from "fastify";
import type { FastifyTypebox } from "../../http/types";
import type { Actor } from "../../core/actor";
import { can } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import { recordAudit } from "../../core/audit";
import * as users from "../users/users.repo";
import * as repo from "./sessions.repo";
import { login } from "./login";
import { changePassword } from "./change-password";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { SESSION_COOKIE } from "./authenticate";
import {
  ApiKeyCreate,
  ApiKeyView,
  Credentials,
  IdParams,
  Me,
  PasswordChange,
  TokenReply,
} from "./auth.schema";

async function presentMe(app: FastifyTypebox, actor: Actor) {
  const scopes = actor.scopes.map(({ id: _id, ...a }) => a);
  return {
    user: {
      id: actor.userId ?? "",
      username: actor.username,
      displayName: actor.displayName,
      department: await users.departmentName(app.services.db, actor.departmentId),
    },
    roles: actor.roles,
    scopes,
    scope: scopes[0] ?? null,
    can: {
      manageUsers: can(actor, "user.list"),
      searchAudit: can(actor, "audit.search"),
      manageApiKeys: can(actor, "apikey.manage"),
      changePassword: can(actor, "me.password"),
    },
    timeZone: app.services.config.timeZone,
  };
}

/** Log in and out, tokens, password change, API keys and who-am-I. */
export async function authRoutes(app: FastifyTypebox) {
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: app.services.config.cookieSecure,
  };
  const loginWith = (
    kind: "cookie" | "token",
    body: { username: string; password: string },
    req: FastifyRequest,
  ) =>
    login(app.services, {
      ...body,
      kind,
      ip: req.ip,
      userAgent: req.headers["user-agent"] ?? null,
      requestId: req.id,
    });

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Console login: sets an httpOnly session cookie",
        security: [],
        body: Credentials,
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      const result = await loginWith("cookie", req.body, req);
      // no Expires: the server's sliding session decides when it ends
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return presentMe(app, result.actor);
    },
  );

  app.post(
    "/api/auth/token",
    {
      schema: {
        tags: ["auth"],
        summary: "A bearer token for API clients and the CLI",
        security: [],
        body: Credentials,
        response: { 200: TokenReply },
      },
    },
    async (req) => {
      const result = await loginWith("token", req.body, req);
      return { token: result.token, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Ends the current session or token" } },
    async (req, reply) => {
      const actor = req.actorValue;
      if (actor?.sessionId) {
        await req.withCtx(async (ctx) => {
          await repo.revokeSession(ctx.tx, actor.sessionId!, ctx.clock.now());
          await recordAudit(ctx, { action: "auth.logout", subjectType: "user", subjectId: actor.userId });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/auth/password",
    { schema: { tags: ["auth"], summary: "Change one's own password", body: PasswordChange } },
    async (req, reply) => {
      await req.withCtx((ctx) => changePassword(ctx, req.body));
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/me",
    {
      schema: { tags: ["auth"], summary: "The signed-in user, roles and area scopes", response: { 200: Me } },
    },
    async (req) => presentMe(app, req.actor()),
  );

  app.get(
    "/api/api-keys",
    {
      schema: {
        tags: ["auth"],
        summary: "API keys (admin)",
        response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }) },
      },
    },
    async (req) => ({ items: await listApiKeys(makeCtx(app.services, { actor: req.actor() })) }),
  );

  app.post(
    "/api/api-keys",
    {
      schema: {
        tags: ["auth"],
        summary: "Create an API key acting as a user (admin); the key is shown once",
        body: ApiKeyCreate,
        response: {
          201: Type.Object({
            id: Type.String(),
            key: Type.String(),
            prefix: Type.String(),
            name: Type.String(),
            username: Type.String(),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await req.withCtx((ctx) => createApiKey(ctx, req.body))),
  );

  app.delete(
    "/api/api-keys/:id",
    { schema: { tags: ["auth"], summary: "Revoke an API key (admin)", params: IdParams } },
    async (req, reply) => {
      await req.withCtx((ctx) => revokeApiKey(ctx, req.params.id));
      return reply.status(204).send();
    },
  );
}
