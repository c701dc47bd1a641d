import { AppError } from "../../core/errors";

export const EVENT = { zh: "事件", en: "event" };
export const SUPERVISION = { zh: "督办记录", en: "supervision" };
export const CONSULTATION = { zh: "会商", en: "consultation" };
export const TASK = { zh: "任务", en: "task" };
export const WEBHOOK = { zh: "推送地址", en: "webhook" };
export const AREA = { zh: "区域", en: "area" };

export const supervisionClosed = () =>
  new AppError("SUPERVISION_CLOSED", 409, {
    zh: "该督办已办结",
    en: "This supervision is already closed",
  });

export const eventClosed = () =>
  new AppError("EVENT_CLOSED", 422, {
    zh: "事件已结束，不能再督办或会商",
    en: "The event is finished; it can no longer be supervised or consulted on",
  });

export const consultationClosed = () =>
  new AppError("CONSULTATION_CLOSED", 409, {
    zh: "该会商已结束",
    en: "This consultation is already closed",
  });

export const notParticipant = () =>
  new AppError("NOT_A_PARTICIPANT", 403, {
    zh: "您不是该会商的参会方",
    en: "You are not a party to this consultation",
  });

export const unknownParticipant = (index: number, kind: "user" | "department") =>
  new AppError(
    "UNKNOWN_PARTICIPANT",
    422,
    kind === "user"
      ? {
          zh: `第 ${index + 1} 个参会人员不存在或已停用`,
          en: `Participant ${index + 1}: no such active user`,
        }
      : { zh: `第 ${index + 1} 个参会单位不存在`, en: `Participant ${index + 1}: no such department` },
    `participants.${index}`,
  );

export const participantShape = (index: number) =>
  new AppError(
    "PARTICIPANT_INVALID",
    400,
    {
      zh: `第 ${index + 1} 个参会方须且只能给出 userId 或 departmentId 之一`,
      en: `Participant ${index + 1} must give exactly one of userId or departmentId`,
    },
    `participants.${index}`,
  );

export const assigneeInvalid = () =>
  new AppError(
    "ASSIGNEE_INVALID",
    422,
    {
      zh: "任务须指派给一名在岗人员或一个部门（二选一）",
      en: "A task is assigned to exactly one active user or one department",
    },
    "assignee",
  );

export const taskNotOpen = () =>
  new AppError("TASK_NOT_OPEN", 409, {
    zh: "该任务已完成或已取消",
    en: "This task is already done or cancelled",
  });

export const notAssignee = () =>
  new AppError("NOT_ASSIGNEE", 403, {
    zh: "只有任务的承办人或承办部门可以办结任务",
    en: "Only the task's assignee or assigned department can finish it",
  });

export const dueInPast = () =>
  new AppError(
    "DUE_IN_PAST",
    422,
    { zh: "完成时限不能早于现在", en: "The due time cannot be in the past" },
    "dueAt",
  );

export const webhookUrlInvalid = () =>
  new AppError(
    "WEBHOOK_URL_INVALID",
    422,
    { zh: "推送地址须是 http 或 https 网址", en: "The webhook URL must be an http or https URL" },
    "url",
  );

export const areaOutOfScope = (code: string) =>
  new AppError(
    "AREA_UNKNOWN",
    422,
    {
      zh: `区域 ${code} 不存在或不在您的管辖范围内`,
      en: `Area ${code} does not exist or is outside your scope`,
    },
    "areaCode",
  );

export const periodInvalid = () =>
  new AppError(
    "PERIOD_INVALID",
    400,
    { zh: "统计区间的结束时间须晚于开始时间", en: "The period's end must be after its start" },
    "to",
  );
