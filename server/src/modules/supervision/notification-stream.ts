import type { FastifyReply, FastifyRequest } from "fastify";
import { authorize } from "../../core/authorize";
import { forbidden } from "../../core/errors";
import type { FastifyTypebox } from "../../http/types";
import { notificationsAfter, streamStart } from "./notifications";

export interface StreamOptions {
  /** how often each stream looks for new rows (works across processes: it reads the table) */
  pollMs?: number;
  /** a comment line that keeps proxies from closing an idle stream */
  heartbeatMs?: number;
  /** streams end after this long; EventSource reconnects and resumes from Last-Event-ID */
  maxMs?: number;
}

/**
 * GET /api/notifications/stream: Server-Sent Events of my new notifications. On connect it sends my
 * recent unread ones (or those after Last-Event-ID / ?after=), then polls every 2 s. Hidden from the
 * OpenAPI description: it is a stream, not a JSON answer.
 */
export function notificationStreamRoute(app: FastifyTypebox, o: StreamOptions = {}) {
  const pollMs = o.pollMs ?? 2_000;
  const heartbeatMs = o.heartbeatMs ?? 15_000;
  const maxMs = o.maxMs ?? 30 * 60_000;
  const open = new Set<() => void>();
  // a stream never idles, so the server would wait on it forever when closing: end them first
  app.addHook("preClose", async () => {
    for (const end of [...open]) end();
  });

  app.get(
    "/api/notifications/stream",
    { schema: { hide: true } },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const actor = req.actor();
      authorize(actor, "notification.read");
      if (!actor.userId) throw forbidden();
      const userId = actor.userId;
      const db = app.services.db;
      const given = req.headers["last-event-id"] ?? (req.query as Record<string, unknown> | undefined)?.after;
      const resume = typeof given === "string" && /^\d{1,15}$/.test(given) ? Number(given) : undefined;
      let cursor = resume ?? (await streamStart(db, userId));

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        // one response per connection: when the stream ends (shutdown, time limit) the socket goes too
        connection: "close",
        "x-accel-buffering": "no", // nginx: do not buffer the stream
      });
      res.write(`retry: 5000\n: connected\n\n`);

      let ended = false;
      let busy = false;
      const push = async () => {
        if (busy || ended) return;
        busy = true;
        try {
          for (;;) {
            const items = await notificationsAfter(db, userId, cursor);
            if (ended) return;
            for (const n of items) {
              res.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
              cursor = n.id;
            }
            if (items.length < 100) break;
          }
        } catch {
          end(); // the database went away (shutdown): the client reconnects later
        } finally {
          busy = false;
        }
      };
      const poll = setInterval(() => void push(), pollMs);
      const beat = setInterval(() => res.write(`: ping\n\n`), heartbeatMs);
      const limit = setTimeout(() => end(), maxMs);
      function end() {
        if (ended) return;
        ended = true;
        clearInterval(poll);
        clearInterval(beat);
        clearTimeout(limit);
        open.delete(end);
        // the socket goes with the stream: a client that went away may leave it half-open
        if (res.writableEnded) res.socket?.destroy();
        else res.end(() => res.socket?.destroy());
      }
      open.add(end);
      // the response's "close" (not the request's, which fires once the request is read) is the disconnect
      res.on("close", end);
      res.on("error", end);
      await push();
    },
  );
}
