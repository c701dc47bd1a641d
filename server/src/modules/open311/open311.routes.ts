import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyTypebox } from "../../http/types";
import { inTransaction } from "../../core/context";
import { createOpen311Request } from "./create-open311-request";
import { listOpen311Requests } from "./list-open311-requests";
import { readPostedRequest, field, parseForm } from "./open311.body";
import { loadCatalogue } from "./open311.catalogue";
import { apiKeyActor } from "./open311.auth";
import { askedLocale, notFound311, toOpen311Errors } from "./open311.errors";
import { formatOfPath, isoWithOffset, render, splitFormat, type Data, type Format } from "./open311.format";
import { presentRequest, presentService, serviceNotice } from "./open311.present";
import * as repo from "./open311.repo";
import { CommonQuery, FileParams, FormatParams, hidden, PostQuery, RequestsQuery } from "./open311.schema";

/** The specification this endpoint implements, as service discovery names it. */
export const SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
// when the configuration has never been edited, the services are the shipped defaults of this release
const SHIPPED = new Date("2026-11-01T00:00:00+08:00");

function send(reply: FastifyReply, format: Format, root: string, data: Data, status = 200) {
  const { body, type } = render(format, root, data);
  // public data for any client, including browser apps elsewhere; no cookie is ever read here
  return reply.status(status).type(type).header("access-control-allow-origin", "*").send(body);
}

function formatOf(given: string, req: FastifyRequest): Format {
  if (given === "xml" || given === "json") return given;
  throw noSuchPath(req);
}

const noSuchPath = (req: FastifyRequest) =>
  notFound311({
    zh: `没有这个 Open311 接口：${req.method} ${req.url.split("?")[0]}`,
    en: `No such Open311 resource: ${req.method} ${req.url.split("?")[0]}`,
  });

/** The endpoint's absolute base URL as this client reached it (behind a proxy: X-Forwarded-*). */
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}/open311/v2/`;

/**
 * Open311 GeoReport v2 at /open311/v2/ and its discovery document at /open311/discovery.{xml,json}:
 * an encapsulated plugin with its own error and not-found handlers (errors are the standard's
 * list of {code, description}, in the asked format) and a parser for form-encoded bodies.
 */
export async function open311Routes(app: FastifyTypebox) {
  await app.register(open311Api, { prefix: "/open311" });
}

async function open311Api(app: FastifyTypebox) {
  const { db, config, clock } = app.services;

  app.setErrorHandler((err, req, reply) => {
    const { status, errors } = toOpen311Errors(err, req);
    if (status >= 500) req.log.error({ err, requestId: req.id }, "open311 request failed");
    return send(reply, formatOfPath(req.url), "errors", errors, status);
  });
  app.setNotFoundHandler((req, reply) => {
    const { status, errors } = toOpen311Errors(noSuchPath(req), req);
    return send(reply, formatOfPath(req.url), "errors", errors, status);
  });
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 1024 * 1024 },
    (_req, body, done) => done(null, parseForm(body as string)),
  );

  app.get(
    "/discovery.:format",
    { schema: { ...hidden, params: FormatParams, querystring: CommonQuery } },
    async (req, reply) => {
      const format = formatOf(req.params.format, req);
      const changeset = isoWithOffset((await repo.configChangedAt(db)) ?? SHIPPED, config.timeZone);
      return send(reply, format, "discovery", {
        changeset,
        contact: "请联系本平台所属综治中心的系统管理员 / Contact the administrator of this governance centre",
        key_service:
          "API 密钥由管理员创建（npx pingan apikey create --name 客户端 --user 账号）/ " +
          "An administrator creates API keys with: npx pingan apikey create --name CLIENT --user ACCOUNT",
        endpoints: [
          {
            specification: SPECIFICATION,
            url: baseUrl(req),
            changeset,
            type: "production",
            formats: ["text/xml", "application/json"],
          },
        ],
      });
    },
  );

  app.get(
    "/v2/services.:format",
    { schema: { ...hidden, params: FormatParams, querystring: CommonQuery } },
    async (req, reply) => {
      const format = formatOf(req.params.format, req);
      const catalogue = await loadCatalogue(db);
      const locale = askedLocale(req) ?? "zh";
      const services = catalogue.offered.map((code) => presentService(catalogue.services.get(code)!, locale));
      return send(reply, format, "services", services);
    },
  );

  app.get(
    "/v2/services/:file",
    { schema: { ...hidden, params: FileParams, querystring: CommonQuery } },
    async (req, reply) => {
      const file = splitFormat(req.params.file);
      if (!file) throw noSuchPath(req);
      const catalogue = await loadCatalogue(db);
      if (!catalogue.offered.includes(file.id))
        throw notFound311({
          zh: `服务 ${file.id} 不存在`,
          en: `service_code ${file.id} was not found`,
        });
      return send(reply, file.format, "service_definition", { service_code: file.id, attributes: [] });
    },
  );

  app.post(
    "/v2/requests.:format",
    { schema: { ...hidden, params: FormatParams, querystring: PostQuery } },
    async (req, reply) => {
      const format = formatOf(req.params.format, req);
      const posted = await readPostedRequest(req, config.uploadMaxBytes);
      const actor = await apiKeyActor(app.services, field(posted.fields, "api_key") ?? req.query.api_key);
      const catalogue = await loadCatalogue(db);
      const created = await inTransaction(app.services, { actor, requestId: req.id, ip: req.ip }, (ctx) =>
        createOpen311Request(ctx, posted, new Set(catalogue.offered)),
      );
      return send(reply, format, "service_requests", [
        {
          service_request_id: String(created.seq),
          token: created.trackingCode,
          service_notice: serviceNotice(created, askedLocale(req) ?? "zh", config.timeZone),
          account_id: created.accountId,
        },
      ]);
    },
  );

  app.get(
    "/v2/requests.:format",
    { schema: { ...hidden, params: FormatParams, querystring: RequestsQuery } },
    async (req, reply) => {
      const format = formatOf(req.params.format, req);
      const catalogue = await loadCatalogue(db);
      const rows = await listOpen311Requests(db, clock.now(), config.timeZone, req.query, catalogue);
      const agencies = await repo.agenciesOf(
        db,
        rows.map((r) => r.id),
      );
      const options = {
        locale: askedLocale(req) ?? "zh",
        timeZone: config.timeZone,
        services: catalogue.services,
        status: catalogue.status,
        agencies,
      };
      return send(
        reply,
        format,
        "service_requests",
        rows.map((r) => presentRequest(r, options)),
      );
    },
  );

  app.get(
    "/v2/requests/:file",
    { schema: { ...hidden, params: FileParams, querystring: CommonQuery } },
    async (req, reply) => {
      const file = splitFormat(req.params.file);
      if (!file) throw noSuchPath(req);
      const catalogue = await loadCatalogue(db);
      const row = /^\d{1,15}$/.test(file.id)
        ? await repo.findPublicEvent(db, Number(file.id), [...catalogue.services.keys()])
        : undefined;
      if (!row)
        throw notFound311({
          zh: `服务请求 ${file.id} 不存在`,
          en: `service_request_id ${file.id} was not found`,
        });
      const options = {
        locale: askedLocale(req) ?? "zh",
        timeZone: config.timeZone,
        services: catalogue.services,
        status: catalogue.status,
        agencies: await repo.agenciesOf(db, [row.id]),
      };
      return send(reply, file.format, "service_requests", [presentRequest(row, options)]);
    },
  );

  app.get(
    "/v2/tokens/:file",
    { schema: { ...hidden, params: FileParams, querystring: CommonQuery } },
    async (req, reply) => {
      const file = splitFormat(req.params.file);
      if (!file) throw noSuchPath(req);
      const catalogue = await loadCatalogue(db);
      // a token is the event's tracking code (letters and digits), the one given to the reporter
      const code = file.id.toUpperCase();
      const seq = /^[0-9A-Z]{8,16}$/.test(code)
        ? await repo.findSeqByTrackingCode(db, code, [...catalogue.services.keys()])
        : undefined;
      if (seq === undefined)
        throw notFound311({ zh: `查询码 ${file.id} 不存在`, en: `token ${file.id} was not found` });
      return send(reply, file.format, "service_requests", [
        { service_request_id: String(seq), token: file.id },
      ]);
    },
  );
}
