import { Type } from "typebox";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const KpiDefinitionsView = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Bilingual,
      unit: Type.String(),
      formula: Type.String(),
      description: Bilingual,
    }),
  ),
});

export const KpiQuery = Type.Object({
  /** the area (default: my primary area; everything for an administrator without one) */
  areaCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** events created from (inclusive) … to (exclusive); default the last 30 days */
  from: Type.Optional(Type.String({ format: "date-time" })),
  to: Type.Optional(Type.String({ format: "date-time" })),
  /** a category code or code prefix */
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** "area": one row per child area (rankings, 晾晒比拼) */
  groupBy: Type.Optional(Type.Literal("area")),
});

const Counts = Type.Record(Type.String(), Type.Number());

export const KpiReportView = Type.Object({
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String(), path: Type.String() })),
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String(),
  category: Nullable(Type.String()),
  groupBy: Nullable(Type.String()),
  rows: Type.Array(
    Type.Object({
      area: Nullable(Type.Object({ code: Type.String(), name: Type.String(), path: Type.String() })),
      kind: Type.String(),
      counts: Counts,
      values: Type.Record(Type.String(), Nullable(Type.Number())),
    }),
  ),
});
