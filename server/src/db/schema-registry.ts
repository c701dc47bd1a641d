import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areas, files, users } from "./schema-base";

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => ts("created_at").notNull().defaultNow();
const updatedAt = () => ts("updated_at").notNull().defaultNow();

/**
 * Columns every registry record carries: the smallest area containing it (and that area's path, kept
 * beside it so lists filter by scope with a prefix match), a status and an optimistic-lock version.
 */
export const located = () => ({
  areaId: uuid("area_id").references(() => areas.id),
  areaPath: text("area_path"),
  status: text("status").notNull().default("active"),
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const STATUS_CK = (status: unknown) => sql`${status} in ('active','deregistered','archived','purged')`;

/**
 * A person (GB/T 31000 person block). ID number and phone are encrypted; a keyed blind index finds
 * them exactly; the masked form and the last four characters are kept for lists and tail search.
 */
export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    formerNames: text("former_names").array(),
    namePinyin: text("name_pinyin"),
    nameInitials: text("name_initials"),
    docType: text("doc_type").notNull().default("resident_id"),
    idEnc: text("id_enc"),
    idIndex: text("id_index"),
    idMasked: text("id_masked"),
    idTail: text("id_tail"),
    phoneEnc: text("phone_enc"),
    phoneIndex: text("phone_index"),
    phoneMasked: text("phone_masked"),
    phoneTail: text("phone_tail"),
    sex: text("sex"),
    birthDate: date("birth_date"),
    ethnicity: text("ethnicity"),
    maritalStatus: text("marital_status"),
    education: text("education"),
    politicalStatus: text("political_status"),
    religion: text("religion"),
    nationality: text("nationality").default("CHN"),
    occupation: text("occupation"),
    workplace: text("workplace"),
    hukouDivision: text("hukou_division"),
    hukouAddress: text("hukou_address"),
    currentAddress: text("current_address"),
    houseId: uuid("house_id"),
    householdId: uuid("household_id"),
    residentType: text("resident_type").notNull().default("registered"),
    /** Floating-population registration: reason for moving in, permit type, registered on, origin. */
    floating: jsonb("floating"),
    permitExpiresOn: date("permit_expires_on"),
    livesAlone: boolean("lives_alone").notNull().default(false),
    deregisteredReason: text("deregistered_reason"),
    deregisteredOn: date("deregistered_on"),
    purgeAfter: date("purge_after"),
    /** Local extensions (the "X" of 9+X), validated by the registry's field definitions. */
    extra: jsonb("extra"),
    importId: uuid("import_id"),
    ...located(),
  },
  (t) => [
    uniqueIndex("persons_id_index_uq")
      .on(t.idIndex)
      .where(sql`${t.idIndex} is not null and ${t.status} <> 'purged'`),
    index("persons_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    index("persons_name_idx").on(t.name.op("text_pattern_ops")),
    index("persons_initials_idx").on(t.nameInitials.op("text_pattern_ops")),
    index("persons_pinyin_idx").on(t.namePinyin.op("text_pattern_ops")),
    index("persons_id_tail_idx").on(t.idTail),
    index("persons_phone_tail_idx").on(t.phoneTail),
    index("persons_phone_index_idx").on(t.phoneIndex),
    // address search in the person list: a prefix match on the current address
    index("persons_current_address_idx").on(t.currentAddress.op("text_pattern_ops")),
    index("persons_household_idx").on(t.householdId),
    index("persons_house_idx").on(t.houseId),
    index("persons_permit_expiry_idx")
      .on(t.permitExpiresOn)
      .where(sql`${t.permitExpiresOn} is not null`),
    check("persons_status_ck", STATUS_CK(t.status)),
    check("persons_resident_type_ck", sql`${t.residentType} in ('registered','floating','foreign')`),
  ],
);

/** One file per household (一户一档). */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code"),
    houseId: uuid("house_id"),
    address: text("address"),
    headPersonId: uuid("head_person_id"),
    note: text("note"),
    ...located(),
  },
  (t) => [
    uniqueIndex("households_code_uq")
      .on(t.code)
      .where(sql`${t.code} is not null`),
    index("households_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    check("households_status_ck", STATUS_CK(t.status)),
  ],
);

/** Membership of a household with the relation to its head (GB/T 4761); leaving keeps the row. */
export const householdMembers = pgTable(
  "household_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    relation: text("relation").notNull(),
    joinedOn: date("joined_on"),
    leftOn: date("left_on"),
  },
  (t) => [
    uniqueIndex("household_members_current_uq")
      .on(t.personId)
      .where(sql`${t.leftOn} is null`),
    index("household_members_household_idx").on(t.householdId),
  ],
);

/** A building: high-rises carry a safety star rating (高楼安全星级). */
export const buildings = pgTable(
  "buildings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    address: text("address"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    floors: integer("floors"),
    isHighRise: boolean("is_high_rise").notNull().default(false),
    starRating: smallint("star_rating"),
    ratedOn: date("rated_on"),
    ...located(),
  },
  (t) => [
    index("buildings_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    check("buildings_star_ck", sql`${t.starRating} is null or ${t.starRating} between 1 and 5`),
    check("buildings_status_ck", STATUS_CK(t.status)),
  ],
);

/** A house or room: owner, landlord, use, size, rented or not, group rental (群租房). */
export const houses = pgTable(
  "houses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    buildingId: uuid("building_id").references(() => buildings.id),
    address: text("address").notNull(),
    unit: text("unit"),
    room: text("room"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    ownerPersonId: uuid("owner_person_id").references(() => persons.id),
    landlordPersonId: uuid("landlord_person_id").references(() => persons.id),
    use: text("use").notNull().default("residential"),
    floorArea: doublePrecision("floor_area"),
    isRented: boolean("is_rented").notNull().default(false),
    isGroupRental: boolean("is_group_rental").notNull().default(false),
    ...located(),
  },
  (t) => [
    index("houses_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    index("houses_building_idx").on(t.buildingId),
    index("houses_address_idx").on(t.address.op("text_pattern_ops")),
    check("houses_status_ck", STATUS_CK(t.status)),
  ],
);

/** A tenant's stay in a house, with dates. */
export const tenancies = pgTable(
  "tenancies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    houseId: uuid("house_id")
      .notNull()
      .references(() => houses.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    startOn: date("start_on").notNull(),
    endOn: date("end_on"),
    createdAt: createdAt(),
  },
  (t) => [index("tenancies_house_idx").on(t.houseId), index("tenancies_person_idx").on(t.personId)],
);

/** Places and enterprises (场所): type, credit code, responsible person, safety manager, colour rating. */
export const places = pgTable(
  "places",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    creditCode: text("credit_code"),
    address: text("address"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    buildingId: uuid("building_id").references(() => buildings.id),
    responsibleName: text("responsible_name"),
    responsiblePhoneEnc: text("responsible_phone_enc"),
    responsiblePhoneMasked: text("responsible_phone_masked"),
    /** The venue's safety manager (平安经理): a registry person when known. */
    safetyManagerPersonId: uuid("safety_manager_person_id").references(() => persons.id),
    safetyManagerName: text("safety_manager_name"),
    safetyManagerPhoneEnc: text("safety_manager_phone_enc"),
    safetyManagerPhoneMasked: text("safety_manager_phone_masked"),
    colour: text("colour"),
    colourSince: date("colour_since"),
    employees: integer("employees"),
    extra: jsonb("extra"),
    ...located(),
  },
  (t) => [
    uniqueIndex("places_credit_code_uq")
      .on(t.creditCode)
      .where(sql`${t.creditCode} is not null and ${t.status} = 'active'`),
    index("places_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    index("places_kind_idx").on(t.kind),
    check("places_colour_ck", sql`${t.colour} is null or ${t.colour} in ('red','yellow','green')`),
    check("places_status_ck", STATUS_CK(t.status)),
  ],
);

/** Rating history: a place's colour (red/yellow/green) or a building's stars, with the criteria met. */
export const ratings = pgTable(
  "ratings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    criteria: jsonb("criteria"),
    reason: text("reason"),
    ratedBy: uuid("rated_by").references(() => users.id),
    ratedAt: ts("rated_at").notNull(),
  },
  (t) => [
    index("ratings_subject_idx").on(t.subjectType, t.subjectId, t.ratedAt),
    check("ratings_kind_ck", sql`${t.kind} in ('colour','stars')`),
  ],
);

/** Things (物): gas cylinders, extinguishers, smoke sensors, cameras, micro fire stations. */
export const things = pgTable(
  "things",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    label: text("label"),
    serial: text("serial"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    address: text("address"),
    placeId: uuid("place_id").references(() => places.id),
    houseId: uuid("house_id").references(() => houses.id),
    buildingId: uuid("building_id").references(() => buildings.id),
    installedOn: date("installed_on"),
    lastInspectedOn: date("last_inspected_on"),
    nextInspectionOn: date("next_inspection_on"),
    /** IoT devices: the id their alarms carry, so a webhook finds the thing and its place. */
    deviceId: text("device_id"),
    attrs: jsonb("attrs"),
    ...located(),
  },
  (t) => [
    index("things_area_path_idx").on(t.areaPath.op("text_pattern_ops")),
    index("things_kind_idx").on(t.kind),
    uniqueIndex("things_device_uq")
      .on(t.deviceId)
      .where(sql`${t.deviceId} is not null`),
    check("things_status_ck", STATUS_CK(t.status)),
  ],
);

/** Every change to a registry record: who, when, what before and after (sensitive fields as "changed"). */
export const registryChanges = pgTable(
  "registry_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    version: integer("version").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name"),
    at: ts("at").notNull(),
  },
  (t) => [index("registry_changes_subject_idx").on(t.subjectType, t.subjectId, t.id)],
);

/** One Excel/CSV import into the registry: validated whole first, then loaded in batches that resume. */
export const registryImports = pgTable(
  "registry_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    fileId: text("file_id").references(() => files.id),
    fileDigest: text("file_digest").notNull(),
    fileName: text("file_name"),
    status: text("status").notNull(),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    errors: jsonb("errors"),
    areaId: uuid("area_id").references(() => areas.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("registry_imports_digest_idx").on(t.kind, t.fileDigest),
    check(
      "registry_imports_status_ck",
      sql`${t.status} in ('validating','invalid','loading','done','failed')`,
    ),
  ],
);

/**
 * Validated rows of a registry import waiting to be loaded (staging): written by the validation
 * pass, read in order of `seq` by the load, which resumes after `registry_imports.processed_rows`;
 * removed when the import ends. `data` is the row's checked input as JSON text.
 */
export const registryImportRows = pgTable(
  "registry_import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => registryImports.id, { onDelete: "cascade" }),
    /** 1, 2, 3… in file order: the load takes seq > processed_rows. */
    seq: integer("seq").notNull(),
    /** The row number as the spreadsheet shows it (the header is row 1). */
    rowNo: integer("row_no").notNull(),
    data: text("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
