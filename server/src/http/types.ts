import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Actor } from "../core/actor";
import type { Ctx, Services } from "../core/context";

export type FastifyTypebox = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actorValue: Actor | null;
    /** The authenticated actor; answers 401 when there is none. */
    actor(): Actor;
    /** A context for domain functions in a transaction of its own. */
    withCtx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
}
