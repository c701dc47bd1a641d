/** Request and response schemas of registry import and export (the OpenAPI source). */
import { Type } from "typebox";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Message = Type.Object({ zh: Type.String(), en: Type.String() });
const Text = (max: number) => Type.String({ maxLength: max });

export const KindSchema = Type.Union([
  Type.Literal("persons"),
  Type.Literal("places"),
  Type.Literal("houses"),
]);

export const TemplateParams = Type.Object({
  file: Type.String({ pattern: "^(persons|places|houses)\\.(xlsx|csv)$" }),
});

export const ImportParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const ImportListQuery = Type.Object(
  {
    /** only the imports I started */
    mine: Type.Optional(Type.Boolean()),
    kind: Type.Optional(KindSchema),
    status: Type.Optional(
      Type.Union(["validating", "invalid", "loading", "done", "failed"].map((s) => Type.Literal(s))),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const RowProblemSchema = Type.Object({
  /** the row number as the spreadsheet shows it (the header is row 1) */
  row: Type.Integer(),
  /** the field of the record (English key, e.g. idNumber, floating.permitType) */
  field: Type.String(),
  /** the column's Chinese header, when the problem is about one column */
  column: Type.Optional(Type.String()),
  code: Type.String(),
  message: Message,
});

const Summary = {
  id: Type.String(),
  kind: Type.String(),
  /** validating → invalid (nothing imported) | loading → done; failed after repeated errors */
  status: Type.String(),
  fileName: Nullable(Type.String()),
  /** SHA-256 of the uploaded file: the same file again answers this import */
  fileDigest: Type.String(),
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  counts: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }),
  problemCount: Type.Integer(),
  createdBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  can: Type.Object({ downloadErrors: Type.Boolean() }),
};

export const ImportSummary = Type.Object(Summary);

export const ImportView = Type.Object({
  ...Summary,
  /** the first 1,000 problems, by row; problemCount has them all */
  errors: Type.Array(RowProblemSchema),
  errorsTruncated: Type.Boolean(),
  /** headers the file had that no column of the kind has (ignored) */
  ignoredColumns: Type.Array(Type.String()),
  failure: Nullable(Type.String()),
});

export const ImportList = Type.Object({
  items: Type.Array(ImportSummary),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ExportQuery = Type.Object(
  {
    /** the console's person filters: name/pinyin/ID tail/phone tail/address search */
    q: Type.Optional(Text(100)),
    areaCode: Type.Optional(Text(40)),
    residentType: Type.Optional(
      Type.Union([Type.Literal("registered"), Type.Literal("floating"), Type.Literal("foreign")]),
    ),
    status: Type.Optional(Type.Union(["active", "deregistered", "all"].map((c) => Type.Literal(c)))),
    livesAlone: Type.Optional(Type.Boolean()),
    householdId: Type.Optional(Type.String({ format: "uuid" })),
    houseId: Type.Optional(Type.String({ format: "uuid" })),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  },
  { additionalProperties: false },
);
