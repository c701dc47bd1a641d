import { Type } from "typebox";
import { CRS_VALUES } from "../areas/geo/crs";

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: "^\\S(.*\\S)?$" });
export const Crs = Type.Union(
  CRS_VALUES.map((c) => Type.Literal(c)),
  { default: "wgs84" },
);

export const DistrictCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const CreateDistrictBody = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** the police station (派出所) as a department code */
    station: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** a GeoJSON Polygon or MultiPolygon; checked like an area's boundary (422 with problems) */
    geometry: Type.Optional(Type.Unknown()),
    crs: Type.Optional(Crs),
  },
  { additionalProperties: false },
);

export const ImportDistrictsQuery = Type.Object({
  codeProp: Type.String({ minLength: 1, maxLength: 100 }),
  nameProp: Type.String({ minLength: 1, maxLength: 100 }),
  /** property holding the station's department code, when the file has one */
  stationProp: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  strict: Type.Boolean({ default: false }),
  crs: Crs,
});

export const SetGridsBody = Type.Object(
  { gridCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 5000 }) },
  { additionalProperties: false },
);

export const SetOfficersBody = Type.Object(
  { usernames: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 }) },
  { additionalProperties: false },
);

const Problem = Type.Object({
  featureIndex: Type.Union([Type.Integer(), Type.Null()]),
  code: Type.Optional(Type.String()),
  kind: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  position: Type.Optional(Type.Array(Type.Number())),
  otherIndex: Type.Optional(Type.Integer()),
});

const Named = Type.Object({ code: Type.String(), name: Type.String() });
const Officer = Type.Object({ username: Type.String(), displayName: Type.String() });

/** A district as lists show it: the grids are only those in the reader's scope. */
export const DistrictSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  station: Type.Union([Named, Type.Null()]),
  hasGeometry: Type.Boolean(),
  grids: Type.Array(Named),
  officers: Type.Array(Officer),
  can: Type.Object({ manage: Type.Boolean() }),
});

export const DistrictView = Type.Object({
  ...DistrictSummary.properties,
  geometry: Type.Union([Type.Unknown(), Type.Null()]),
});

export const CreatedDistrict = Type.Object({ ...DistrictView.properties, warnings: Type.Array(Problem) });

export const ImportReport = Type.Object({
  features: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  warnings: Type.Array(Problem),
});

export const DistrictOfArea = Type.Object({
  policeDistrict: Type.Union([
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      station: Type.Union([Named, Type.Null()]),
      officers: Type.Array(Officer),
      /** how it was found: the grid's mapping, or the district polygon holding the grid's centre */
      via: Type.Union([Type.Literal("mapping"), Type.Literal("polygon")]),
    }),
    Type.Null(),
  ]),
});
