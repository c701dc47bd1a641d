import { Type } from "typebox";

// The Open311 routes speak the GeoReport v2 standard (documented at wiki.open311.org), not the
// platform's API: they stay out of /api/openapi.json, whose error shape they do not share. These
// schemas still bound and type what the routes accept.

/** A list parameter: comma-delimited, and may be given several times. */
const List = (maxLength: number) => Type.Array(Type.String({ maxLength }), { maxItems: 50 });

/** Arguments every call may carry: the jurisdiction (one per deployment, so ignored) and a locale. */
const Common = {
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 200 })),
  locale: Type.Optional(Type.String({ maxLength: 20 })),
};

export const FormatParams = Type.Object({ format: Type.String({ maxLength: 10 }) });
export const FileParams = Type.Object({ file: Type.String({ maxLength: 300 }) });

export const CommonQuery = Type.Object(Common);

export const RequestsQuery = Type.Object({
  ...Common,
  service_request_id: Type.Optional(List(20_000)),
  service_code: Type.Optional(List(5_000)),
  start_date: Type.Optional(Type.String({ maxLength: 40 })),
  end_date: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(List(40)),
});

/** The api_key may come in the query as well as in the form (some clients put it there). */
export const PostQuery = Type.Object({ ...Common, api_key: Type.Optional(Type.String({ maxLength: 300 })) });

export const hidden = { hide: true } as const;
