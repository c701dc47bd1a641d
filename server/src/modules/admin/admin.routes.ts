import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { authorize } from "../../core/authorize";
import { recordAudit } from "../../core/audit";
import { MovableClock } from "../../core/clock";
import { notFound, unprocessable } from "../../core/errors";
import { eq } from "drizzle-orm";
import { jobs } from "../../db/schema";

export interface Health {
  status: "ok" | "degraded";
  engine: "pglite" | "postgres";
  migration: string;
  uptimeSeconds: number;
  demo?: boolean;
}

const HealthReply = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("degraded")]),
  engine: Type.Union([Type.Literal("pglite"), Type.Literal("postgres")]),
  migration: Type.String(),
  uptimeSeconds: Type.Integer(),
  version: Type.String(),
  demo: Type.Boolean(),
  /** IANA zone the deployment shows times in (they are stored in UTC). */
  timeZone: Type.String(),
});

const ClockBody = Type.Object(
  {
    now: Type.Optional(Type.String({ format: "date-time" })),
    advanceSeconds: Type.Optional(Type.Integer({ minimum: -10 * 365 * 86400, maximum: 10 * 365 * 86400 })),
  },
  { additionalProperties: false },
);

/** Health for probes and load balancers; the movable test clock when PINGAN_TEST_CLOCK=1. */
export async function adminRoutes(app: FastifyTypebox, o: { health: () => Health; version: string }) {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and what is running",
        security: [],
        response: { 200: HealthReply },
      },
    },
    async () => {
      const h = o.health();
      return { ...h, version: o.version, demo: h.demo ?? false, timeZone: app.services.config.timeZone };
    },
  );

  const clock = app.services.clock;
  if (!app.services.config.testClock || !(clock instanceof MovableClock)) return;
  const ClockReply = Type.Object({ now: Type.String() });
  app.get(
    "/api/admin/clock",
    {
      schema: {
        tags: ["system"],
        summary: "The test clock (PINGAN_TEST_CLOCK=1 only)",
        response: { 200: ClockReply },
      },
    },
    async (req) => {
      authorize(req.actor(), "clock.set");
      await clock.refresh();
      return { now: clock.now().toISOString() };
    },
  );
  app.post(
    "/api/admin/clock",
    {
      schema: {
        tags: ["system"],
        summary: "Move the test clock for every process (PINGAN_TEST_CLOCK=1 only)",
        body: ClockBody,
        response: { 200: ClockReply },
      },
    },
    async (req) => {
      authorize(req.actor(), "clock.set");
      const { now, advanceSeconds } = req.body;
      if ((now === undefined) === (advanceSeconds === undefined))
        throw unprocessable(
          "CLOCK_INPUT",
          "请只给出 now 或 advanceSeconds 之一",
          "Give exactly one of now or advanceSeconds",
          "now",
        );
      await clock.refresh();
      const before = clock.now();
      const to = now ? new Date(now) : new Date(before.getTime() + advanceSeconds! * 1000);
      const after = await clock.set(to);
      await req.withCtx((ctx) =>
        recordAudit(ctx, {
          action: "clock.set",
          before: { now: before.toISOString() },
          after: { now: after.toISOString() },
        }),
      );
      return { now: after.toISOString() };
    },
  );
}

/** A job's state and report, for administrators following a long piece of work. */
export async function jobsRoutes(app: FastifyTypebox) {
  app.get(
    "/api/jobs/:id",
    {
      schema: {
        tags: ["system"],
        summary: "A background job's status and report (admin)",
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req) => {
      authorize(req.actor(), "system.status");
      const [job] = await app.services.db.select().from(jobs).where(eq(jobs.id, req.params.id));
      if (!job) throw notFound({ zh: "任务", en: "job" });
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        attempts: job.attempts,
        payload: job.payload,
        lastError: job.lastError,
        runAt: job.runAt.toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
      };
    },
  );
}
