import { Type } from "typebox";

export const AreaLevel = Type.Union(
  ["district", "street", "community", "grid_layer", "grid", "micro_grid"].map((l) => Type.Literal(l)),
);

export const AreaSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  path: Type.String(),
});

export const AreaView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  path: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  center: Type.Union([Type.Object({ lat: Type.Number(), lng: Type.Number() }), Type.Null()]),
  geometry: Type.Union([Type.Unknown(), Type.Null()]),
  /** Problems kept from its import (shown to administrators), else null. */
  warnings: Type.Union([Type.Unknown(), Type.Null()]),
  /** What the actor may do next with this area; the server still checks. */
  can: Type.Object({
    edit: Type.Boolean(),
    import: Type.Boolean(),
    viewTeam: Type.Boolean(),
    manageTeam: Type.Boolean(),
  }),
});

export const ListAreasQuery = Type.Object({
  parent: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  level: Type.Optional(AreaLevel),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const AreaCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
