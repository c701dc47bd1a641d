/** Response and request shapes of the registry API (人房企事物), as the console uses them. */

/** An area as registry records carry it. */
export interface RegistryAreaRef {
  id?: string;
  code: string | null;
  name: string | null;
}

/** A list answer: the page of items and how many there are in all. */
export interface RegistryPage<T> {
  items: T[];
  total: number;
  /** True when the server stopped counting (the total is a lower bound). */
  totalCapped?: boolean;
  page?: number;
  pageSize?: number;
}

/** A person as lists and files show them: ID number and phone masked. */
export interface PersonView {
  id: string;
  name: string;
  formerNames: string[];
  docType: string;
  /** Masked, e.g. `330212********1234`; a reveal with a reason shows it in clear. */
  idNumber: string | null;
  /** Masked, e.g. `138****5678`. */
  phone: string | null;
  sex: string | null;
  birthDate: string | null;
  age: number | null;
  minor: boolean;
  ethnicity: string | null;
  maritalStatus: string | null;
  education: string | null;
  politicalStatus: string | null;
  religion: string | null;
  nationality: string | null;
  occupation: string | null;
  workplace: string | null;
  hukouDivision: string | null;
  hukouAddress: string | null;
  currentAddress: string | null;
  houseId: string | null;
  householdId: string | null;
  residentType: string;
  floating: FloatingInfo | null;
  permitExpiresOn: string | null;
  livesAlone: boolean;
  /** Chinese labels of the coded fields. */
  labels: Record<string, string>;
  area: RegistryAreaRef | null;
  status: string;
  deregistration: { reason: string | null; on: string | null; purgeAfter: string | null } | null;
  extra: Record<string, unknown> | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  can: { edit: boolean; reveal: boolean; deregister: boolean };
}

/** Floating-population registration (流动人口登记). */
export interface FloatingInfo {
  reason?: string;
  permitType?: string;
  registeredOn?: string;
  permitExpiresOn?: string;
  origin?: string;
}

/** `GET /api/persons`: how the search text was read (id, phone, tail, pinyin, name, address, none). */
export interface PersonList extends RegistryPage<PersonView> {
  mode: string;
}

/** The house a person or household file shows, in short. */
export interface HouseSummary {
  id: string;
  address: string;
  unit: string | null;
  room: string | null;
  use: string;
  isRented: boolean;
  isGroupRental: boolean;
  buildingId: string | null;
  areaId: string | null;
  status: string;
}

/** `GET /api/persons/:id/file` (全息档案; reading it is audited). */
export interface PersonFile {
  person: PersonView;
  household: HouseholdView | null;
  house: HouseSummary | null;
  sections: FileSection[];
}

/** `GET /api/households/:id/file` (一户一档). */
export interface HouseholdFile {
  household: HouseholdView;
  house: HouseSummary | null;
  sections: FileSection[];
}

/** `POST /api/persons/:id/reveal`. */
export interface RevealAnswer {
  field: "idNumber" | "phone";
  value: string | null;
}

/** A change of a registry record: who, when, before and after. */
export interface ChangeView {
  id: number;
  version: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorName: string | null;
  at: string;
  reason?: string | null;
}

/** One block of a file (全息档案) contributed by some module. */
export interface FileSection {
  key: string;
  title: { zh: string; en: string };
  total: number;
  items: { id: string; title: string; at: string | null; status?: string; href?: string }[];
}

/** Flags of a household for its card (present when the server computes them). */
export interface HouseholdFlags {
  floating?: boolean;
  livesAlone?: boolean;
  /** A key person lives here; the category is never shown on the card. */
  keyPerson?: boolean;
  minors?: boolean;
  elderly?: boolean;
}

export interface HouseholdSummary {
  id: string;
  code: string | null;
  address: string | null;
  houseId: string | null;
  note: string | null;
  head: { id: string; name: string } | null;
  memberCount: number;
  area: RegistryAreaRef | null;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  flags?: HouseholdFlags;
  can: { edit: boolean };
}

export interface MemberView {
  personId: string;
  relation: string;
  relationLabel: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  /** Null when the member is registered outside the reader's scope. */
  person: PersonView | null;
}

export type HouseholdView = HouseholdSummary & { members: MemberView[]; formerMembers: MemberView[] };

/** A code's label in both languages, as the server gives it beside the code. */
export interface Label {
  zh: string;
  en: string;
}

/** A list answer of houses, places, things and key persons (paged by limit and offset). */
export interface OffsetPage<T> {
  items: T[];
  total: number;
}

/** A person named on another record: name and masked values only. */
export interface PersonRef {
  id: string;
  name: string;
  idMasked: string | null;
  phoneMasked: string | null;
}

export interface HouseView {
  id: string;
  address: string;
  unit: string | null;
  room: string | null;
  lat: number | null;
  lng: number | null;
  building: { id: string; name: string } | null;
  owner: PersonRef | null;
  landlord: PersonRef | null;
  use: string;
  useLabel: Label | null;
  floorArea: number | null;
  isRented: boolean;
  isGroupRental: boolean;
  area: RegistryAreaRef | null;
  status: string;
  version: number;
  updatedAt: string | null;
  can: { edit: boolean; revealOwnerPhone: boolean };
}

export interface TenancyView {
  id: string;
  person: PersonRef | null;
  startOn: string;
  endOn: string | null;
  current: boolean;
}

/** `GET /api/houses/:id/file` (一房一档). */
export interface HouseFile {
  house: HouseView;
  residents: (PersonRef & { residentType: string })[];
  tenancies: TenancyView[];
  sections: FileSection[];
}

/** `POST /api/houses/:id/reveal-owner-phone`. */
export interface OwnerPhoneAnswer {
  personId: string;
  name: string;
  phone: string | null;
}

export interface PlaceView {
  id: string;
  name: string;
  kind: string;
  kindLabel: Label | null;
  creditCode: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  building: { id: string; name: string } | null;
  responsible: { name: string | null; phone: string | null };
  /** The venue's safety manager (平安经理). */
  safetyManager: { personId: string | null; name: string | null; phone: string | null } | null;
  colour: string | null;
  colourSince: string | null;
  employees: number | null;
  area: RegistryAreaRef | null;
  status: string;
  version: number;
  updatedAt: string | null;
  can: { edit: boolean; rate: boolean; revealPhone: boolean };
}

/** `GET /api/places/:id/file` (一企一档). */
export interface PlaceFile {
  place: PlaceView;
  sections: FileSection[];
}

/** A rating: a place's colour or a building's stars. */
export interface RatingView {
  id: number;
  kind: string;
  value: string;
  criteria: unknown;
  reason: string | null;
  ratedBy: string | null;
  ratedAt: string;
}

export interface ThingView {
  id: string;
  kind: string;
  kindLabel: Label | null;
  label: string | null;
  serial: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  placeId: string | null;
  houseId: string | null;
  building: { id: string; name: string } | null;
  installedOn: string | null;
  lastInspectedOn: string | null;
  nextInspectionOn: string | null;
  deviceId: string | null;
  area: RegistryAreaRef | null;
  status: string;
  version: number;
  updatedAt: string | null;
  can: { edit: boolean };
}

/** A key person (重点人员) in lists: never the category's details. */
export interface KeyPersonItem {
  id: string;
  personId: string;
  name: string;
  idMasked: string | null;
  category: string;
  categoryLabel: Label | null;
  attentionLevel: string;
  attentionLabel: Label | null;
  startedOn: string | null;
  endedOn: string | null;
  nextVisitOn: string | null;
  visitOverdue: boolean;
  area: RegistryAreaRef | null;
  status: string;
}

export interface HelperView {
  id: string;
  userId: string | null;
  username: string | null;
  name: string;
  role: string;
  fromOn: string | null;
  toOn: string | null;
}

export interface CarePlanAction {
  id: string;
  description: string;
  dueOn: string | null;
  doneAt: string | null;
  result: string | null;
}

export interface CarePlan {
  id: string;
  keyPersonId: string;
  kind: string;
  goal: string;
  status: string;
  startOn: string;
  dueOn: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  closedAt: string | null;
  version: number;
  actions: CarePlanAction[];
}

export interface VisitView {
  id: string;
  subjectType: string;
  subjectId: string;
  dueOn: string | null;
  doneAt: string | null;
  /** Who made it (display name). */
  doneBy: string | null;
  method: string | null;
  note: string | null;
  findings: Record<string, unknown> | null;
}

/** `GET /api/key-persons/:id` (every read audited, with `?reason=`). */
export interface KeyPersonView {
  id: string;
  person: {
    id: string;
    name: string;
    idMasked: string | null;
    phoneMasked: string | null;
    sex: string | null;
    sexLabel: Label | null;
    birthDate: string | null;
    currentAddress: string | null;
    status: string;
  } | null;
  category: string;
  categoryLabel: Label | null;
  attentionLevel: string;
  attentionLabel: Label | null;
  /** The category's own fields (phones masked). */
  details: Record<string, unknown>;
  startedOn: string | null;
  endedOn: string | null;
  termination: string | null;
  visitIntervalDays: number;
  nextVisitOn: string | null;
  visitOverdue: boolean;
  employed: boolean | null;
  area: RegistryAreaRef | null;
  status: string;
  version: number;
  helpers: HelperView[];
  carePlans: CarePlan[];
  visits: { total: number; items: VisitView[] };
  can: { edit: boolean; end: boolean; recordVisit: boolean; addPlan: boolean; addAction: boolean };
}

/** `GET /api/key-persons/categories`: each category's detail fields and the code lists. */
export interface KeyPersonCategories {
  categories: {
    category: string;
    label: Label;
    fields: { name: string; type: string; label: Label; required: boolean; table: string | null }[];
  }[];
  helperRoles: { code: string; zh: string; en: string }[];
  carePlanKinds: string[];
  visitMethods: string[];
}

/** One cell of the key-person counts: a category at an attention level. */
export interface KeyPersonCount {
  category: string;
  attentionLevel: string;
  count: number;
}

/** `GET /api/key-persons/stats`: counts and the outcome measures over a window. */
export interface KeyPersonStats {
  asOf: string;
  window: { from: string; to: string };
  categories: { category: string; label: Label | null; total: number; byLevel: Record<string, number> }[];
  total: number;
  visits: {
    overdue: number;
    dueSoon: number;
    made: number;
    onTime: number;
    overdueInWindow: number;
    onTimeRate: number | null;
  };
  employment: {
    category: string;
    label: Label | null;
    workingAge: number;
    employed: number;
    unknown: number;
    rate: number | null;
  }[];
  carePlans: {
    active: number;
    closed: number;
    achieved: number;
    partly: number;
    notAchieved: number;
    achievedRate: number | null;
    byKind: { kind: string; closed: number; achieved: number; achievedRate: number | null }[];
  };
}

/** One visit that is due (`GET /api/visits/due`). */
export interface DueVisit {
  /** key_person, place or household */
  type: string;
  /** The key person's id, or the scheduled visit's id for places and households. */
  id: string;
  subjectId: string;
  title: string;
  category: string | null;
  categoryLabel: Label | null;
  dueOn: string;
  overdue: boolean;
}

export interface DueVisits {
  before: string;
  items: DueVisit[];
}

export type ImportKind = "persons" | "houses" | "places";
export type ImportStatus = "validating" | "invalid" | "loading" | "done" | "failed";

/** One bad row of an import. */
export interface ImportProblem {
  row: number;
  field: string;
  column?: string;
  code: string;
  message: { zh: string; en: string } | string;
}

/** An import as lists show it. */
export interface ImportSummary {
  id: string;
  kind: ImportKind;
  /** validating → invalid (nothing imported) | loading → done; failed after repeated errors */
  status: ImportStatus;
  fileName: string | null;
  fileDigest: string;
  area: { code: string; name: string } | null;
  totalRows: number;
  processedRows: number;
  counts: { created: number; updated: number; unchanged: number };
  problemCount: number;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  finishedAt: string | null;
  can: { downloadErrors: boolean };
}

/** `GET /api/registry/imports/:id`: progress, counts and the bad rows (the first 1,000). */
export interface ImportView extends ImportSummary {
  errors: ImportProblem[];
  errorsTruncated: boolean;
  /** Headers of the file no column of the kind has (ignored). */
  ignoredColumns: string[];
  failure: string | null;
}

/** `GET /api/registry/imports`. */
export interface ImportList {
  items: ImportSummary[];
  limit: number;
  offset: number;
}
