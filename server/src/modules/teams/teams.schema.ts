import { Type } from "typebox";
import { TEAM_ROLE_CODES } from "./team-roles";

export const TeamRoleSchema = Type.Union(TEAM_ROLE_CODES.map((c) => Type.Literal(c)));
const Day = Type.String({ format: "date" });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Name = Type.String({ minLength: 1, maxLength: 50 });
const Username = Type.String({ minLength: 1, maxLength: 64 });
const Phone = Type.String({ minLength: 3, maxLength: 30 });
const Duty = Type.String({ maxLength: 500 });
const Id = Type.String({ format: "uuid" });

export const TeamParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const MemberParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }), id: Id });

export const AddMemberBody = Type.Object(
  {
    name: Name,
    teamRole: TeamRoleSchema,
    username: Type.Optional(Username),
    phone: Type.Optional(Phone),
    /** duty and roster, e.g. "周一至周五 8:30–17:30，负责 3 号楼" */
    duty: Type.Optional(Duty),
    substituteId: Type.Optional(Id),
    activeFrom: Type.Optional(Day),
    activeTo: Type.Optional(Day),
  },
  { additionalProperties: false },
);

export const UpdateMemberBody = Type.Object(
  {
    name: Type.Optional(Name),
    teamRole: Type.Optional(TeamRoleSchema),
    username: Type.Optional(Nullable(Username)),
    phone: Type.Optional(Nullable(Phone)),
    duty: Type.Optional(Nullable(Duty)),
    substituteId: Type.Optional(Nullable(Id)),
    activeFrom: Type.Optional(Nullable(Day)),
    activeTo: Type.Optional(Nullable(Day)),
  },
  { additionalProperties: false },
);

export const RevealBody = Type.Object(
  { reason: Type.String({ minLength: 5, maxLength: 200 }) },
  { additionalProperties: false },
);

export const MemberView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  teamRole: Type.String(),
  teamRoleName: Type.Object({ zh: Type.String(), en: Type.String() }),
  username: Nullable(Type.String()),
  /** masked ("138****5678"); POST …/reveal-phone with a reason shows it in clear */
  phone: Nullable(Type.String()),
  duty: Nullable(Type.String()),
  substitute: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  activeFrom: Nullable(Type.String()),
  activeTo: Nullable(Type.String()),
});

export const TeamView = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String() }),
  members: Type.Array(MemberView),
  can: Type.Object({ manage: Type.Boolean(), revealPhone: Type.Boolean() }),
});

export const TeamRolesView = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
});

export const HandoverBody = Type.Object(
  {
    toUsername: Username,
    /** which of the user's areas to hand over (scopes or team grids); all of them when left out */
    gridCodes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 }),
    ),
  },
  { additionalProperties: false },
);

export const HandoverReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  areas: Type.Array(Type.String()),
  /** what each hand-over step moved, by step name */
  moved: Type.Record(Type.String(), Type.Array(Type.Unknown())),
});
