import { Type } from "typebox";
import { LEVELS, SOURCES, STAGES, URGENCIES } from "./event-config-types";

/** TypeBox schemas of the four configuration documents: the OpenAPI of the console's editors. */

const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max, pattern: "^[^\\u0000]*$" });
const Bilingual = Type.Object({ zh: Text(100), en: Text(200) }, { additionalProperties: false });
const Code = Type.String({ pattern: "^[0-9A-Za-z]{2,12}$" });
const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const UrgencySchema = lit(URGENCIES);
export const LevelSchema = lit(LEVELS);
export const SourceSchema = lit(SOURCES);

export const CategorySchema = Type.Object(
  {
    code: Code,
    parent: Type.Union([Code, Type.Null()]),
    name: Bilingual,
    public: Type.Boolean(),
    sensitive: Type.Boolean(),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const CategoriesDocSchema = Type.Object(
  { categories: Type.Array(CategorySchema, { minItems: 1, maxItems: 2000 }) },
  { additionalProperties: false },
);

const UnitCommon = {
  role: Type.Optional(lit(["lead", "assist"] as const)),
  required: Type.Optional(Type.Boolean()),
};
export const RouteUnitSchema = Type.Union([
  Type.Object({ department: Text(64), ...UnitCommon }, { additionalProperties: false }),
  Type.Object({ departmentKind: Text(64), ...UnitCommon }, { additionalProperties: false }),
  Type.Object({ teamRole: Text(64), ...UnitCommon }, { additionalProperties: false }),
  Type.Object({ police: Type.Literal(true), ...UnitCommon }, { additionalProperties: false }),
]);

export const RoutingRuleSchema = Type.Object(
  {
    id: Text(64),
    name: Type.Optional(Text(200)),
    areaCode: Type.Optional(Text(64)),
    category: Type.Optional(Code),
    urgency: Type.Optional(Type.Array(UrgencySchema, { minItems: 1, maxItems: 3 })),
    level: LevelSchema,
    units: Type.Array(RouteUnitSchema, { maxItems: 20 }),
    autoDispatch: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const RoutingDocSchema = Type.Object(
  {
    rules: Type.Array(RoutingRuleSchema, { minItems: 1, maxItems: 1000 }),
    skipLevel: Type.Object(
      {
        normal: Type.Optional(LevelSchema),
        urgent: Type.Optional(LevelSchema),
        critical: Type.Optional(LevelSchema),
      },
      { additionalProperties: false },
    ),
    iot: Type.Record(
      Type.String({ pattern: "^[a-z][a-z0-9_]{0,31}$" }),
      Type.Object(
        { category: Code, urgency: UrgencySchema, name: Bilingual },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const BudgetSchema = Type.Object(
  {
    amount: Type.Number({ minimum: 0, maximum: 10_000 }),
    unit: lit(["working_days", "working_hours", "natural_hours", "natural_days"] as const),
    yellowFraction: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
const budgetsOf = (optional: boolean) =>
  Type.Object(
    Object.fromEntries(
      [...STAGES, "total", "redo"].map((k) => [k, optional ? Type.Optional(BudgetSchema) : BudgetSchema]),
    ),
    { additionalProperties: false },
  );
export const SlaDocSchema = Type.Object(
  {
    yellowFraction: Type.Number({ minimum: 0, maximum: 1 }),
    maxExtensionDays: Type.Integer({ minimum: 0, maximum: 365 }),
    maxExtensions: Type.Integer({ minimum: 0, maximum: 20 }),
    default: budgetsOf(false),
    policies: Type.Array(
      Type.Object(
        {
          id: Text(64),
          name: Type.Optional(Text(200)),
          category: Type.Optional(Code),
          urgency: Type.Optional(Type.Array(UrgencySchema, { minItems: 1, maxItems: 3 })),
          budgets: budgetsOf(true),
          yellowFraction: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

const StateCode = Type.String({ pattern: "^[a-z][a-z0-9_]{0,31}$" });
export const StatesDocSchema = Type.Object(
  {
    initial: StateCode,
    maxReturns: Type.Integer({ minimum: 0, maximum: 20 }),
    states: Type.Array(
      Type.Object(
        {
          code: StateCode,
          name: Bilingual,
          publicName: Type.Optional(Bilingual),
          stage: Type.Union([lit(STAGES), Type.Null()]),
          paused: Type.Optional(Type.Boolean()),
          closes: Type.Optional(Type.Boolean()),
          final: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    transitions: Type.Array(
      Type.Object(
        {
          action: Text(64),
          from: Type.Array(Type.Union([StateCode, Type.Literal("*")]), { minItems: 1, maxItems: 100 }),
          to: Type.Union([StateCode, Type.Literal("@previous"), Type.Null()]),
          roles: Type.Array(Text(64), { minItems: 1, maxItems: 20 }),
          requires: Type.Array(Text(64), { maxItems: 20 }),
          clock: Type.Optional(lit(["auto", "restart", "redo", "keep"] as const)),
          outcomes: Type.Optional(
            Type.Record(
              Type.String({ pattern: "^[a-z_]{1,32}$" }),
              Type.Object(
                { to: StateCode, clock: Type.Optional(lit(["auto", "restart", "redo", "keep"] as const)) },
                { additionalProperties: false },
              ),
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export const CONFIG_SCHEMAS = {
  categories: CategoriesDocSchema,
  routing: RoutingDocSchema,
  sla: SlaDocSchema,
  states: StatesDocSchema,
} as const;
