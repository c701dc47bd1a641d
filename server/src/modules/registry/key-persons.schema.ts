import { Type, type TSchema } from "typebox";
import { CARE_PLAN_KINDS, CARE_PLAN_OUTCOMES } from "./care-plans";
import { KEY_PERSON_CATEGORIES } from "./key-person-details";
import { AreaRef } from "./places.schema";
import { VISIT_METHODS } from "./visits";

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Id = Type.String({ format: "uuid" });
const Day = Type.String({ format: "date" });
const Instant = Type.String({ format: "date-time" });
const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const Code = Type.String({ minLength: 1, maxLength: 10 });

export const Category = Literals(KEY_PERSON_CATEGORIES);
export const IdParams = Type.Object({ id: Id });
export const HelperParams = Type.Object({ id: Id, helperId: Id });
export const ActionParams = Type.Object({ id: Id, actionId: Id });
export const UserParams = Type.Object({ userId: Id });

const Helper = Type.Object(
  {
    /** a user of the platform, or leave out and give a name (a relative, a volunteer…) */
    userId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    /** helper-role code: grid_worker, police, official, judicial, doctor, social_worker, family, volunteer, other */
    role: Type.String({ minLength: 1, maxLength: 40 }),
    fromOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    personId: Id,
    /** GB/T 31000: 01 released prisoner, 02 community corrections, 03 severe mental disorder, 04 drug user, 05 HIV risk, 06 key youth */
    category: Category,
    /** attention-level code: 01 high, 02 medium, 03 low */
    attentionLevel: Code,
    /** the category's own fields (GET /api/key-persons/categories); unknown fields → 400 naming them */
    details: Type.Record(Type.String(), Type.Unknown(), { default: {} }),
    startedOn: Day,
    visitIntervalDays: Type.Integer({ minimum: 1, maximum: 366, default: 30 }),
    helpers: Type.Optional(Type.Array(Helper, { maxItems: 20 })),
    employed: Type.Optional(Nullable(Type.Boolean())),
    /** the first visit's due date; by default one interval from today */
    firstVisitOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    attentionLevel: Type.Optional(Code),
    /** merged onto the stored details; null removes a field */
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    visitIntervalDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
    employed: Type.Optional(Nullable(Type.Boolean())),
    nextVisitOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export const EndBody = Type.Object(
  {
    /** termination-type code: 01 term ended, 02 sent to prison, 03 died, 04 moved, 99 other */
    termination: Code,
    on: Day,
  },
  { additionalProperties: false },
);

export const HelpersBody = Type.Object(
  { helpers: Type.Array(Helper, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);

export const ReadQuery = Type.Object({
  /** why the file is opened; kept in the audit record of the read */
  reason: Type.Optional(Type.String({ maxLength: 200 })),
});

export const ListQuery = Type.Object({
  category: Type.Optional(Category),
  attentionLevel: Type.Optional(Code),
  areaCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** only those whose next visit is due by today */
  visitDue: Type.Optional(Type.Boolean()),
  visitDueBefore: Type.Optional(Day),
  status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("ended")], { default: "active" })),
  /** name or pinyin-initials prefix */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const ListItem = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  idMasked: Nullable(Type.String()),
  category: Type.String(),
  categoryLabel: Nullable(Label),
  attentionLevel: Type.String(),
  attentionLabel: Nullable(Label),
  startedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  nextVisitOn: Nullable(Type.String()),
  visitOverdue: Type.Boolean(),
  area: AreaRef,
  status: Type.String(),
});
export const ListView = Type.Object({ items: Type.Array(ListItem), total: Type.Integer() });

export const VisitView = Type.Object({
  id: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  dueOn: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  doneBy: Nullable(Type.String()),
  method: Nullable(Type.String()),
  note: Nullable(Type.String()),
  findings: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

export const PlanView = Type.Object({
  id: Type.String(),
  keyPersonId: Type.String(),
  kind: Type.String(),
  goal: Type.String(),
  status: Type.String(),
  startOn: Type.String(),
  dueOn: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  version: Type.Integer(),
  actions: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Type.String(),
      dueOn: Nullable(Type.String()),
      doneAt: Nullable(Type.String()),
      result: Nullable(Type.String()),
    }),
  ),
});

export const KeyPersonView = Type.Object({
  id: Type.String(),
  person: Nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      idMasked: Nullable(Type.String()),
      phoneMasked: Nullable(Type.String()),
      sex: Nullable(Type.String()),
      sexLabel: Nullable(Label),
      birthDate: Nullable(Type.String()),
      currentAddress: Nullable(Type.String()),
      status: Type.String(),
    }),
  ),
  category: Type.String(),
  categoryLabel: Nullable(Label),
  attentionLevel: Type.String(),
  attentionLabel: Nullable(Label),
  /** the category's fields; phones masked */
  details: Type.Record(Type.String(), Type.Unknown()),
  startedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  termination: Nullable(Type.String()),
  visitIntervalDays: Type.Integer(),
  nextVisitOn: Nullable(Type.String()),
  visitOverdue: Type.Boolean(),
  employed: Nullable(Type.Boolean()),
  area: AreaRef,
  status: Type.String(),
  version: Type.Integer(),
  helpers: Type.Array(
    Type.Object({
      id: Type.String(),
      userId: Nullable(Type.String()),
      username: Nullable(Type.String()),
      name: Type.String(),
      role: Type.String(),
      fromOn: Nullable(Type.String()),
      toOn: Nullable(Type.String()),
    }),
  ),
  carePlans: Type.Array(PlanView),
  visits: Type.Object({ total: Type.Integer(), items: Type.Array(VisitView) }),
  can: Type.Object({
    edit: Type.Boolean(),
    end: Type.Boolean(),
    recordVisit: Type.Boolean(),
    addPlan: Type.Boolean(),
    addAction: Type.Boolean(),
  }),
});

export const CarePlanBody = Type.Object(
  {
    kind: Literals(CARE_PLAN_KINDS),
    goal: Type.String({ minLength: 1, maxLength: 500 }),
    startOn: Day,
    dueOn: Type.Optional(Day),
    actions: Type.Optional(
      Type.Array(
        Type.Object(
          { description: Type.String({ minLength: 1, maxLength: 500 }), dueOn: Type.Optional(Day) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 500 }),
    dueOn: Type.Optional(Day),
    doneAt: Type.Optional(Instant),
    result: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const ActionDoneBody = Type.Object(
  { doneAt: Instant, result: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const ClosePlanBody = Type.Object(
  { outcome: Literals(CARE_PLAN_OUTCOMES), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

const VisitFields = {
  doneAt: Instant,
  method: Literals(VISIT_METHODS),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  /** structured observations (living situation, medication taken, employment…) */
  findings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};
export const VisitBody = Type.Object(VisitFields, { additionalProperties: false });
export const RecordedVisit = Type.Object({ visit: VisitView, nextVisitOn: Nullable(Type.String()) });

export const CreateVisitBody = Type.Object(
  {
    subjectType: Type.Union([Type.Literal("place"), Type.Literal("household")]),
    subjectId: Id,
    /** schedule a visit due on this date … */
    dueOn: Type.Optional(Day),
    /** … or record one made */
    doneAt: Type.Optional(Instant),
    method: Type.Optional(Literals(VISIT_METHODS)),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    findings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const DueQuery = Type.Object({ before: Type.Optional(Day) });
export const DueView = Type.Object({
  before: Type.String(),
  items: Type.Array(
    Type.Object({
      type: Type.String(),
      /** the key person's id, or the scheduled visit's id for places and households */
      id: Type.String(),
      subjectId: Type.String(),
      title: Type.String(),
      category: Nullable(Type.String()),
      categoryLabel: Nullable(Label),
      dueOn: Type.String(),
      overdue: Type.Boolean(),
    }),
  ),
});

export const StatsQuery = Type.Object({
  areaCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
});

const Rate = Nullable(Type.Number());
export const StatsView = Type.Object({
  asOf: Type.String(),
  window: Type.Object({ from: Type.String(), to: Type.String() }),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      label: Nullable(Label),
      total: Type.Integer(),
      byLevel: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  total: Type.Integer(),
  visits: Type.Object({
    overdue: Type.Integer(),
    dueSoon: Type.Integer(),
    made: Type.Integer(),
    onTime: Type.Integer(),
    overdueInWindow: Type.Integer(),
    /** visits made by their due date ÷ (visits made with a due date + visits overdue now), in the window */
    onTimeRate: Rate,
  }),
  employment: Type.Array(
    Type.Object({
      category: Type.String(),
      label: Nullable(Label),
      workingAge: Type.Integer(),
      employed: Type.Integer(),
      unknown: Type.Integer(),
      /** employed ÷ active key persons aged 16–59 */
      rate: Rate,
    }),
  ),
  carePlans: Type.Object({
    active: Type.Integer(),
    closed: Type.Integer(),
    achieved: Type.Integer(),
    partly: Type.Integer(),
    notAchieved: Type.Integer(),
    /** achieved ÷ closed */
    achievedRate: Rate,
    byKind: Type.Array(
      Type.Object({
        kind: Type.String(),
        closed: Type.Integer(),
        achieved: Type.Integer(),
        achievedRate: Rate,
      }),
    ),
  }),
});

export const GrantsBody = Type.Object(
  { categories: Type.Array(Category, { maxItems: 6 }) },
  { additionalProperties: false },
);
export const GrantsView = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  categories: Type.Array(Type.String()),
});

export const CategoriesView = Type.Object({
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      label: Label,
      fields: Type.Array(
        Type.Object({
          name: Type.String(),
          type: Type.String(),
          label: Label,
          required: Type.Boolean(),
          table: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  helperRoles: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
  carePlanKinds: Type.Array(Type.String()),
  visitMethods: Type.Array(Type.String()),
});
