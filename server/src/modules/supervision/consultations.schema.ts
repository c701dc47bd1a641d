import { Type } from "typebox";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: "uuid" });

const Party = Type.Union([
  Type.Object({ userId: Id }, { additionalProperties: false }),
  Type.Object({ departmentId: Id }, { additionalProperties: false }),
]);

export const ConveneBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    /** each party: a user, or a department (all its handlers are invited) */
    participants: Type.Array(Party, { minItems: 1, maxItems: 50 }),
    agenda: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export const MinutesBody = Type.Object(
  {
    minutes: Type.String({ maxLength: 20000 }),
    decisions: Type.Array(
      Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const AddTaskBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 500 }),
    assignee: Party,
    dueAt: Type.String({ format: "date-time" }),
  },
  { additionalProperties: false },
);

export const TaskView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  eventId: Nullable(Type.String()),
  consultationId: Nullable(Type.String()),
  assignee: Type.Object({
    userId: Nullable(Type.String()),
    departmentId: Nullable(Type.String()),
    name: Nullable(Type.String()),
  }),
  dueAt: Nullable(Type.String()),
  status: Type.String(),
  doneAt: Nullable(Type.String()),
  result: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const ConsultationView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  agenda: Nullable(Type.String()),
  status: Type.String(),
  event: Nullable(Type.Object({ id: Type.String(), no: Type.String(), title: Type.String() })),
  convenedBy: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  convenedAt: Type.String(),
  minutes: Nullable(Type.String()),
  decisions: Type.Array(Type.Object({ text: Type.String() })),
  closedAt: Nullable(Type.String()),
  participants: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      userId: Nullable(Type.String()),
      departmentId: Nullable(Type.String()),
      name: Nullable(Type.String()),
      notifiedAt: Nullable(Type.String()),
      joinedAt: Nullable(Type.String()),
    }),
  ),
  tasks: Type.Array(TaskView),
  can: Type.Object({ join: Type.Boolean(), edit: Type.Boolean(), close: Type.Boolean() }),
});

export const TaskQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("done"), Type.Literal("cancelled")])),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const TaskList = Type.Object({
  items: Type.Array(TaskView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const DoneBody = Type.Object(
  { result: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
