import { Type } from "typebox";
import {
  AreaCode,
  Common,
  Day,
  FileSectionView,
  Id,
  Label,
  Location,
  Named,
  Nullable,
  NullableLocation,
  Paging,
  PersonRef,
  Reason,
  Text,
  Version,
} from "./places.schema";

export const TenancyParams = Type.Object({ id: Id, tid: Id });

// buildings

export const CreateBuildingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.Optional(Text(200)),
    ...Location,
    floors: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    /** by default a building of 10 floors or more */
    isHighRise: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateBuildingBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    address: Type.Optional(Nullable(Text(200))),
    ...NullableLocation,
    floors: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 200 }))),
    isHighRise: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const BuildingView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  floors: Nullable(Type.Integer()),
  isHighRise: Type.Boolean(),
  /** high-rise safety stars 1–5, from the latest rating */
  starRating: Nullable(Type.Integer()),
  ratedOn: Nullable(Type.String()),
  houses: Type.Integer(),
  ...Common,
  can: Type.Object({ edit: Type.Boolean(), rate: Type.Boolean() }),
});

export const BuildingListQuery = Type.Object({
  areaCode: Type.Optional(AreaCode),
  isHighRise: Type.Optional(Type.Boolean()),
  stars: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  /** name prefix */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  ...Paging,
});
export const BuildingList = Type.Object({ items: Type.Array(BuildingView), total: Type.Integer() });

export const RateBuildingBody = Type.Object(
  {
    /** every item of the checklist (GET /api/buildings/rating-criteria) answered true or false */
    criteria: Type.Record(Type.String(), Type.Unknown()),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export const RatedBuilding = Type.Object({
  ...BuildingView.properties,
  rating: Type.Object({
    stars: Type.Integer(),
    met: Type.Array(Type.String()),
    essentialMissed: Type.Array(Type.String()),
    total: Type.Integer(),
  }),
});
export const CriteriaView = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), label: Label, essential: Type.Boolean() })),
  levels: Type.Array(
    Type.Object({ stars: Type.Integer(), minMet: Type.Integer(), allEssential: Type.Boolean() }),
  ),
});

export const RatingList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      value: Type.String(),
      criteria: Type.Unknown(),
      reason: Nullable(Type.String()),
      ratedBy: Nullable(Type.String()),
      ratedAt: Type.String(),
    }),
  ),
});

// houses

const HouseFields = {
  buildingId: Type.Optional(Id),
  unit: Type.Optional(Text(20)),
  room: Type.Optional(Text(20)),
  ...Location,
  ownerPersonId: Type.Optional(Id),
  landlordPersonId: Type.Optional(Id),
  /** house-use code */
  use: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  /** m² */
  floorArea: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  isRented: Type.Optional(Type.Boolean()),
  isGroupRental: Type.Optional(Type.Boolean()),
};
export const CreateHouseBody = Type.Object(
  { address: Type.String({ minLength: 1, maxLength: 200 }), ...HouseFields },
  { additionalProperties: false },
);
export const UpdateHouseBody = Type.Object(
  {
    version: Version,
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    buildingId: Type.Optional(Nullable(Id)),
    unit: Type.Optional(Nullable(Text(20))),
    room: Type.Optional(Nullable(Text(20))),
    ...NullableLocation,
    ownerPersonId: Type.Optional(Nullable(Id)),
    landlordPersonId: Type.Optional(Nullable(Id)),
    use: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    floorArea: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0 }))),
    isRented: Type.Optional(Type.Boolean()),
    isGroupRental: Type.Optional(Type.Boolean()),
    /** why, kept with the change (e.g. "隔断已拆除，复查合格" when clearing the group-rental flag) */
    reason: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const HouseView = Type.Object({
  id: Type.String(),
  address: Type.String(),
  unit: Nullable(Type.String()),
  room: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  building: Named,
  owner: PersonRef,
  landlord: PersonRef,
  use: Type.String(),
  useLabel: Nullable(Label),
  floorArea: Nullable(Type.Number()),
  isRented: Type.Boolean(),
  isGroupRental: Type.Boolean(),
  ...Common,
  can: Type.Object({ edit: Type.Boolean(), revealOwnerPhone: Type.Boolean() }),
});

export const HouseListQuery = Type.Object({
  areaCode: Type.Optional(AreaCode),
  buildingId: Type.Optional(Id),
  isRented: Type.Optional(Type.Boolean()),
  isGroupRental: Type.Optional(Type.Boolean()),
  use: Type.Optional(Type.String({ maxLength: 40 })),
  /** address prefix */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ...Paging,
});
export const HouseList = Type.Object({ items: Type.Array(HouseView), total: Type.Integer() });

export const TenancyBody = Type.Object(
  { personId: Id, startOn: Day, endOn: Type.Optional(Nullable(Day)) },
  { additionalProperties: false },
);
export const EndTenancyBody = Type.Object({ on: Day }, { additionalProperties: false });
export const TenancyView = Type.Object({
  id: Type.String(),
  houseId: Type.String(),
  person: PersonRef,
  startOn: Type.String(),
  endOn: Nullable(Type.String()),
  current: Type.Boolean(),
});

export const HouseFileView = Type.Object({
  house: HouseView,
  residents: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      idMasked: Nullable(Type.String()),
      phoneMasked: Nullable(Type.String()),
      residentType: Type.String(),
    }),
  ),
  tenancies: Type.Array(Type.Omit(TenancyView, ["houseId"])),
  sections: Type.Array(FileSectionView),
});

export const RevealOwnerBody = Type.Object(
  {
    reason: Reason,
    whom: Type.Optional(Type.Union([Type.Literal("owner"), Type.Literal("landlord")], { default: "owner" })),
  },
  { additionalProperties: false },
);
export const RevealOwnerView = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
});
