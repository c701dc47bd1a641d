import { Type } from "typebox";
import { ROLES } from "../../core/actor";
import { AreaBrief } from "../auth/auth.schema";

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Username = Type.String({ minLength: 2, maxLength: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" });
const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 });

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  scopes: Type.Array(AreaBrief),
  /** The department's display name; `departmentCode` is what create and update take. */
  department: Type.Union([Type.String(), Type.Null()]),
  departmentCode: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 9 }),
    scopeCodes: Type.Optional(Codes),
    department: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 9 })),
    scopeCodes: Type.Optional(Codes),
    department: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);

export const Paging = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
