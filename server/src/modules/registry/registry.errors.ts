import { AppError, type HttpStatus, type Message } from "../../core/errors";

/** What the registry's records are called in messages (`notFound(PERSON)`). */
export const PERSON: Message = { zh: "人员", en: "person" };
export const HOUSEHOLD: Message = { zh: "户", en: "household" };
export const HOUSE: Message = { zh: "房屋", en: "house" };
export const PLACE: Message = { zh: "场所", en: "place" };
export const THING: Message = { zh: "物件", en: "thing" };
export const KEY_PERSON: Message = { zh: "重点人员", en: "key person" };

/** A problem with one field of an input, as the API and the importer report it. */
export interface FieldProblem {
  field: string;
  code: string;
  message: Message;
}

/**
 * The registry module's one error type: a stable code (`REGISTRY_…`, `ID_CHECKSUM`…), an HTTP
 * status, a message in both languages and, for input problems, the field it is about.
 */
export class RegistryError extends AppError {
  constructor(
    code: string,
    status: HttpStatus,
    messages: Message,
    field?: string,
    details?: Record<string, unknown>,
  ) {
    super(code, status, messages, field, details);
    this.name = "RegistryError";
  }
}

/** 400 for the first of a list of field problems; every problem is in `details.problems`. */
export function fieldProblems(problems: FieldProblem[]): RegistryError {
  const first = problems[0]!;
  return new RegistryError(first.code, 400, first.message, first.field, { problems });
}

/** 400 for a single bad field. */
export const badField = (field: string, code: string, zh: string, en: string) =>
  new RegistryError(code, 400, { zh, en }, field);

/** 409 when the record was changed by someone else since the client read it. */
export const staleVersion = (current: number) =>
  new RegistryError(
    "VERSION_CONFLICT",
    409,
    {
      zh: `记录已被他人修改（当前版本 ${current}），请刷新后重试`,
      en: `The record was changed by someone else (current version ${current}); reload and try again`,
    },
    "version",
    { currentVersion: current },
  );

/** 409 when another live record already holds this identity document number. */
export const duplicateId = (existingId?: string) =>
  new RegistryError(
    "DUPLICATE_ID_NUMBER",
    409,
    { zh: "已有人员登记了该证件号码", en: "A person with this document number is already registered" },
    "idNumber",
    existingId ? { existingId } : undefined,
  );

/** 422 when a record is in a state that forbids the change (e.g. editing a purged person). */
export const wrongState = (field: string, zh: string, en: string) =>
  new RegistryError("REGISTRY_WRONG_STATE", 422, { zh, en }, field);

/** 400 when a reveal or another sensitive action lacks a reason of 5–200 characters. */
export const reasonRequired = () =>
  new RegistryError(
    "REASON_REQUIRED",
    400,
    {
      zh: "查看敏感信息须填写 5–200 字的事由",
      en: "Revealing sensitive data needs a reason of 5–200 characters",
    },
    "reason",
  );

/** 422 when an area code is unknown or outside the actor's scope. */
export const areaOutOfScope = (field = "areaCode") =>
  new RegistryError(
    "AREA_OUT_OF_SCOPE",
    422,
    { zh: "所选区域不存在或不在您的管辖范围内", en: "The area does not exist or is outside your scope" },
    field,
  );

/** 422 when a referenced record (house, person…) does not exist or is not visible. */
export const unknownReference = (field: string, what: Message) =>
  new RegistryError(
    "UNKNOWN_REFERENCE",
    422,
    { zh: `${what.zh}不存在或无权查看`, en: `The ${what.en} does not exist or is not visible to you` },
    field,
  );
