/** The columns of the persons template (人员导入模板), in template order. */
import { codeTables } from "../codes/tables";
import { DOCUMENT_TYPE_INFO, DOCUMENT_TYPES } from "../codes/id-documents";
import type { Column } from "./columns";

const docTypeAliases: Record<string, string> = {
  身份证: "resident_id",
  "111": "resident_id",
  "112": "resident_id",
  "411": "passport",
  "412": "passport",
  "413": "passport",
  "414": "passport",
  普通护照: "passport",
  "553": "foreign_pr",
  外国人永久居留证: "foreign_pr",
  "990": "other",
  其他: "other",
};

// 汉 for 汉族, as people write it
const ethnicityAliases = Object.fromEntries(
  (codeTables.ethnicity?.entries ?? [])
    .filter((e) => e.zh.endsWith("族") && e.zh.length >= 2)
    .map((e) => [e.zh.slice(0, -1), e.code]),
);

export const PERSON_COLUMNS: Column[] = [
  { key: "name", header: "姓名", type: "text", required: true, note: "必填，最多 50 字", width: 12 },
  {
    key: "docType",
    header: "证件类型",
    type: "code",
    values: DOCUMENT_TYPES.map((t) => ({ code: t, zh: DOCUMENT_TYPE_INFO[t].zh })),
    aliases: docTypeAliases,
    note: "默认居民身份证；也可填 GA/T 517 代码（111 身份证、414 护照、553 永居证）",
    width: 14,
  },
  {
    key: "idNumber",
    header: "证件号码",
    type: "id",
    required: true,
    note: "必填，用于识别同一人（再次导入时更新而不重复登记）；身份证校验位须正确；请将该列设为文本格式",
    width: 22,
  },
  {
    key: "sex",
    header: "性别",
    type: "code",
    table: "sex",
    aliases: { 男: "1", 女: "2" },
    note: "男/女 或 GB/T 2261.1 代码；空则由身份证号推出",
    width: 6,
  },
  {
    key: "ethnicity",
    header: "民族",
    type: "code",
    table: "ethnicity",
    aliases: ethnicityAliases,
    note: "如 汉族 或代码 01（GB/T 3304）",
    width: 8,
  },
  { key: "birthDate", header: "出生日期", type: "date", note: "YYYY-MM-DD；空则由身份证号推出", width: 12 },
  { key: "phone", header: "联系电话", type: "phone", note: "手机 11 位，或 区号-号码", width: 14 },
  {
    key: "hukouDivision",
    header: "户籍地区划代码",
    type: "text",
    note: "6 位 GB/T 2260 代码，如 330212",
    width: 10,
  },
  { key: "hukouAddress", header: "户籍地址", type: "text", note: "最多 200 字", width: 28 },
  {
    key: "currentAddress",
    header: "现住址",
    type: "text",
    note: "最多 200 字；与已登记房屋地址完全一致时自动关联该房屋",
    width: 28,
  },
  {
    key: "residentType",
    header: "人员类型",
    type: "code",
    values: [
      { code: "registered", zh: "户籍" },
      { code: "floating", zh: "流动" },
      { code: "foreign", zh: "境外" },
    ],
    aliases: { 户籍人口: "registered", 流动人口: "floating", 境外人员: "foreign", 常住: "registered" },
    note: "户籍 / 流动 / 境外；默认户籍",
    width: 8,
  },
  {
    key: "floating.reason",
    header: "流入原因",
    type: "code",
    table: "migration-reason",
    note: "流动人口填写，如 务工（代码见下）",
    width: 10,
  },
  {
    key: "floating.permitType",
    header: "办证类型",
    type: "code",
    table: "permit-type",
    note: "居住证 / 暂住证 / 其他",
    width: 10,
  },
  {
    key: "floating.registeredOn",
    header: "登记日期",
    type: "date",
    note: "流动人口登记日期 YYYY-MM-DD",
    width: 12,
  },
  {
    key: "floating.permitExpiresOn",
    header: "证件有效期至",
    type: "date",
    note: "居住证到期日 YYYY-MM-DD（到期前提醒）",
    width: 12,
  },
  {
    key: "floating.origin",
    header: "来源地",
    type: "text",
    note: "流动人口的来源地，如 安徽省阜阳市",
    width: 16,
  },
  {
    key: "relation",
    header: "与户主关系",
    type: "code",
    table: "household-relation",
    aliases: { 妻子: "12", 丈夫: "11", 儿子: "20", 女儿: "30", 之子: "20", 之女: "30", 父: "51", 母: "52" },
    note: "填了户号时必填：户主、配偶、子、女…（GB/T 4761）；每户一名户主",
    width: 10,
  },
  {
    key: "householdCode",
    header: "户号",
    type: "text",
    note: "同一户号的人组成一户（一户一档）；字母、数字或连字符",
    width: 14,
  },
  {
    key: "areaCode",
    header: "所属网格编码",
    type: "text",
    note: "网格（或社区、微网格）的区域编码；空则取已关联房屋的区域，或导入时选择的默认区域",
    width: 18,
  },
  { key: "formerNames", header: "曾用名", type: "list", note: "多个用顿号分隔", width: 10 },
  {
    key: "maritalStatus",
    header: "婚姻状况",
    type: "code",
    table: "marital-status",
    note: "未婚 / 已婚 / 离婚 / 丧偶…",
    width: 8,
  },
  { key: "education", header: "学历", type: "code", table: "education", note: "GB/T 4658", width: 10 },
  {
    key: "politicalStatus",
    header: "政治面貌",
    type: "code",
    table: "political-status",
    note: "GB/T 4762",
    width: 10,
  },
  { key: "religion", header: "宗教信仰", type: "text", note: "最多 50 字", width: 8 },
  { key: "nationality", header: "国籍", type: "text", note: "GB/T 2659 三位字母代码，默认 CHN", width: 6 },
  { key: "occupation", header: "职业", type: "text", note: "最多 100 字", width: 10 },
  { key: "workplace", header: "工作单位", type: "text", note: "最多 200 字", width: 20 },
  { key: "livesAlone", header: "是否独居", type: "bool", note: "是 / 否", width: 8 },
];

/** Columns that are not fields of PersonInput: the household and the grid. */
export const PERSON_EXTRA_KEYS = new Set(["relation", "householdCode"]);
