/**
 * The code tables of the basic-data registry, as data: seeds that an administrator may extend.
 *
 * National standards first (GB/T 2261.1 sex, GB/T 3304 ethnicity, GB/T 2261.2 marital status,
 * GB/T 4761 family relation, GB/T 4658 education, GB/T 4762 political status, GA/T 517 documents),
 * then the tables of GB/T 31000-2015 (社会治安综合治理基础数据规范) as open-source systems built on
 * it use them (see shared/CODES.md: the standard's own text was not at hand), then this product's
 * own tables, whose codes are English words. Each table names its source; where a code was filled in
 * by this product rather than taken from a source, the source says so.
 */
import type { Message } from "../../../core/errors";

export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
}

export interface CodeTable {
  id: string;
  name: Message;
  source: string;
  entries: readonly CodeEntry[];
}

type Row = readonly [code: string, zh: string, en: string];

function table(id: string, name: Message, source: string, rows: readonly Row[]): CodeTable {
  return { id, name, source, entries: rows.map(([code, zh, en]) => ({ code, zh, en })) };
}

const GBT31000 = "GB/T 31000-2015 practice (open-source governance systems)";
const PRODUCT = "Pingan (this product)";

const tables: CodeTable[] = [
  table("sex", { zh: "性别", en: "Sex" }, "GB/T 2261.1-2003", [
    ["0", "未知的性别", "Unknown"],
    ["1", "男性", "Male"],
    ["2", "女性", "Female"],
    ["9", "未说明的性别", "Unspecified"],
  ]),

  table("ethnicity", { zh: "民族", en: "Ethnicity" }, "GB/T 3304-1991", [
    ["01", "汉族", "Han"],
    ["02", "蒙古族", "Mongol"],
    ["03", "回族", "Hui"],
    ["04", "藏族", "Tibetan"],
    ["05", "维吾尔族", "Uyghur"],
    ["06", "苗族", "Miao"],
    ["07", "彝族", "Yi"],
    ["08", "壮族", "Zhuang"],
    ["09", "布依族", "Buyei"],
    ["10", "朝鲜族", "Korean"],
    ["11", "满族", "Manchu"],
    ["12", "侗族", "Dong"],
    ["13", "瑶族", "Yao"],
    ["14", "白族", "Bai"],
    ["15", "土家族", "Tujia"],
    ["16", "哈尼族", "Hani"],
    ["17", "哈萨克族", "Kazak"],
    ["18", "傣族", "Dai"],
    ["19", "黎族", "Li"],
    ["20", "傈僳族", "Lisu"],
    ["21", "佤族", "Va"],
    ["22", "畲族", "She"],
    ["23", "高山族", "Gaoshan"],
    ["24", "拉祜族", "Lahu"],
    ["25", "水族", "Sui"],
    ["26", "东乡族", "Dongxiang"],
    ["27", "纳西族", "Naxi"],
    ["28", "景颇族", "Jingpo"],
    ["29", "柯尔克孜族", "Kirgiz"],
    ["30", "土族", "Tu"],
    ["31", "达斡尔族", "Daur"],
    ["32", "仫佬族", "Mulao"],
    ["33", "羌族", "Qiang"],
    ["34", "布朗族", "Blang"],
    ["35", "撒拉族", "Salar"],
    ["36", "毛南族", "Maonan"],
    ["37", "仡佬族", "Gelao"],
    ["38", "锡伯族", "Xibe"],
    ["39", "阿昌族", "Achang"],
    ["40", "普米族", "Pumi"],
    ["41", "塔吉克族", "Tajik"],
    ["42", "怒族", "Nu"],
    ["43", "乌孜别克族", "Uzbek"],
    ["44", "俄罗斯族", "Russian"],
    ["45", "鄂温克族", "Ewenki"],
    ["46", "德昂族", "Deang"],
    ["47", "保安族", "Bonan"],
    ["48", "裕固族", "Yugur"],
    ["49", "京族", "Gin"],
    ["50", "塔塔尔族", "Tatar"],
    ["51", "独龙族", "Derung"],
    ["52", "鄂伦春族", "Oroqen"],
    ["53", "赫哲族", "Hezhen"],
    ["54", "门巴族", "Monba"],
    ["55", "珞巴族", "Lhoba"],
    ["56", "基诺族", "Jino"],
    ["97", "其他", "Other (unidentified ethnic group)"],
    ["98", "外国血统中国籍人士", "Chinese citizen of foreign origin"],
  ]),

  table("marital-status", { zh: "婚姻状况", en: "Marital status" }, "GB/T 2261.2-2003", [
    ["10", "未婚", "Unmarried"],
    ["20", "已婚", "Married"],
    ["21", "初婚", "First marriage"],
    ["22", "再婚", "Remarried"],
    ["23", "复婚", "Remarried to former spouse"],
    ["30", "丧偶", "Widowed"],
    ["40", "离婚", "Divorced"],
    ["90", "未说明的婚姻状况", "Unspecified"],
  ]),

  table("household-relation", { zh: "与户主关系", en: "Relation to household head" }, "GB/T 4761-2008", [
    ["01", "本人", "Self"],
    ["02", "户主", "Household head"],
    ["10", "配偶", "Spouse"],
    ["11", "夫", "Husband"],
    ["12", "妻", "Wife"],
    ["20", "子", "Son"],
    ["21", "独生子", "Only son"],
    ["22", "长子", "Eldest son"],
    ["23", "次子", "Second son"],
    ["24", "三子", "Third son"],
    ["25", "四子", "Fourth son"],
    ["26", "五子", "Fifth son"],
    ["27", "养子或继子", "Adopted son or stepson"],
    ["28", "女婿", "Son-in-law"],
    ["29", "其他儿子", "Other son"],
    ["30", "女", "Daughter"],
    ["31", "独生女", "Only daughter"],
    ["32", "长女", "Eldest daughter"],
    ["33", "次女", "Second daughter"],
    ["34", "三女", "Third daughter"],
    ["35", "四女", "Fourth daughter"],
    ["36", "五女", "Fifth daughter"],
    ["37", "养女或继女", "Adopted daughter or stepdaughter"],
    ["38", "儿媳", "Daughter-in-law"],
    ["39", "其他女儿", "Other daughter"],
    ["40", "孙子、孙女或外孙子、外孙女", "Grandchild"],
    ["41", "孙子", "Grandson (son's son)"],
    ["42", "孙女", "Granddaughter (son's daughter)"],
    ["43", "外孙子", "Grandson (daughter's son)"],
    ["44", "外孙女", "Granddaughter (daughter's daughter)"],
    ["45", "孙媳妇或外孙媳妇", "Grandson's wife"],
    ["46", "孙女婿或外孙女婿", "Granddaughter's husband"],
    ["47", "曾孙子或外曾孙子", "Great-grandson"],
    ["48", "曾孙女或外曾孙女", "Great-granddaughter"],
    ["49", "其他孙子、孙女或外孙子、外孙女", "Other grandchild"],
    ["50", "父母", "Parent"],
    ["51", "父亲", "Father"],
    ["52", "母亲", "Mother"],
    ["53", "公公", "Husband's father"],
    ["54", "婆婆", "Husband's mother"],
    ["55", "岳父", "Wife's father"],
    ["56", "岳母", "Wife's mother"],
    ["57", "继父或养父", "Stepfather or adoptive father"],
    ["58", "继母或养母", "Stepmother or adoptive mother"],
    ["59", "其他父母关系", "Other parent"],
    ["60", "祖父母或外祖父母", "Grandparent"],
    ["61", "祖父", "Paternal grandfather"],
    ["62", "祖母", "Paternal grandmother"],
    ["63", "外祖父", "Maternal grandfather"],
    ["64", "外祖母", "Maternal grandmother"],
    ["65", "配偶的祖父母或外祖父母", "Spouse's grandparent"],
    ["66", "曾祖父", "Great-grandfather"],
    ["67", "曾祖母", "Great-grandmother"],
    ["68", "配偶的曾祖父母或外曾祖父母", "Spouse's great-grandparent"],
    ["69", "其他祖父母或外祖父母关系", "Other grandparent"],
    ["70", "兄弟姐妹", "Sibling"],
    ["71", "兄", "Elder brother"],
    ["72", "嫂", "Elder brother's wife"],
    ["73", "弟", "Younger brother"],
    ["74", "弟媳", "Younger brother's wife"],
    ["75", "姐姐", "Elder sister"],
    ["76", "姐夫", "Elder sister's husband"],
    ["77", "妹妹", "Younger sister"],
    ["78", "妹夫", "Younger sister's husband"],
    ["79", "其他兄弟姐妹", "Other sibling"],
    ["80", "其他", "Other relative"],
    ["81", "伯父", "Father's elder brother"],
    ["82", "伯母", "Father's elder brother's wife"],
    ["83", "叔父", "Father's younger brother"],
    ["84", "婶母", "Father's younger brother's wife"],
    ["85", "舅父", "Mother's brother"],
    ["86", "舅母", "Mother's brother's wife"],
    ["87", "姨父", "Mother's sister's husband"],
    ["88", "姨母", "Mother's sister"],
    ["89", "姑父", "Father's sister's husband"],
    ["90", "姑母", "Father's sister"],
    ["91", "堂兄弟、堂姐妹", "Paternal cousin"],
    ["92", "表兄弟、表姐妹", "Cousin (through a mother or aunt)"],
    ["93", "侄子", "Nephew (brother's son)"],
    ["94", "侄女", "Niece (brother's daughter)"],
    ["95", "外甥", "Nephew (sister's son)"],
    ["96", "外甥女", "Niece (sister's daughter)"],
    ["97", "其他亲属", "Other relative"],
    ["99", "非亲属", "Not a relative"],
  ]),

  table("education", { zh: "学历", en: "Education" }, "GB/T 4658-2006 (main levels)", [
    ["10", "研究生教育", "Postgraduate"],
    ["11", "博士研究生毕业", "Doctorate"],
    ["14", "硕士研究生毕业", "Master's degree"],
    ["20", "大学本科", "Bachelor's (university undergraduate)"],
    ["30", "大学专科和专科学校", "Junior college"],
    ["40", "中等专业学校", "Secondary vocational school"],
    ["50", "技工学校", "Technical school"],
    ["60", "高中", "Senior high school"],
    ["70", "初中", "Junior high school"],
    ["80", "小学", "Primary school"],
    ["90", "其他", "Other"],
  ]),

  table("political-status", { zh: "政治面貌", en: "Political status" }, "GB/T 4762-1984", [
    ["01", "中国共产党党员", "Member of the Communist Party of China"],
    ["02", "中国共产党预备党员", "Probationary member of the Communist Party of China"],
    ["03", "中国共产主义青年团团员", "Member of the Communist Youth League of China"],
    ["04", "中国国民党革命委员会会员", "Member of the Revolutionary Committee of the Chinese Kuomintang"],
    ["05", "中国民主同盟盟员", "Member of the China Democratic League"],
    ["06", "中国民主建国会会员", "Member of the China National Democratic Construction Association"],
    ["07", "中国民主促进会会员", "Member of the China Association for Promoting Democracy"],
    ["08", "中国农工民主党党员", "Member of the Chinese Peasants' and Workers' Democratic Party"],
    ["09", "中国致公党党员", "Member of the China Zhi Gong Party"],
    ["10", "九三学社社员", "Member of the Jiusan Society"],
    ["11", "台湾民主自治同盟盟员", "Member of the Taiwan Democratic Self-Government League"],
    ["12", "无党派民主人士", "Non-party democrat"],
    ["13", "群众", "Ordinary citizen (no affiliation)"],
  ]),

  table(
    "document-type",
    { zh: "证件类型", en: "Document type" },
    "GA/T 517-2004 (常用证件代码, main codes)",
    [
      ["111", "居民身份证", "Resident identity card"],
      ["112", "临时居民身份证", "Temporary resident identity card"],
      ["113", "户口簿", "Household register booklet"],
      ["114", "中国人民解放军军官证", "PLA officer's card"],
      ["115", "中国人民武装警察部队警官证", "Armed police officer's card"],
      ["411", "外交护照", "Diplomatic passport"],
      ["412", "公务护照", "Service passport"],
      ["413", "因公普通护照", "Ordinary passport for public affairs"],
      ["414", "普通护照", "Ordinary passport"],
      ["511", "台湾居民来往大陆通行证", "Mainland travel permit for Taiwan residents"],
      ["513", "往来港澳通行证", "Exit-entry permit to Hong Kong and Macao"],
      ["516", "港澳居民来往内地通行证", "Mainland travel permit for Hong Kong and Macao residents"],
      ["517", "大陆居民往来台湾通行证", "Mainland residents' travel permit to Taiwan"],
      ["553", "外国人永久居留身份证", "Foreign permanent resident ID card"],
      ["554", "外国人居留证", "Foreigner's residence permit"],
      ["555", "外国人临时居留证", "Foreigner's temporary residence permit"],
      ["990", "其他", "Other"],
    ],
  ),

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

  table(
    "migration-reason",
    { zh: "流入原因", en: "Migration reason" },
    `${GBT31000}; 02–08 as read by ${PRODUCT}`,
    [
      ["01", "务工", "Work"],
      ["02", "经商", "Business"],
      ["03", "服务", "Services"],
      ["04", "学习培训", "Study or training"],
      ["05", "随迁家属", "Accompanying family"],
      ["06", "投亲靠友", "Staying with relatives or friends"],
      ["07", "就医", "Medical treatment"],
      ["08", "旅游", "Tourism"],
      ["09", "工作调动", "Job transfer"],
      ["99", "其他", "Other"],
    ],
  ),

  table(
    "residence-type",
    { zh: "住所类型", en: "Residence type" },
    `${GBT31000}; 02–06 as read by ${PRODUCT}`,
    [
      ["01", "自有住房", "Own home"],
      ["02", "租赁房屋", "Rented home"],
      ["03", "单位内部宿舍", "Employer's premises or dormitory"],
      ["04", "借住亲友家", "With relatives or friends"],
      ["05", "工地现场", "Construction site"],
      ["06", "宾馆旅店", "Hotel or guesthouse"],
      ["07", "务工人员集体宿舍", "Migrant-worker dormitory"],
      ["99", "其他", "Other"],
    ],
  ),

  table("permit-type", { zh: "办证类型", en: "Permit type" }, GBT31000, [
    ["01", "居住证", "Residence permit"],
    ["02", "暂住证", "Temporary residence permit"],
    ["99", "其他", "Other"],
  ]),

  table("attention-level", { zh: "关注程度", en: "Attention level" }, GBT31000, [
    ["00", "无", "None"],
    ["01", "高", "High"],
    ["02", "中", "Medium"],
    ["03", "低", "Low"],
  ]),

  table("hazard-type", { zh: "安全隐患类型", en: "Hazard type" }, GBT31000, [
    ["00", "无", "None"],
    ["01", "治安隐患", "Public order"],
    ["02", "消防隐患", "Fire"],
    ["03", "矛盾纠纷隐患", "Dispute"],
    ["04", "劳资隐患", "Labour"],
    ["99", "其他", "Other"],
  ]),

  table("mass-prevention-team", { zh: "群防群治队伍类型", en: "Mass-prevention team" }, GBT31000, [
    ["01", "专职巡防队", "Full-time patrol"],
    ["02", "义务巡防队", "Volunteer patrol"],
    ["03", "保安公司", "Security company"],
    ["04", "志愿者", "Volunteers"],
    ["99", "其他", "Other"],
  ]),

  table("registered-equals-actual", { zh: "人户一致标识", en: "Registered = actual address" }, GBT31000, [
    ["01", "是", "Yes"],
    ["02", "否", "No"],
  ]),

  table("resident-type", { zh: "人口类型", en: "Resident type" }, PRODUCT, [
    ["registered", "户籍人口", "Registered resident"],
    ["floating", "流动人口", "Floating population"],
    ["foreign", "境外人员", "Overseas person (foreign, Hong Kong, Macao, Taiwan)"],
  ]),

  table("house-use", { zh: "房屋用途", en: "House use" }, PRODUCT, [
    ["residential", "住宅", "Residential"],
    ["commercial", "商业", "Commercial"],
    ["mixed", "商住两用", "Mixed residential and commercial"],
    ["office", "办公", "Office"],
    ["industrial", "工业", "Industrial"],
    ["other", "其他", "Other"],
  ]),

  table("place-type", { zh: "场所类型", en: "Place type" }, PRODUCT, [
    ["shop", "商铺", "Shop"],
    ["restaurant", "餐饮", "Restaurant"],
    ["bar", "酒吧等涉酒场所", "Bar"],
    ["entertainment", "KTV等娱乐场所", "KTV or entertainment venue"],
    ["hotel", "宾馆旅店", "Hotel"],
    ["internet_cafe", "网吧", "Internet café"],
    ["school", "学校", "School"],
    ["kindergarten", "幼儿园", "Kindergarten"],
    ["hospital", "医疗机构", "Hospital or clinic"],
    ["elderly_care", "养老机构", "Elderly care home"],
    ["factory", "工厂", "Factory"],
    ["warehouse", "仓库", "Warehouse"],
    ["construction_site", "建筑工地", "Construction site"],
    ["market", "市场", "Market"],
    ["high_rise_residential", "高层住宅楼", "High-rise residential building"],
    ["other", "其他", "Other"],
  ]),

  table("thing-type", { zh: "物品类型", en: "Thing type" }, PRODUCT, [
    ["gas_cylinder", "燃气钢瓶", "Gas cylinder"],
    ["extinguisher", "灭火器", "Fire extinguisher"],
    ["smoke_sensor", "烟感报警器", "Smoke sensor"],
    ["camera", "监控摄像头", "Camera"],
    ["micro_fire_station", "微型消防站", "Micro fire station"],
    ["fire_hydrant", "消火栓", "Fire hydrant"],
    ["other", "其他", "Other"],
  ]),

  table("colour-rating", { zh: "颜色等级", en: "Colour rating" }, PRODUCT, [
    ["red", "红色", "Red"],
    ["yellow", "黄色", "Yellow"],
    ["green", "绿色", "Green"],
  ]),

  table(
    "deregistration-reason",
    { zh: "注销原因", en: "Deregistration reason" },
    `${PRODUCT}; shared by places, households and houses`,
    [
      ["moved_away", "迁出", "Moved away"],
      ["died", "死亡", "Died"],
      ["demolished", "拆除", "Demolished"],
      ["closed", "停业关闭", "Closed"],
      ["other", "其他", "Other"],
    ],
  ),
];

/** Every table by id. */
export const codeTables: Record<string, CodeTable> = Object.fromEntries(tables.map((t) => [t.id, t]));

const index = new Map(tables.map((t) => [t.id, new Map(t.entries.map((e) => [e.code, e]))]));

/** Whether `code` is an entry of table `tableId` (false for an unknown table). */
export function isCode(tableId: string, code: string): boolean {
  return index.get(tableId)?.has(code) ?? false;
}

/** The label of `code` in `lang`, or undefined when the table or the code does not exist. */
export function codeLabel(tableId: string, code: string, lang: "zh" | "en"): string | undefined {
  return index.get(tableId)?.get(code)?.[lang];
}
