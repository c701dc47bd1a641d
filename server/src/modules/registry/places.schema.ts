import { Type, type TSchema } from "typebox";

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Id = Type.String({ format: "uuid" });
export const Day = Type.String({ format: "date" });
export const Text = (max: number) => Type.String({ maxLength: max });
export const Lat = Type.Number({ minimum: -90, maximum: 90 });
export const Lng = Type.Number({ minimum: -180, maximum: 180 });
export const AreaCode = Type.String({ minLength: 1, maxLength: 64 });
export const Version = Type.Integer({ minimum: 1, description: "the version read; a stale one answers 409" });
export const Label = Type.Object({ zh: Type.String(), en: Type.String() });
export const Colour = Type.Union([Type.Literal("red"), Type.Literal("yellow"), Type.Literal("green")]);
export const Reason = Type.String({ minLength: 5, maxLength: 200 });

export const IdParams = Type.Object({ id: Id });

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};
export const Location = {
  lat: Type.Optional(Lat),
  lng: Type.Optional(Lng),
  /** the area chosen by hand; wins over the point */
  areaCode: Type.Optional(AreaCode),
};
export const NullableLocation = {
  lat: Type.Optional(Nullable(Lat)),
  lng: Type.Optional(Nullable(Lng)),
  areaCode: Type.Optional(AreaCode),
};

export const AreaRef = Nullable(Type.Object({ code: Type.String(), name: Type.String() }));
export const PersonRef = Nullable(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    /** masked: 330212********1234 */
    idMasked: Nullable(Type.String()),
    /** masked: 138****5678 */
    phoneMasked: Nullable(Type.String()),
  }),
);
export const Named = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));
export const Common = {
  area: AreaRef,
  status: Type.String(),
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
};

export const DeregisterBody = Type.Object(
  {
    /** deregistration-reason code: demolished, closed, moved_away, other… */
    reason: Type.String({ minLength: 1, maxLength: 40 }),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export const DeregisteredView = Type.Object({
  id: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
});

export const FileSectionView = Type.Object({
  key: Type.String(),
  title: Label,
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      at: Nullable(Type.String()),
      status: Type.Optional(Type.String()),
      href: Type.Optional(Type.String()),
    }),
  ),
});

// places

const PlaceFields = {
  creditCode: Type.Optional(Text(40)),
  address: Type.Optional(Text(200)),
  ...Location,
  buildingId: Type.Optional(Id),
  responsibleName: Type.Optional(Text(50)),
  responsiblePhone: Type.Optional(Text(30)),
  safetyManagerPersonId: Type.Optional(Id),
  safetyManagerName: Type.Optional(Text(50)),
  safetyManagerPhone: Type.Optional(Text(30)),
  employees: Type.Optional(Type.Integer({ minimum: 0 })),
};
export const CreatePlaceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** place-type code: shop, restaurant, bar… */
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    ...PlaceFields,
    /** an initial colour opens the rating history */
    colour: Type.Optional(Colour),
  },
  { additionalProperties: false },
);
export const UpdatePlaceBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    creditCode: Type.Optional(Nullable(Text(40))),
    address: Type.Optional(Nullable(Text(200))),
    ...NullableLocation,
    buildingId: Type.Optional(Nullable(Id)),
    responsibleName: Type.Optional(Nullable(Text(50))),
    responsiblePhone: Type.Optional(Nullable(Text(30))),
    safetyManagerPersonId: Type.Optional(Nullable(Id)),
    safetyManagerName: Type.Optional(Nullable(Text(50))),
    safetyManagerPhone: Type.Optional(Nullable(Text(30))),
    employees: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  },
  { additionalProperties: false },
);

export const PlaceView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  kindLabel: Nullable(Label),
  creditCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  building: Named,
  /** phone masked; POST …/reveal-phone with a reason shows it */
  responsible: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  /** the venue's safety manager (平安经理) */
  safetyManager: Nullable(
    Type.Object({
      personId: Nullable(Type.String()),
      name: Nullable(Type.String()),
      phone: Nullable(Type.String()),
    }),
  ),
  colour: Nullable(Type.String()),
  colourSince: Nullable(Type.String()),
  employees: Nullable(Type.Integer()),
  ...Common,
  can: Type.Object({ edit: Type.Boolean(), rate: Type.Boolean(), revealPhone: Type.Boolean() }),
});

export const PlaceListQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  colour: Type.Optional(Colour),
  areaCode: Type.Optional(AreaCode),
  /** name prefix */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  hasSafetyManager: Type.Optional(Type.Boolean()),
  buildingId: Type.Optional(Id),
  ...Paging,
});
export const PlaceList = Type.Object({ items: Type.Array(PlaceView), total: Type.Integer() });

export const RatePlaceBody = Type.Object(
  {
    colour: Colour,
    reason: Type.String({ minLength: 2, maxLength: 500 }),
    /** what the rating was based on (an inspection's checklist…) */
    criteria: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const PlaceFileView = Type.Object({ place: PlaceView, sections: Type.Array(FileSectionView) });

export const RevealPlaceBody = Type.Object(
  {
    reason: Reason,
    whom: Type.Union([Type.Literal("responsible"), Type.Literal("safety_manager")]),
  },
  { additionalProperties: false },
);
export const RevealPlaceView = Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) });

// things

const ThingFields = {
  label: Type.Optional(Text(100)),
  serial: Type.Optional(Text(100)),
  address: Type.Optional(Text(200)),
  placeId: Type.Optional(Id),
  houseId: Type.Optional(Id),
  buildingId: Type.Optional(Id),
  installedOn: Type.Optional(Day),
  lastInspectedOn: Type.Optional(Day),
  nextInspectionOn: Type.Optional(Day),
  /** IoT device id its alarms carry; unique */
  deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};
export const CreateThingBody = Type.Object(
  {
    /** thing-type code: gas_cylinder, extinguisher, smoke_sensor, camera, micro_fire_station… */
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    ...ThingFields,
    ...Location,
  },
  { additionalProperties: false },
);
export const UpdateThingBody = Type.Object(
  {
    version: Version,
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    label: Type.Optional(Nullable(Text(100))),
    serial: Type.Optional(Nullable(Text(100))),
    address: Type.Optional(Nullable(Text(200))),
    placeId: Type.Optional(Nullable(Id)),
    houseId: Type.Optional(Nullable(Id)),
    buildingId: Type.Optional(Nullable(Id)),
    installedOn: Type.Optional(Nullable(Day)),
    lastInspectedOn: Type.Optional(Nullable(Day)),
    nextInspectionOn: Type.Optional(Nullable(Day)),
    deviceId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    attrs: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
    ...NullableLocation,
  },
  { additionalProperties: false },
);

export const ThingView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindLabel: Nullable(Label),
  label: Nullable(Type.String()),
  serial: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  address: Nullable(Type.String()),
  placeId: Nullable(Type.String()),
  houseId: Nullable(Type.String()),
  building: Named,
  installedOn: Nullable(Type.String()),
  lastInspectedOn: Nullable(Type.String()),
  nextInspectionOn: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  attrs: Nullable(Type.Record(Type.String(), Type.Unknown())),
  ...Common,
  can: Type.Object({ edit: Type.Boolean() }),
});
export const ThingDetailView = Type.Object({
  ...ThingView.properties,
  inspections: Type.Array(
    Type.Object({
      on: Type.String(),
      result: Type.String(),
      nextOn: Nullable(Type.String()),
      note: Nullable(Type.String()),
      by: Nullable(Type.String()),
      at: Nullable(Type.String()),
    }),
  ),
});

export const ThingListQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  areaCode: Type.Optional(AreaCode),
  placeId: Type.Optional(Id),
  houseId: Type.Optional(Id),
  buildingId: Type.Optional(Id),
  /** next inspection on or before this date */
  dueBefore: Type.Optional(Day),
  ...Paging,
});
export const ThingList = Type.Object({ items: Type.Array(ThingView), total: Type.Integer() });

export const InspectionBody = Type.Object(
  {
    on: Day,
    result: Type.Union([Type.Literal("pass"), Type.Literal("fail"), Type.Literal("fixed")]),
    /** when the next is due; by default after the kind's routine interval */
    nextOn: Type.Optional(Day),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
