import { Ajv, type Options } from "ajv";
import addFormats from "ajv-formats";
import type { FastifySchemaCompiler } from "fastify";

const base: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

function make(coerceTypes: Options["coerceTypes"]) {
  const ajv = new Ajv({ ...base, coerceTypes });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}

// Query strings and paths are text and need coercion ("1" → 1); JSON bodies are typed and must
// not be coerced, so {"username": 5} is an error rather than the string "5".
const coercing = make("array");
const strict = make(false);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const validate = (httpPart === "body" ? strict : coercing).compile(schema as object);
  return (data: unknown) =>
    validate(data)
      ? { value: data }
      : { error: Object.assign(new Error("validation"), { validation: validate.errors }) };
};
