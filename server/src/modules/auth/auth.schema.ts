import { Type } from "typebox";

export const Credentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const AreaBrief = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  path: Type.String(),
});

export const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    department: Type.Union([Type.String(), Type.Null()]),
  }),
  roles: Type.Array(Type.String()),
  scopes: Type.Array(AreaBrief),
  scope: Type.Union([AreaBrief, Type.Null()]),
  can: Type.Record(Type.String(), Type.Boolean()),
  /** IANA zone the console shows times in (they are stored in UTC). */
  timeZone: Type.String(),
});

export const TokenReply = Type.Object({ token: Type.String(), expiresAt: Type.String() });

export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const ApiKeyCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  username: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  field: Type.Optional(Type.String()),
  requestId: Type.String(),
});
