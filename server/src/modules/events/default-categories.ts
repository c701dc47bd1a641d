import type { CategoriesDoc, Category } from "./event-config-types";

type Leaf = [code: string, zh: string, en: string, isPublic?: boolean];
type Group = { code: string; zh: string; en: string; sensitive?: boolean; public?: boolean; leaves: Leaf[] };

/**
 * The default two-level category tree: city-management events and components in the manner of
 * GB/T 30428 (市容环境, 宣传广告, 施工管理, 街面秩序, 突发事件, 设施部件), then the governance categories of
 * a street centre (disputes, public order, fire and gas safety, rentals, key persons, petitions, family,
 * 110 non-police help, livelihood services). Codes are stable; an administrator extends the tree.
 */
const GROUPS: Group[] = [
  {
    code: "01",
    zh: "市容环境",
    en: "City appearance and environment",
    public: true,
    leaves: [
      ["0101", "暴露垃圾", "Exposed rubbish"],
      ["0102", "积存垃圾渣土", "Accumulated rubbish or muck"],
      ["0103", "道路不洁", "Dirty road surface"],
      ["0104", "水域不洁", "Dirty water surface"],
      ["0105", "绿地脏乱", "Untidy green space"],
      ["0106", "焚烧垃圾树叶", "Burning rubbish or leaves"],
      ["0107", "餐饮油烟", "Cooking fumes"],
      ["0108", "噪声扰民", "Noise nuisance"],
    ],
  },
  {
    code: "02",
    zh: "宣传广告",
    en: "Posters and advertising",
    public: true,
    leaves: [
      ["0201", "非法小广告", "Illegal flyers and graffiti adverts"],
      ["0202", "违规张贴悬挂", "Unauthorised posting or banners"],
      ["0203", "占道广告牌", "Advertising board on the pavement"],
      ["0204", "店招牌匾破损", "Damaged shop sign"],
    ],
  },
  {
    code: "03",
    zh: "施工管理",
    en: "Construction",
    public: true,
    leaves: [
      ["0301", "施工扰民", "Construction nuisance"],
      ["0302", "工地扬尘", "Construction dust"],
      ["0303", "道路遗撒", "Spillage on the road"],
      ["0304", "违法建设", "Illegal construction"],
      ["0305", "施工占道", "Construction occupying the road"],
    ],
  },
  {
    code: "04",
    zh: "街面秩序",
    en: "Street order",
    public: true,
    leaves: [
      ["0401", "无照经营游商", "Unlicensed street vendors"],
      ["0402", "店外经营", "Trading outside the shop"],
      ["0403", "占道经营", "Stalls occupying the road"],
      ["0404", "乱停放车辆", "Illegally parked vehicles"],
      ["0405", "露天烧烤", "Open-air barbecue"],
      ["0406", "乞讨卖艺", "Begging and busking"],
    ],
  },
  {
    code: "05",
    zh: "突发事件",
    en: "Emergencies",
    public: true,
    leaves: [
      ["0501", "火灾", "Fire"],
      ["0502", "燃气泄漏", "Gas leak"],
      ["0503", "路面塌陷", "Road collapse"],
      ["0504", "供水管爆裂", "Burst water main"],
      ["0505", "道路积水", "Flooded road"],
      ["0506", "道路结冰积雪", "Ice or snow on the road"],
    ],
  },
  {
    code: "06",
    zh: "设施部件",
    en: "Public facilities (components)",
    public: true,
    leaves: [
      ["0601", "井盖破损缺失", "Damaged or missing manhole cover"],
      ["0602", "路灯损坏", "Broken street light"],
      ["0603", "道路破损", "Damaged road"],
      ["0604", "公共设施损坏", "Damaged public facility"],
      ["0605", "绿化损坏", "Damaged greenery"],
      ["0606", "交通设施损坏", "Damaged traffic facility"],
    ],
  },
  {
    code: "07",
    zh: "矛盾纠纷",
    en: "Disputes",
    sensitive: true,
    leaves: [
      ["0701", "婚姻家庭纠纷", "Marriage and family dispute"],
      ["0702", "邻里纠纷", "Neighbour dispute"],
      ["0703", "劳资纠纷", "Labour and wage dispute"],
      ["0704", "物业纠纷", "Property management dispute"],
      ["0705", "房屋宅基地纠纷", "House or house-site dispute"],
      ["0706", "征地拆迁纠纷", "Land requisition and demolition dispute"],
      ["0707", "消费纠纷", "Consumer dispute"],
      ["0708", "医患纠纷", "Doctor–patient dispute"],
      ["0709", "交通事故纠纷", "Traffic accident dispute"],
      ["0799", "其他纠纷", "Other dispute"],
    ],
  },
  {
    code: "08",
    zh: "治安",
    en: "Public order",
    sensitive: true,
    leaves: [
      ["0801", "治安隐患", "Public order hazard"],
      ["0802", "可疑人员", "Suspicious persons"],
      ["0803", "打架斗殴", "Fighting"],
      ["0804", "盗窃", "Theft"],
      ["0805", "电信网络诈骗", "Telecom and online fraud"],
      ["0806", "黄赌毒", "Prostitution, gambling, drugs"],
    ],
  },
  {
    code: "09",
    zh: "消防安全",
    en: "Fire safety",
    public: true,
    leaves: [
      ["0901", "消防通道堵塞", "Blocked fire lane"],
      ["0902", "电动车违规充电", "Unsafe e-bike charging"],
      ["0903", "消防设施损坏", "Damaged fire equipment"],
      ["0904", "火灾隐患", "Fire hazard"],
      ["0905", "烟感报警", "Smoke alarm", false],
    ],
  },
  {
    code: "10",
    zh: "燃气安全",
    en: "Gas safety",
    public: true,
    leaves: [
      ["1001", "燃气异味", "Smell of gas"],
      ["1002", "违规使用气瓶", "Unsafe gas cylinders"],
      ["1003", "燃气报警", "Gas alarm", false],
      ["1004", "燃气设施隐患", "Gas installation hazard"],
    ],
  },
  {
    code: "11",
    zh: "出租房屋",
    en: "Rented housing",
    leaves: [
      ["1101", "群租", "Group rental"],
      ["1102", "出租未登记", "Unregistered rental"],
      ["1103", "出租房安全隐患", "Safety hazard in a rental"],
    ],
  },
  {
    code: "12",
    zh: "重点人员",
    en: "Key persons",
    sensitive: true,
    leaves: [
      ["1201", "精神障碍患者异常", "Person with a mental disorder in crisis"],
      ["1202", "社区矫正人员异常", "Community-corrections person of concern"],
      ["1203", "刑满释放人员异常", "Released prisoner of concern"],
      ["1204", "重点青少年", "Key youth"],
      ["1205", "吸毒人员异常", "Drug user of concern"],
    ],
  },
  {
    code: "13",
    zh: "信访",
    en: "Petitions",
    sensitive: true,
    leaves: [
      ["1301", "信访诉求", "Petition"],
      ["1302", "群体性上访苗头", "Signs of a group petition"],
    ],
  },
  {
    code: "14",
    zh: "家事",
    en: "Family matters",
    sensitive: true,
    leaves: [
      ["1401", "家庭暴力", "Domestic violence"],
      ["1402", "家庭矛盾", "Family conflict"],
      ["1403", "赡养抚养", "Support of parents or children"],
    ],
  },
  {
    code: "15",
    zh: "非警务求助",
    en: "Non-police help (110)",
    sensitive: true,
    leaves: [
      ["1501", "生活求助", "Help in daily life"],
      ["1502", "走失寻人", "Missing person found or sought"],
      ["1503", "动物求助", "Animal help"],
      ["1504", "设施报修", "Repair request"],
    ],
  },
  {
    code: "16",
    zh: "民生服务",
    en: "Livelihood services",
    public: true,
    leaves: [
      ["1601", "政策咨询", "Enquiry"],
      ["1602", "意见建议", "Suggestion"],
      ["1603", "生活服务求助", "Help request"],
      ["1604", "养老助残", "Elderly and disability care"],
      ["1605", "物业服务", "Property services"],
    ],
  },
];

function build(): Category[] {
  const out: Category[] = [];
  for (const g of GROUPS) {
    const sensitive = g.sensitive ?? false;
    out.push({
      code: g.code,
      parent: null,
      name: { zh: g.zh, en: g.en },
      public: !sensitive && (g.public ?? false),
      sensitive,
    });
    for (const [code, zh, en, isPublic] of g.leaves)
      out.push({
        code,
        parent: g.code,
        name: { zh, en },
        public: !sensitive && (isPublic ?? g.public ?? false),
        sensitive,
      });
  }
  return out;
}

export const DEFAULT_CATEGORIES: CategoriesDoc = { categories: build() };
