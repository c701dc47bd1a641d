import { AppError, type HttpStatus } from "../../core/errors";

export const EVENT = { zh: "事件", en: "event" };

/** The events module's one error type: a stable code, a status and a message in both languages. */
export class EventError extends AppError {
  constructor(
    code: string,
    status: HttpStatus,
    zh: string,
    en: string,
    field?: string,
    details?: Record<string, unknown>,
  ) {
    super(code, status, { zh, en }, field, details);
  }
}

/** The client acted on an old version: 409 with the event as it is now, so the UI can refresh. */
export const versionConflict = (current: unknown) =>
  new EventError(
    "EVENT_VERSION_CONFLICT",
    409,
    "事件已被他人更新，请刷新后重试",
    "The event was changed by someone else; refresh and try again",
    "version",
    { current },
  );

export const transitionNotAllowed = (action: string, state: string) =>
  new EventError(
    "EVENT_TRANSITION_NOT_ALLOWED",
    409,
    `事件当前状态（${state}）不允许执行“${action}”`,
    `The action "${action}" is not allowed while the event is ${state}`,
    "action",
    { action, state },
  );

export const fieldRequired = (field: string, action: string) =>
  new EventError(
    "VALIDATION_FAILED",
    400,
    `操作“${action}”需要填写 ${field}`,
    `The action "${action}" needs ${field}`,
    field,
  );

export const unknownCategory = (code: string, field = "category") =>
  new EventError(
    "UNKNOWN_CATEGORY",
    422,
    `事件类别 ${code} 不存在、已停用或不是末级类别`,
    `The category ${code} does not exist, is retired or is not a leaf category`,
    field,
  );

export const unknownArea = (code: string, field = "areaCode") =>
  new EventError("UNKNOWN_AREA", 422, `区域 ${code} 不存在`, `The area ${code} does not exist`, field);

export const locationRequired = () =>
  new EventError(
    "LOCATION_REQUIRED",
    400,
    "请提供位置：坐标（lat、lng）、区域编码或地址",
    "Give a location: coordinates (lat, lng), an area code or an address",
    "lat",
  );

export const sourceNotAllowed = (source: string) =>
  new EventError(
    "SOURCE_NOT_ALLOWED",
    403,
    `您不能以来源“${source}”登记事件`,
    `You may not register events from the source "${source}"`,
    "source",
  );

export const unknownFiles = (ids: string[], field = "photos") =>
  new EventError(
    "UNKNOWN_FILE",
    422,
    `以下文件不存在，请先上传：${ids.slice(0, 5).join("、")}`,
    `These files do not exist; upload them first: ${ids.slice(0, 5).join(", ")}`,
    field,
  );

export const unknownLink = (type: string, id: string) =>
  new EventError(
    "UNKNOWN_LINK",
    422,
    `关联的${type}记录 ${id} 不存在`,
    `The linked ${type} ${id} does not exist`,
    "links",
  );

export const unknownPart = (id: string) =>
  new EventError(
    "UNKNOWN_PART",
    422,
    `处置任务 ${id} 不属于该事件`,
    `The part ${id} is not part of this event`,
    "partId",
  );

export const partStateInvalid = (state: string, action: string) =>
  new EventError(
    "PART_STATE_INVALID",
    409,
    `处置任务当前状态（${state}）不允许“${action}”`,
    `The part is ${state}; "${action}" is not possible`,
    "partId",
  );

export const noUnits = () =>
  new EventError(
    "NO_UNITS",
    422,
    "没有可派遣的处置单位：请指定单位，或在分派规则中配置",
    "No handling unit to dispatch to: name the units, or configure them in the routing rules",
    "units",
  );

export const unitInvalid = (what: string, field = "units") =>
  new EventError("UNIT_INVALID", 422, `处置单位无效：${what}`, `Invalid handling unit: ${what}`, field);

export const returnLimit = (max: number) =>
  new EventError(
    "EVENT_RETURN_LIMIT",
    409,
    `该事件已退回 ${max} 次，不能再退回，请处置或申请上报`,
    `The event was already returned ${max} times; it must be handled or escalated`,
    "action",
  );

export const extensionInvalid = (zh: string, en: string) =>
  new EventError("EXTENSION_INVALID", 422, zh, en, "days");

export const noExtensionRequest = () =>
  new EventError(
    "NO_EXTENSION_REQUEST",
    409,
    "没有待审批的延期申请",
    "There is no pending extension request",
    "action",
  );

export const extensionPending = () =>
  new EventError(
    "EXTENSION_PENDING",
    409,
    "已有待审批的延期申请",
    "An extension request is already pending",
    "action",
  );

export const escalationNotUp = (from: string | null, to: string) =>
  new EventError(
    "ESCALATION_NOT_UP",
    422,
    `只能向上级上报（当前 ${from ?? "未定"}，目标 ${to}）`,
    `Escalation must go up the ladder (now ${from ?? "none"}, asked ${to})`,
    "level",
  );

export const mergeInvalid = (zh: string, en: string) =>
  new EventError("MERGE_INVALID", 422, zh, en, "intoId");

export const idempotencyReused = () =>
  new EventError(
    "IDEMPOTENCY_KEY_REUSED",
    422,
    "该幂等键已用于另一种操作",
    "This idempotency key was already used for a different action",
    "idempotencyKey",
  );

export const configInvalid = (kind: string, problems: { path: string; zh: string; en: string }[]) =>
  new EventError(
    "EVENT_CONFIG_INVALID",
    422,
    `配置（${kind}）无效：${problems
      .slice(0, 5)
      .map((p) => `${p.path} ${p.zh}`)
      .join("；")}`,
    `The ${kind} configuration is invalid: ${problems
      .slice(0, 5)
      .map((p) => `${p.path} ${p.en}`)
      .join("; ")}`,
    problems[0]?.path,
    { problems },
  );

export const importInvalid = (errors: { row: number; field: string; zh: string; en: string }[]) =>
  new EventError(
    "IMPORT_INVALID",
    422,
    `导入文件有 ${errors.length} 处错误，未导入任何记录`,
    `The file has ${errors.length} error(s); nothing was imported`,
    "file",
    { errors: errors.slice(0, 500) },
  );

export const unknownDevice = (deviceId: string) =>
  new EventError(
    "UNKNOWN_DEVICE",
    422,
    `设备 ${deviceId} 未登记`,
    `The device ${deviceId} is not registered`,
    "deviceId",
  );

export const unknownAlarmKind = (kind: string) =>
  new EventError(
    "UNKNOWN_ALARM_KIND",
    422,
    `未配置的报警类型：${kind}`,
    `No category is configured for the alarm kind ${kind}`,
    "kind",
  );
