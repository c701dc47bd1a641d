import type { Message } from "../../core/errors";
import { RegistryError } from "./registry.errors";

/** What the place-side records are called in messages. */
export const BUILDING: Message = { zh: "楼栋", en: "building" };
export const TENANCY: Message = { zh: "租住记录", en: "tenancy" };

/** 422 when a location lies outside every area, or a record gives nothing to locate it by. */
export const outsideAreas = (field: string) =>
  new RegistryError(
    "OUTSIDE_AREAS",
    422,
    {
      zh: "该位置不在任何辖区范围内：请给出辖区内的坐标，或选择所属区域（areaCode）",
      en: "The location lies outside every area: give a point inside an area, or choose the area (areaCode)",
    },
    field,
  );

/** 409 when another active place already holds the credit code. */
export const duplicateCreditCode = (existingId: string) =>
  new RegistryError(
    "DUPLICATE_CREDIT_CODE",
    409,
    {
      zh: "已有在册场所使用该统一社会信用代码",
      en: "An active place with this unified social credit code is already registered",
    },
    "creditCode",
    { existingId },
  );

/** 409 when another thing already carries the IoT device id. */
export const duplicateDevice = (existingId: string) =>
  new RegistryError(
    "DUPLICATE_DEVICE_ID",
    409,
    { zh: "该设备编号已登记在其他物件上", en: "Another thing already carries this device id" },
    "deviceId",
    { existingId },
  );

/** 409 when the person already has a tenancy of the house overlapping the new one. */
export const overlappingTenancy = () =>
  new RegistryError(
    "TENANCY_OVERLAPS",
    409,
    {
      zh: "此人在该房屋已有时间重叠的租住记录",
      en: "This person already has a tenancy of the house overlapping these dates",
    },
    "startOn",
  );

/** 400 when an end date falls before its start. */
export const endBeforeStart = (field: string) =>
  new RegistryError(
    "END_BEFORE_START",
    400,
    { zh: "结束日期不能早于开始日期", en: "The end date cannot be before the start date" },
    field,
  );

/** 422 when the rating kind does not apply to the record (stars for a building that is not a high-rise). */
export const notHighRise = () =>
  new RegistryError(
    "NOT_HIGH_RISE",
    422,
    {
      zh: "只有高层建筑参加安全星级评定（请先将楼栋标记为高层）",
      en: "Only high-rise buildings take the safety star rating (mark the building as a high-rise first)",
    },
    "isHighRise",
  );
