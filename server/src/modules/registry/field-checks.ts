import { normalizeChinesePhone } from "../../core/privacy";
import { codeLabel, isCode } from "./codes/tables";
import type { FieldProblem } from "./registry.errors";

/** Chinese names of the fields these records carry, for messages. */
const ZH: Record<string, string> = {
  name: "名称",
  kind: "类型",
  address: "地址",
  unit: "单元",
  room: "房号",
  use: "用途",
  floorArea: "面积",
  floors: "层数",
  creditCode: "统一社会信用代码",
  responsibleName: "负责人",
  responsiblePhone: "负责人电话",
  safetyManagerName: "平安经理",
  safetyManagerPhone: "平安经理电话",
  employees: "从业人数",
  colour: "颜色等级",
  label: "名称",
  serial: "编号",
  deviceId: "设备编号",
};
const zh = (field: string) => ZH[field] ?? field;

/** Collects the problems of one input, so the API and the importer report every bad field at once. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, code: string, zh: string, en: string): void {
    this.list.push({ field, code, message: { zh, en } });
  }

  /** Required or optional text, trimmed, at most `max` characters. */
  text(field: string, value: string | null | undefined, o: { required?: boolean; max: number }): void {
    if (value === undefined || value === null) {
      if (o.required) this.add(field, "REQUIRED", `请填写${zh(field)}`, `${field} is required`);
      return;
    }
    const t = value.trim();
    if (!t && o.required) this.add(field, "REQUIRED", `请填写${zh(field)}`, `${field} is required`);
    else if (t.length > o.max)
      this.add(
        field,
        "TOO_LONG",
        `${zh(field)}最多 ${o.max} 个字符`,
        `${field} has at most ${o.max} characters`,
      );
  }

  /** A code of a code table (codes/tables.ts). */
  code(field: string, table: string, value: string | null | undefined): void {
    if (value === undefined || value === null) return;
    if (!isCode(table, value))
      this.add(
        field,
        "UNKNOWN_CODE",
        `${zh(field)}的代码“${value}”不存在`,
        `${field}: no code “${value}” in ${table}`,
      );
  }

  /** A mainland mobile or landline number. */
  phone(field: string, value: string | null | undefined): void {
    if (value === undefined || value === null || value.trim() === "") return;
    if (!normalizeChinesePhone(value))
      this.add(
        field,
        "PHONE_FORMAT",
        "电话号码格式不正确（手机号11位，或区号-号码）",
        "The phone number is neither a mainland mobile (11 digits) nor a landline (area code-number)",
      );
  }

  /** A WGS84 point: both coordinates or neither, each in range. */
  point(lat: number | null | undefined, lng: number | null | undefined): void {
    const hasLat = lat !== undefined && lat !== null;
    const hasLng = lng !== undefined && lng !== null;
    if (hasLat !== hasLng) {
      const missing = hasLat ? "lng" : "lat";
      this.add(missing, "POINT_INCOMPLETE", "经纬度须成对填写", "Latitude and longitude come together");
    }
    if (hasLat && !(Number.isFinite(lat) && lat! >= -90 && lat! <= 90))
      this.add("lat", "OUT_OF_RANGE", "纬度应在 -90 到 90 之间", "The latitude lies between -90 and 90");
    if (hasLng && !(Number.isFinite(lng) && lng! >= -180 && lng! <= 180))
      this.add("lng", "OUT_OF_RANGE", "经度应在 -180 到 180 之间", "The longitude lies between -180 and 180");
  }

  /** A number in a range (integers only when asked). */
  number(
    field: string,
    value: number | null | undefined,
    o: { min: number; max: number; integer?: boolean },
  ): void {
    if (value === undefined || value === null) return;
    if (!Number.isFinite(value) || value < o.min || value > o.max || (o.integer && !Number.isInteger(value)))
      this.add(
        field,
        "OUT_OF_RANGE",
        `${zh(field)}应为 ${o.min}–${o.max} 之间的${o.integer ? "整数" : "数"}`,
        `${field} is ${o.integer ? "an integer" : "a number"} between ${o.min} and ${o.max}`,
      );
  }

  /** A calendar date YYYY-MM-DD that exists. */
  date(field: string, value: string | null | undefined): void {
    if (value === undefined || value === null) return;
    if (!isIsoDate(value))
      this.add(field, "DATE_FORMAT", `${zh(field)}不是有效日期`, `${field} is not a valid date`);
  }
}

/** Whether text is an existing calendar date in ISO form. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** The label of a code in both languages, for responses. */
export function labelOf(table: string, code: string | null | undefined) {
  if (!code) return null;
  return { zh: codeLabel(table, code, "zh") ?? code, en: codeLabel(table, code, "en") ?? code };
}
