import { Type } from "typebox";
import { WEBHOOK_FORMATS } from "./webhook-format";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: "uuid" });
const Page = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};

export const SupervisionQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("closed")])),
  level: Type.Optional(Type.Union([Type.Literal("notice"), Type.Literal("yellow"), Type.Literal("red")])),
  areaCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  eventId: Type.Optional(Id),
  /** only those escalated to me */
  mine: Type.Optional(Type.Boolean()),
  ...Page,
});

export const OpenSupervisionBody = Type.Object(
  { eventId: Id, reason: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const CloseSupervisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const SupervisionView = Type.Object({
  id: Type.String(),
  /** notice (a supervisor's instruction), yellow (黄牌: due soon), red (红牌: overdue) */
  level: Type.String(),
  stage: Nullable(Type.String()),
  reason: Type.String(),
  status: Type.String(),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
  escalatedTo: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  event: Type.Object({
    id: Type.String(),
    /** the event's number as people quote it (20260302-000123) */
    no: Type.String(),
    title: Type.String(),
    state: Type.String(),
    deadline: Nullable(Type.String()),
    colour: Type.String(),
  }),
  can: Type.Object({ close: Type.Boolean() }),
});

export const SupervisionList = Type.Object({
  items: Type.Array(SupervisionView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const NotificationQuery = Type.Object({ unreadOnly: Type.Optional(Type.Boolean()), ...Page });

export const NotificationView = Type.Object({
  id: Type.Number(),
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

export const NotificationList = Type.Object({
  items: Type.Array(NotificationView),
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
        minItems: 1,
        maxItems: 500,
      }),
    ),
    all: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);

export const WebhookView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  format: Type.String(),
  /** query values shortened: a robot URL carries its access token */
  url: Type.String(),
  hasSecret: Type.Boolean(),
  events: Type.Array(Type.String()),
  areaPath: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

export const CreateWebhookBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    format: Type.Union(WEBHOOK_FORMATS.map((f) => Type.Literal(f))),
    url: Type.String({ minLength: 8, maxLength: 2000 }),
    /** DingTalk 加签 secret, or the HMAC key of plain JSON deliveries; stored sealed, never shown */
    secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** notice kinds ("event.red", "consultation.convened" …) or "*" for all */
    events: Type.Array(
      Type.String({ minLength: 1, maxLength: 64, pattern: "^(\\*|[a-z_]+(\\.[a-z_]+)*)$" }),
      {
        minItems: 1,
        maxItems: 50,
      },
    ),
    /** only notices from this area's subtree; an administrator with an area scope defaults to it */
    areaCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const DeliveryResult = Type.Object({
  ok: Type.Boolean(),
  status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});
