import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Fastify, { LogController, type FastifyRequest } from "fastify";
import { pino } from "pino";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { inTransaction } from "../core/context";
import type { Services } from "../core/context";
import { unauthenticated } from "../core/errors";
import { authenticate, SESSION_COOKIE } from "../modules/auth/authenticate";
import { toErrorReply } from "./errors";
import { validatorCompiler } from "./validation";
import {
  checkSameOrigin,
  consolePolicy,
  HSTS,
  SECURITY_HEADERS,
  signInBeforeValidation,
  TRUSTED_PROXIES,
} from "./security";
import type { FastifyTypebox } from "./types";
import { authRoutes } from "../modules/auth/auth.routes";
import { usersRoutes } from "../modules/users/users.routes";
import { auditRoutes } from "../modules/audit/audit.routes";
import { areasRoutes } from "../modules/areas/areas.routes";
import { areasEditRoutes } from "../modules/areas/areas-edit.routes";
import { unassignedRoutes } from "../modules/areas/unassigned.routes";
import { departmentsRoutes } from "../modules/departments/departments.routes";
import { adminRoutes, jobsRoutes, type Health } from "../modules/admin/admin.routes";
import { filesRoutes } from "../modules/files/files.routes";
import { policeRoutes } from "../modules/police/police.routes";
import { teamsRoutes } from "../modules/teams/teams.routes";
import { registryRoutes } from "../modules/registry/registry.routes";
import { registryCodesRoutes } from "../modules/registry/codes.routes";
import { keyPersonsRoutes } from "../modules/registry/key-persons.routes";
import { placesRoutes } from "../modules/registry/places.routes";
import { registryImportRoutes } from "../modules/registry/registry-import.routes";
import { eventsRoutes } from "../modules/events/events.routes";
import { eventConfigRoutes } from "../modules/events/event-config.routes";
import { supervisionRoutes } from "../modules/supervision/supervision.routes";
import { open311Routes } from "../modules/open311/open311.routes";

export interface AppOptions {
  logger?: boolean;
  health?: () => Health;
}

const VERSION = "0.1.0";

/** Builds the HTTP application: API under /api, OpenAPI at /api/openapi.json, docs at /docs, console at /. */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyTypebox> {
  // buffered, asynchronous stdout: a write per request would cost a third of the throughput
  const logStream = options.logger ? pino.destination({ dest: 1, sync: false, minLength: 4096 }) : undefined;
  const app = Fastify({
    logger: logStream
      ? {
          level: services.config.logLevel,
          redact: {
            paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
            remove: true,
          },
          stream: logStream,
        }
      : false,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    trustProxy: TRUSTED_PROXIES,
    bodyLimit: 1024 * 1024,
    // long path parameters reach the route's schema and get a 400 naming them, not a bare 414
    routerOptions: { maxParamLength: 2048 },
    // errors raised before routing (a malformed URL…) answer in the same shape as every other
    frameworkErrors: (err, req, reply) => {
      const { status, body } = toErrorReply(err, req);
      void (reply as unknown as { status(n: number): { send(b: unknown): unknown } })
        .status(status)
        .send(body);
    },
    // One access-log line per request (below), with the request id written into it, instead of
    // a child logger and two lines per request: the health route's throughput depends on it.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: (logger) => logger,
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (options.logger && ["info", "debug", "trace"].includes(services.config.logLevel))
    app.addHook("onResponse", (req, reply, done) => {
      // the path only: query strings may carry personal data
      app.log.info(
        {
          reqId: req.id,
          method: req.method,
          path: req.url.split("?")[0],
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        "request",
      );
      done();
    });
  app.setValidatorCompiler(validatorCompiler);

  app.decorate("services", services);
  if (logStream) app.addHook("onClose", async () => logStream.flushSync());
  app.decorateRequest("actorValue", null);
  app.decorateRequest("actor", function (this: FastifyRequest) {
    if (!this.actorValue) throw unauthenticated();
    return this.actorValue;
  });
  app.decorateRequest("withCtx", function <
    T,
  >(this: FastifyRequest, fn: Parameters<typeof inTransaction<T>>[2]) {
    return inTransaction(services, { actor: this.actor(), requestId: this.id, ip: this.ip }, fn);
  });

  await app.register(cookie); // before the hook below, which reads the parsed cookies
  const headers = { ...SECURITY_HEADERS, ...(services.config.cookieSecure ? HSTS : {}) };
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers({ "x-request-id": req.id, ...headers });
    const auth = req.headers.authorization;
    const bearer = auth?.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : undefined;
    const cookieValue = req.cookies?.[SESSION_COOKIE];
    if ((!bearer && !cookieValue) || !req.url.startsWith("/api/")) return done(); // nothing to look up
    try {
      checkSameOrigin(req, !bearer && Boolean(cookieValue));
    } catch (err) {
      return done(err as Error);
    }
    authenticate(services, { bearer: bearer || undefined, cookie: cookieValue }).then((actor) => {
      req.actorValue = actor;
      done();
    }, done);
  });

  app.addHook("onRoute", signInBeforeValidation); // 401 before a schema error for the anonymous
  const csp = consolePolicy(services.config);

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorReply(err, req);
    if (status >= 500) req.log.error({ err, requestId: req.id }, "request failed");
    if (status === 429 && typeof body.retryAfterSeconds === "number")
      reply.header("retry-after", String(body.retryAfterSeconds));
    return reply.status(status).send(body);
  });

  await app.register(multipart, {
    limits: { fileSize: services.config.uploadMaxBytes, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Pingan API · 平安基层智治平台",
        version: VERSION,
        description: "Errors answer {code, message: {zh, en}, field?, requestId}.",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "A token from POST /api/auth/token, or an API key",
          },
          cookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const health =
    options.health ??
    (() => ({ status: "ok" as const, engine: services.engine, migration: "unknown", uptimeSeconds: 0 }));
  await app.register(async (api: FastifyTypebox) => {
    await authRoutes(api);
    await usersRoutes(api);
    await auditRoutes(api);
    await areasRoutes(api);
    await areasEditRoutes(api);
    await unassignedRoutes(api);
    await jobsRoutes(api);
    await departmentsRoutes(api);
    await adminRoutes(api, { health, version: VERSION });
    await filesRoutes(api);
    await policeRoutes(api);
    await teamsRoutes(api);
    await registryRoutes(api);
    await registryCodesRoutes(api);
    await keyPersonsRoutes(api);
    await placesRoutes(api);
    await registryImportRoutes(api);
    await eventsRoutes(api);
    await eventConfigRoutes(api);
    await supervisionRoutes(api);
    await open311Routes(api);
  });

  const webDist = services.config.webDist;
  const hasConsole = fs.existsSync(path.join(webDist, "index.html"));
  if (hasConsole)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        if (file.endsWith(".html")) res.header("content-security-policy", csp);
      },
    });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith("/api/") || req.method !== "GET" || !hasConsole)
      return reply.status(404).send({
        code: "ROUTE_NOT_FOUND",
        message: { zh: "接口不存在", en: `No route ${req.method} ${req.url.split("?")[0]}` },
        requestId: req.id,
      });
    // the console routes in the browser; its page gets the CSP
    return reply.type("text/html").header("content-security-policy", csp).sendFile("index.html");
  });
  return app;
}
