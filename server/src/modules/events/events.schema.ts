import { Type, type TSchema } from "typebox";
import { LevelSchema, SourceSchema, UrgencySchema } from "./event-config.schema";

const NO_NUL = "^[^\\u0000]*$";
const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max, pattern: NO_NUL });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const FileId = Type.String({ pattern: "^[0-9a-f]{64}$" });
const Uuid = Type.String({ format: "uuid" });
const Time = Type.String({ format: "date-time" });
const NTime = Nullable(Type.String());

export const EventParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const TrackParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

export const ReportBody = Type.Object(
  {
    category: Text(1, 16),
    description: Text(1, 5000),
    title: Type.Optional(Text(1, 200)),
    urgency: Type.Optional(UrgencySchema),
    source: Type.Optional(SourceSchema),
    sourceRef: Type.Optional(Text(1, 100)),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    areaCode: Type.Optional(Text(1, 64)),
    address: Type.Optional(Text(1, 300)),
    photos: Type.Optional(Type.Array(FileId, { maxItems: 20 })),
    reporter: Type.Optional(
      Type.Object(
        { name: Type.Optional(Text(1, 50)), phone: Type.Optional(Text(3, 30)) },
        { additionalProperties: false },
      ),
    ),
    anonymous: Type.Optional(Type.Boolean()),
    links: Type.Optional(
      Type.Array(
        Type.Object(
          {
            type: Type.Union(["person", "household", "house", "place", "thing"].map((t) => Type.Literal(t))),
            id: Uuid,
            role: Type.Optional(Text(1, 30)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    /** The time the source received it (staff only; feeds and replays). */
    reportedAt: Type.Optional(Time),
  },
  { additionalProperties: false },
);

export const ActionBodySchema = Type.Object(
  {
    action: Text(1, 40),
    /** The version the client acted on (every action but comment). */
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_000_000_000 })),
    /** The same key again returns the same result without a second action. */
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: "^[\\w.:-]+$" })),
    partId: Type.Optional(Uuid),
    reason: Type.Optional(Text(1, 1000)),
    result: Type.Optional(Text(1, 5000)),
    note: Type.Optional(Text(1, 5000)),
    comment: Type.Optional(Text(1, 2000)),
    photos: Type.Optional(Type.Array(FileId, { maxItems: 20 })),
    ok: Type.Optional(Type.Boolean()),
    satisfaction: Type.Optional(
      Type.Union([Type.Literal("satisfied"), Type.Literal("basic"), Type.Literal("dissatisfied")]),
    ),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    level: Type.Optional(LevelSchema),
    intoId: Type.Optional(Uuid),
    public: Type.Optional(Type.Boolean()),
    units: Type.Optional(
      Type.Array(
        Type.Object(
          {
            departmentId: Type.Optional(Uuid),
            userId: Type.Optional(Uuid),
            role: Type.Optional(Type.Union([Type.Literal("lead"), Type.Literal("assist")])),
            required: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 300, pattern: "^[a-z_,]*$" })),
    category: Type.Optional(Type.String({ maxLength: 16, pattern: "^[0-9A-Za-z]*$" })),
    areaCode: Type.Optional(Text(1, 64)),
    colour: Type.Optional(Type.Union([Type.Literal("green"), Type.Literal("yellow"), Type.Literal("red")])),
    source: Type.Optional(SourceSchema),
    urgency: Type.Optional(UrgencySchema),
    overdue: Type.Optional(Type.Boolean()),
    open: Type.Optional(Type.Boolean()),
    mine: Type.Optional(Type.Boolean()),
    q: Type.Optional(Text(1, 100)),
    from: Type.Optional(Time),
    to: Type.Optional(Time),
    sort: Type.Optional(
      Type.Union([Type.Literal("deadline"), Type.Literal("created"), Type.Literal("-created")]),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

const CategoryRef = Type.Object({
  code: Type.String(),
  name: Bilingual,
  parent: Nullable(Type.Object({ code: Type.String(), name: Bilingual })),
  sensitive: Type.Boolean(),
  public: Type.Boolean(),
});

const PartView = Type.Object({
  id: Type.String(),
  department: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  role: Type.String(),
  required: Type.Boolean(),
  state: Type.String(),
  reason: Nullable(Type.String()),
  result: Nullable(Type.String()),
  photos: Type.Array(Type.String()),
  deadline: NTime,
  acceptedAt: NTime,
  doneAt: NTime,
  can: Type.Object({ accept: Type.Boolean(), reject: Type.Boolean(), finish: Type.Boolean() }),
});

export const DuplicateView = Type.Object({
  id: Type.String(),
  no: Type.String(),
  title: Type.String(),
  state: Type.String(),
  categoryCode: Type.String(),
  createdAt: Type.String(),
  distanceM: Nullable(Type.Number()),
  similarity: Type.Number(),
  score: Type.Number(),
});

const eventViewProps = {
  id: Type.String(),
  no: Type.String(),
  /** For the reporter and the desk only: the code for public progress (GET /api/events/track/{code}). */
  trackingCode: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  category: CategoryRef,
  urgency: Type.String(),
  source: Type.String(),
  sourceRef: Nullable(Type.String()),
  location: Type.Object({
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
    address: Nullable(Type.String()),
  }),
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() })),
  unassigned: Type.Boolean(),
  reporter: Nullable(
    Type.Object({
      anonymous: Type.Boolean(),
      name: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      masked: Type.Boolean(),
    }),
  ),
  photos: Type.Array(Type.String()),
  state: Type.String(),
  stateName: Bilingual,
  version: Type.Integer(),
  handlingLevel: Nullable(Type.String()),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  slaStage: Nullable(Type.String()),
  deadline: NTime,
  warnAt: NTime,
  dueAt: NTime,
  colour: Type.String(),
  overdue: Type.Boolean(),
  paused: Type.Boolean(),
  sla: Type.Object({
    pausedMs: Type.Number(),
    extensionDays: Type.Number(),
    extensionRequest: Nullable(
      Type.Object({ days: Type.Number(), reason: Type.String(), at: Type.String() }),
    ),
    reopenCount: Type.Number(),
    policyIds: Type.Array(Type.String()),
  }),
  acceptedAt: NTime,
  dispatchedAt: NTime,
  feedbackAt: NTime,
  verifiedAt: NTime,
  closedAt: NTime,
  evaluatedAt: NTime,
  satisfaction: Nullable(Type.String()),
  closedOnTime: Nullable(Type.Boolean()),
  closedInGrid: Nullable(Type.Boolean()),
  dispatchCount: Type.Integer(),
  returnCount: Type.Integer(),
  mergedInto: Nullable(Type.Object({ id: Type.String(), no: Type.String() })),
  result: Nullable(Type.String()),
  configVersion: Nullable(Type.Integer()),
  parts: Type.Array(PartView),
  links: Type.Array(Type.Object({ type: Type.String(), id: Type.String(), role: Type.String() })),
  timelineCount: Type.Integer(),
  /** What this actor may do next, from the state machine. */
  can: Type.Record(Type.String(), Type.Boolean()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const EventViewSchema = Type.Object({ ...eventViewProps, replayed: Type.Optional(Type.Boolean()) });
export const ReportReply = Type.Object({
  ...eventViewProps,
  /** false when the same source record was already registered (answered 200). */
  created: Type.Boolean(),
  /** Likely duplicates the actor may see, best first. */
  duplicates: Type.Array(DuplicateView),
});

export const EventSummarySchema = Type.Object({
  id: Type.String(),
  no: Type.String(),
  title: Type.String(),
  category: Type.Object({ code: Type.String(), name: Bilingual }),
  state: Type.String(),
  stateName: Bilingual,
  urgency: Type.String(),
  source: Type.String(),
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  handlingLevel: Nullable(Type.String()),
  slaStage: Nullable(Type.String()),
  colour: Type.String(),
  overdue: Type.Boolean(),
  deadline: NTime,
  dueAt: NTime,
  createdAt: Type.String(),
  closedAt: NTime,
  version: Type.Integer(),
});
export const EventList = Type.Object({
  items: Type.Array(EventSummarySchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const TimelineView = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Nullable(Type.String()),
      version: Type.Integer(),
      at: Type.String(),
      actor: Nullable(Type.Object({ name: Type.String(), role: Nullable(Type.String()) })),
      department: Nullable(Type.String()),
      note: Nullable(Type.String()),
      data: Nullable(Type.Record(Type.String(), Type.Unknown())),
      photos: Type.Array(Type.String()),
    }),
  ),
});

export const DuplicatesView = Type.Object({ items: Type.Array(DuplicateView) });

export const TrackingView = Type.Object({
  no: Type.String(),
  category: Bilingual,
  state: Type.String(),
  stateName: Bilingual,
  createdAt: Type.String(),
  dueAt: NTime,
  closedAt: NTime,
  satisfaction: Nullable(Type.String()),
  mergedInto: Nullable(Type.Object({ no: Type.String() })),
  steps: Type.Array(
    Type.Object({ action: Type.String(), at: Type.String(), stateName: Nullable(Bilingual) }),
  ),
});

export const CategoryNode = Type.Object({
  code: Type.String(),
  name: Bilingual,
  level: Type.Integer(),
  public: Type.Boolean(),
  sensitive: Type.Boolean(),
  active: Type.Boolean(),
  children: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Bilingual,
      level: Type.Integer(),
      public: Type.Boolean(),
      sensitive: Type.Boolean(),
      active: Type.Boolean(),
    }),
  ),
});
export const CategoriesView = Type.Object({ version: Type.Integer(), items: Type.Array(CategoryNode) });

export const RevealBody = Type.Object({ reason: Text(5, 200) }, { additionalProperties: false });
export const RevealView = Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) });

export const ImportView = Type.Object({
  id: Type.String(),
  source: Type.String(),
  status: Type.String(),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  errors: Type.Unknown(),
  createdAt: Type.String(),
  finishedAt: NTime,
});
export const ImportQuery = Type.Object(
  { source: Type.Optional(Type.Union([Type.Literal("hotline_12345"), Type.Literal("police_110")])) },
  { additionalProperties: false },
);

export const AlarmBody = Type.Object(
  {
    deviceId: Text(1, 100),
    kind: Type.String({ pattern: "^[a-z][a-z0-9_]{0,31}$" }),
    at: Time,
    value: Type.Optional(Nullable(Type.Union([Type.Number(), Text(0, 100)]))),
  },
  { additionalProperties: false },
);
export const AlarmAck = Type.Object({
  id: Type.String(),
  no: Type.String(),
  created: Type.Boolean(),
  state: Type.String(),
  category: Type.String(),
  urgency: Type.String(),
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  deadline: NTime,
});
