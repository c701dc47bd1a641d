import fc from "fast-check";

/** Strings that have broken other systems: injections, traversal, control and odd Unicode. */
export const NASTY_STRINGS = [
  "' or 1=1 --",
  "'; drop table persons; --",
  "\\' union select password_hash from users --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}{{7*7}}#{7*7}",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "\u0000\u0001\u001f\u007f",
  "\u202e\u200b\ufeff",
  "\ud800",
  "😀".repeat(50),
  "𠀀𪚥",
  "NaN",
  "-1",
  "1e309",
  "null",
  "__proto__",
  "constructor",
  "%s%s%s%n",
  "\r\nSet-Cookie: x=1",
  "a".repeat(70_000),
];

/** A value of any JSON type (including the nasty strings). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 3000, maxLength: 5000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...NASTY_STRINGS),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
);

const typeOf = (s: any): string | undefined => (Array.isArray(s?.type) ? s.type[0] : s?.type);

/** A value of another JSON type than the schema's (a number where a string goes…). */
export function wrongTypeFor(schema: any): fc.Arbitrary<unknown> {
  const t = typeOf(schema);
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.constantFrom("x", "", "2025-13-45", "not-a-uuid", NASTY_STRINGS[0]!),
    number: fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1),
    boolean: fc.boolean(),
    object: fc.constantFrom({}, { a: 1 }, { __proto__: { admin: true } }),
    array: fc.constantFrom([], [1, 2], [null], ["x"]),
    null: fc.constant(null),
  };
  const others = Object.entries(all)
    .filter(([k]) => k !== t && !(t === "integer" && k === "number"))
    .map(([, a]) => a);
  return fc.oneof(...others);
}

interface Ctx {
  ids: string[];
  depth: number;
}

/** Values valid for a JSON schema (as our TypeBox schemas write them), with real ids for uuids. */
export function validFor(schema: any, ctx: Ctx): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== "object" || ctx.depth > 6) return fc.constant(null);
  const deeper = { ...ctx, depth: ctx.depth + 1 };
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((s: any) => validFor(s, deeper)));
  const t = typeOf(schema);
  if (schema.nullable && t !== "null")
    return fc.option(validFor({ ...schema, nullable: false }, ctx), { nil: null });
  switch (t) {
    case "string":
      return stringFor(schema, ctx);
    case "integer":
      return fc.integer({
        min: schema.minimum ?? -1000,
        max: Math.min(schema.maximum ?? 100_000, 2 ** 31 - 1),
      });
    case "number":
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(validFor(schema.items ?? {}, deeper), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case "object": {
      const props: Record<string, any> = schema.properties ?? {};
      if (!Object.keys(props).length)
        return fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 });
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validFor(s, deeper)])), {
        requiredKeys: (schema.required ?? []).filter((k: string) => k in props),
      });
    }
    default:
      return anyJson;
  }
}

function stringFor(schema: any, ctx: Ctx): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 30, 30));
  switch (schema.format) {
    case "uuid":
      return ctx.ids.length ? fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid()) : fc.uuid();
    case "date":
      return fc
        .date({ min: new Date("1950-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return fc
        .date({ min: new Date("2000-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString());
  }
  if (schema.pattern === "^[0-9a-f]{64}$") return fc.stringMatching(/^[0-9a-f]{64}$/);
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? 1e6));
    } catch {
      // a pattern fast-check cannot generate from: plain strings
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}

/** One defect applied to a valid value: what a careless or hostile client sends. */
export type Defect = "wrong-type" | "drop-required" | "extra-field" | "huge" | "nasty" | "null" | "deep";

/** A body with one defect (or a wholly junk one), for an object schema. */
export function defectiveBody(schema: any, ids: string[]): fc.Arbitrary<unknown> {
  const props: Record<string, any> = schema?.properties ?? {};
  const keys = Object.keys(props);
  const valid = validFor(schema, { ids, depth: 0 });
  if (!keys.length) return fc.oneof(valid, anyJson);
  const required: string[] = (schema.required ?? []).filter((k: string) => k in props);
  const key = fc.constantFrom(...keys);
  const withProp = (k: string, v: unknown) => (b: unknown) => ({ ...(b as object), [k]: v });
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, key).chain(([b, k]) => wrongTypeFor(props[k]).map((v) => withProp(k, v)(b))),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, required.length ? fc.constantFrom(...required) : key).map(([b, k]) => {
        const copy = { ...(b as Record<string, unknown>) };
        delete copy[k];
        return copy;
      }),
    },
    {
      weight: 1,
      arbitrary: valid.map((b) => ({ ...(b as object), unexpected: "x", ["__proto__"]: { admin: true } })),
    },
    { weight: 1, arbitrary: fc.tuple(valid, key).map(([b, k]) => withProp(k, "啊".repeat(200_000))(b)) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(valid, key, fc.constantFrom(...NASTY_STRINGS))
        .map(([b, k, s]) => withProp(k, s)(b)),
    },
    { weight: 1, arbitrary: fc.tuple(valid, key).map(([b, k]) => withProp(k, null)(b)) },
    { weight: 1, arbitrary: fc.constant(deepNest(2000)) },
    { weight: 1, arbitrary: anyJson },
  );
}

/** {"a":{"a":…}} nested n deep: parsers and validators must not blow the stack. */
export function deepNest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** Path parameters: junk, and real ids of every kind (an id of one kind where another goes). */
export function pathParam(ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      "x",
      "0",
      "-1",
      "00000000-0000-4000-8000-000000000000",
      "%2e%2e%2f",
      "..%2f..%2fetc%2fpasswd",
      "a".repeat(300),
      "330212009",
      "😀",
      "null",
      "' or '1'='1",
      "1;select 1",
      "%00",
      "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    ),
    fc.constantFrom(...ids),
  );
}
