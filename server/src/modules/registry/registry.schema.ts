import { Type, type TSchema } from "typebox";

/**
 * Request and response schemas of persons and households (the OpenAPI source). Values are checked
 * here only for shape; their meaning (ID checksum, code tables, dates) is checked by the domain,
 * which names the field in a 400 and reports every problem in `problems`.
 */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ maxLength: max });
const Id = Type.String({ format: "uuid" });
const Obj = Type.Object({}, { additionalProperties: true });

export const DocTypeSchema = Type.Union(
  ["resident_id", "hkmo_permit", "tw_permit", "foreign_pr", "passport", "other"].map((c) => Type.Literal(c)),
);
export const ResidentTypeSchema = Type.Union(
  ["registered", "floating", "foreign"].map((c) => Type.Literal(c)),
);

const Floating = Type.Object(
  {
    /** reason for moving in (流入原因) */
    reason: Type.Optional(Text(200)),
    /** 办证类型: 01 residence permit, 02 temporary residence permit, 99 other */
    permitType: Type.Optional(Text(10)),
    registeredOn: Type.Optional(Text(10)),
    permitExpiresOn: Type.Optional(Text(10)),
    origin: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

const personFields = {
  name: Text(100),
  formerNames: Type.Array(Text(100), { maxItems: 10 }),
  docType: DocTypeSchema,
  /** any form: spaces, full-width digits, a lower-case x and the old 15 digits are accepted */
  idNumber: Text(60),
  phone: Text(30),
  /** GB/T 2261.1: 1 male, 2 female (derived from a resident ID when absent) */
  sex: Text(2),
  birthDate: Text(10),
  /** GB/T 3304, two digits ("01" Han) */
  ethnicity: Text(2),
  /** GB/T 2261.2 */
  maritalStatus: Text(2),
  /** GB/T 4658 */
  education: Text(2),
  /** GB/T 4762 */
  politicalStatus: Text(2),
  religion: Text(50),
  /** GB/T 2659 alpha-3 ("CHN") */
  nationality: Text(3),
  occupation: Text(100),
  workplace: Text(200),
  /** GB/T 2260 six digits */
  hukouDivision: Text(6),
  hukouAddress: Text(200),
  currentAddress: Text(200),
  /** the house lived in: places the person in the house's area */
  houseId: Id,
  residentType: ResidentTypeSchema,
  floating: Floating,
  livesAlone: Type.Boolean(),
  /** the area, when no house is given; default: the acting user's own area */
  areaCode: Text(40),
  extra: Obj,
};

type Fields = typeof personFields;
const optional = <K extends keyof Fields>(keys: K[], nullable: boolean) =>
  Object.fromEntries(
    keys.map((k) => [
      k,
      Type.Optional(nullable && k !== "name" ? Nullable(personFields[k]) : personFields[k]),
    ]),
  );
const ALL = Object.keys(personFields) as (keyof Fields)[];

export const CreatePersonBody = Type.Object(
  { ...optional(ALL, false), name: personFields.name },
  { additionalProperties: false },
);

export const UpdatePersonBody = Type.Object(
  { ...optional(ALL, true), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const AreaRef = Nullable(
  Type.Object({ id: Type.String(), code: Nullable(Type.String()), name: Nullable(Type.String()) }),
);
const S = Nullable(Type.String());

export const PersonView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  formerNames: Type.Array(Type.String()),
  docType: Type.String(),
  /** masked ("330212********1234"); POST /api/persons/:id/reveal with a reason shows it in clear */
  idNumber: S,
  /** masked ("138****5678") */
  phone: S,
  sex: S,
  birthDate: S,
  age: Nullable(Type.Integer()),
  minor: Type.Boolean(),
  ethnicity: S,
  maritalStatus: S,
  education: S,
  politicalStatus: S,
  religion: S,
  nationality: S,
  occupation: S,
  workplace: S,
  hukouDivision: S,
  hukouAddress: S,
  currentAddress: S,
  houseId: S,
  householdId: S,
  residentType: Type.String(),
  floating: Nullable(Obj),
  permitExpiresOn: S,
  livesAlone: Type.Boolean(),
  labels: Type.Record(Type.String(), Type.String()),
  area: AreaRef,
  status: Type.String(),
  deregistration: Nullable(Type.Object({ reason: S, on: S, purgeAfter: S })),
  extra: Nullable(Obj),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  can: Type.Object({ edit: Type.Boolean(), reveal: Type.Boolean(), deregister: Type.Boolean() }),
});

export const PersonListQuery = Type.Object(
  {
    /** name or its prefix, pinyin or initials, ID tail (4–6), phone tail (4), full ID or phone, address prefix */
    q: Type.Optional(Text(100)),
    areaCode: Type.Optional(Text(40)),
    residentType: Type.Optional(ResidentTypeSchema),
    /** active (default), deregistered, purged, or all (everything not purged) */
    status: Type.Optional(
      Type.Union(["active", "deregistered", "purged", "all"].map((c) => Type.Literal(c))),
    ),
    livesAlone: Type.Optional(Type.Boolean()),
    householdId: Type.Optional(Id),
    houseId: Type.Optional(Id),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const Paged = {
  total: Type.Integer(),
  /** more than 10,000 match; total says 10,000 */
  totalCapped: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
};

export const PersonList = Type.Object({
  items: Type.Array(PersonView),
  ...Paged,
  /** how q was read: none, id, phone, tail, pinyin, name, address */
  mode: Type.String(),
});

export const RevealBody = Type.Object(
  {
    field: Type.Union([Type.Literal("idNumber"), Type.Literal("phone")]),
    /** why the value is needed (5–200 characters), kept in the audit trail */
    reason: Text(500),
  },
  { additionalProperties: false },
);
export const RevealView = Type.Object({ field: Type.String(), value: S });

export const DeregisterBody = Type.Object(
  {
    reason: Type.Union(["moved_away", "died", "other"].map((c) => Type.Literal(c))),
    on: Text(10),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

export const ChangeList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      version: Type.Integer(),
      action: Type.String(),
      before: Nullable(Obj),
      after: Nullable(Obj),
      actorName: S,
      at: Type.String(),
    }),
  ),
});

const MemberInput = Type.Object(
  {
    personId: Id,
    /** GB/T 4761: 02 head, 10 spouse, 20 son, 30 daughter… */
    relation: Text(2),
    joinedOn: Type.Optional(Text(10)),
  },
  { additionalProperties: false },
);
export const AddMemberBody = MemberInput;
export const MemberParams = Type.Object({ id: Id, personId: Id });
export const RemoveMemberQuery = Type.Object(
  { on: Type.Optional(Text(10)) },
  { additionalProperties: false },
);

export const CreateHouseholdBody = Type.Object(
  {
    /** household register number (户号) */
    code: Type.Optional(Text(40)),
    houseId: Type.Optional(Id),
    areaCode: Type.Optional(Text(40)),
    address: Type.Optional(Text(300)),
    note: Type.Optional(Text(2000)),
    members: Type.Optional(Type.Array(MemberInput, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const UpdateHouseholdBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    code: Type.Optional(Nullable(Text(40))),
    houseId: Type.Optional(Nullable(Id)),
    areaCode: Type.Optional(Text(40)),
    address: Type.Optional(Nullable(Text(300))),
    note: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);

const HouseholdFields = {
  id: Type.String(),
  code: S,
  address: S,
  houseId: S,
  note: S,
  head: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  memberCount: Type.Integer(),
  /** current members include floating residents, someone living alone, minors, elderly (60+) */
  flags: Type.Object({
    floating: Type.Boolean(),
    livesAlone: Type.Boolean(),
    minors: Type.Boolean(),
    elderly: Type.Boolean(),
  }),
  area: AreaRef,
  status: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  can: Type.Object({ edit: Type.Boolean() }),
};
export const HouseholdSummary = Type.Object(HouseholdFields);

const Member = Type.Object({
  personId: Type.String(),
  relation: Type.String(),
  relationLabel: S,
  joinedOn: S,
  leftOn: S,
  /** null when the member is registered outside the reader's scope */
  person: Nullable(PersonView),
});
export const HouseholdView = Type.Object({
  ...HouseholdFields,
  members: Type.Array(Member),
  formerMembers: Type.Array(Member),
});

export const HouseholdListQuery = Type.Object(
  {
    /** household number, or address prefix */
    q: Type.Optional(Text(100)),
    areaCode: Type.Optional(Text(40)),
    houseId: Type.Optional(Id),
    status: Type.Optional(Type.Union(["active", "archived", "deregistered"].map((c) => Type.Literal(c)))),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export const HouseholdList = Type.Object({ items: Type.Array(HouseholdSummary), ...Paged });

const House = Nullable(
  Type.Object({
    id: Type.String(),
    address: Type.String(),
    unit: S,
    room: S,
    use: Type.String(),
    isRented: Type.Boolean(),
    isGroupRental: Type.Boolean(),
    buildingId: S,
    areaId: S,
    status: Type.String(),
  }),
);
const Section = Type.Object({
  key: Type.String(),
  title: Label,
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      at: S,
      status: Type.Optional(Type.String()),
      href: Type.Optional(Type.String()),
    }),
  ),
});

export const PersonFileView = Type.Object({
  person: PersonView,
  household: Nullable(HouseholdView),
  house: House,
  sections: Type.Array(Section),
});
export const HouseholdFileView = Type.Object({
  household: HouseholdView,
  house: House,
  sections: Type.Array(Section),
});

export const RegistrySettings = Type.Object(
  {
    retention: Type.Object(
      {
        /** days from deregistration to purging personal data (default 1095, three years) */
        deregisteredDays: Type.Integer({ minimum: 30, maximum: 36_500 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
