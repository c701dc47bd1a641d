/**
 * GB/T 31000-2015 tables for special populations and key persons (特殊人员), as open-source systems
 * built on the standard use them (see shared/CODES.md).
 */
import { GBT31000, PRODUCT, table, type CodeTable } from "./table-def";

export const KEY_PERSON_TABLES: CodeTable[] = [
  table("special-population-type", { zh: "特殊人员类型", en: "Special population type" }, GBT31000, [
    ["01", "刑满释放人员", "Released prisoner"],
    ["02", "社区矫正人员", "Under community corrections"],
    ["03", "肇事肇祸等严重精神障碍患者", "Severe mental disorder with incidents"],
    ["04", "吸毒人员", "Drug user"],
    ["05", "艾滋病危险人员", "HIV risk"],
    ["06", "重点青少年", "Key youth"],
  ]),

  table(
    "key-youth-type",
    { zh: "重点青少年类型", en: "Key youth type" },
    `${GBT31000}; codes numbered by ${PRODUCT} in the order listed`,
    [
      ["01", "闲散青少年", "Idle youth"],
      ["02", "有不良行为青少年", "Youth with bad conduct"],
      ["03", "流浪乞讨未成年人", "Vagrant or begging minor"],
      ["04", "服刑在教人员未成年子女", "Minor child of a prisoner"],
      ["05", "农村留守儿童", "Left-behind rural child"],
      ["99", "其他", "Other"],
    ],
  ),

  table("risk-grade", { zh: "目前危险性评估等级", en: "Current risk assessment grade" }, GBT31000, [
    ["01", "0级", "Grade 0"],
    ["02", "1级", "Grade 1"],
    ["03", "2级", "Grade 2"],
    ["04", "3级", "Grade 3"],
    ["05", "4级", "Grade 4"],
    ["06", "5级", "Grade 5"],
  ]),

  table("diagnosis", { zh: "目前诊断类型", en: "Current diagnosis" }, GBT31000, [
    ["01", "精神分裂症", "Schizophrenia"],
    ["02", "分裂情感性障碍", "Schizoaffective disorder"],
    ["03", "偏执性精神病", "Paranoid psychosis"],
    ["04", "双相（情感）障碍", "Bipolar disorder"],
    ["05", "癫痫所致精神障碍", "Mental disorder due to epilepsy"],
    ["06", "精神发育迟滞伴发精神障碍", "Mental disorder with intellectual disability"],
    ["07", "重度抑郁", "Severe depression"],
    ["08", "精神活性物质所致精神障碍", "Substance-induced mental disorder"],
    ["99", "其他", "Other"],
  ]),

  table("treatment", { zh: "治疗情况", en: "Treatment" }, GBT31000, [
    ["01", "住院治疗", "In hospital"],
    ["02", "居家服药治疗", "Medication at home"],
    ["03", "其他", "Other"],
    ["04", "未治疗", "Untreated"],
  ]),

  table("admission-reason", { zh: "实施住院原因", en: "Reason for admission" }, GBT31000, [
    ["01", "已经发生危害他人安全的行为", "Has already harmed others"],
    ["02", "有危害他人安全的危险", "Presents a danger to others"],
    ["99", "其他", "Other"],
  ]),

  table("correction-type", { zh: "矫正类别", en: "Correction type" }, GBT31000, [
    ["01", "管制", "Public surveillance"],
    ["02", "缓刑", "Probation"],
    ["03", "假释", "Parole"],
    ["04", "暂予监外执行", "Temporary execution outside prison"],
    ["05", "剥夺政治权利", "Deprivation of political rights"],
  ]),

  table("intake-mode", { zh: "接收方式", en: "Intake mode" }, GBT31000, [
    ["01", "自行报到", "Reported in person"],
    ["02", "监狱押送", "Escorted by the prison"],
    ["03", "法院当庭交接", "Handed over in court"],
    ["99", "其他", "Other"],
  ]),

  table("four-histories", { zh: "四史情况", en: "“Four histories”" }, GBT31000, [
    ["01", "吸毒史", "Drug use"],
    ["02", "脱逃史", "Escape"],
    ["03", "自杀史", "Suicide"],
    ["04", "袭警史", "Assaulting police"],
  ]),

  table("three-involvements", { zh: "三涉情况", en: "“Three involvements”" }, GBT31000, [
    ["01", "涉毒", "Drugs"],
    ["02", "涉黑", "Gangs"],
    ["03", "涉枪", "Guns"],
  ]),

  table("termination-type", { zh: "解除类型", en: "Termination" }, GBT31000, [
    ["01", "期满解除", "Term ended"],
    ["02", "收监执行", "Sent to prison"],
    ["03", "死亡", "Died"],
    ["04", "变更居住地", "Moved residence"],
    ["99", "其他", "Other"],
  ]),

  table("support-level", { zh: "帮教类型", en: "Released-prisoner support level" }, GBT31000, [
    ["01", "重点帮教", "Key support"],
    ["02", "一般帮教", "General support"],
  ]),

  table("drug-control", { zh: "管控情况", en: "Drug-user control" }, GBT31000, [
    ["01", "已管控", "Under control"],
    ["02", "失控", "Out of control"],
    ["03", "死亡", "Died"],
    ["04", "出境", "Left the country"],
    ["05", "戒断三年以上", "Abstinent for 3 years or more"],
    ["06", "戒断三年以下", "Abstinent for less than 3 years"],
  ]),
];
