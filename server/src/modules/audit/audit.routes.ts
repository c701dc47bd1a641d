import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { authorize } from "../../core/authorize";
import { recordAudit, searchAudit, verifyAudit } from "../../core/audit";

const AuditRow = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Union([Type.Unknown(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  sealed: Type.Boolean(),
});

const Query = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  subjectType: Type.Optional(Type.String({ maxLength: 64 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: "date-time" })),
  to: Type.Optional(Type.String({ format: "date-time" })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

/** Searching and verifying the audit trail (admin); each verification is itself recorded. */
export async function auditRoutes(app: FastifyTypebox) {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Search the audit trail (admin), newest first",
        querystring: Query,
        response: {
          200: Type.Object({
            items: Type.Array(AuditRow),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      authorize(req.actor(), "audit.search");
      const q = req.query;
      const { items, total } = await searchAudit(app.services.db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return {
        items: items.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorName: r.actorName,
          actorRole: r.actorRole,
          action: r.action,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          changes: r.changes ?? null,
          reason: r.reason,
          requestId: r.requestId,
          ip: r.ip,
          sealed: r.seq !== null,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.post(
    "/api/audit/verify",
    {
      schema: {
        tags: ["audit"],
        summary: "Recompute the audit hash chain (admin)",
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBadId: Type.Union([Type.String(), Type.Null()]),
            problem: Type.Optional(Type.String()),
          }),
        },
      },
    },
    async (req) => {
      authorize(req.actor(), "audit.verify");
      const result = await verifyAudit(app.services.db, app.services.keyring);
      await req.withCtx((ctx) =>
        recordAudit(ctx, { action: "audit.verified", after: { ok: result.ok, checked: result.checked } }),
      );
      return result;
    },
  );
}
