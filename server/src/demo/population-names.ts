/**
 * Plausible Chinese names, places and numbers for the demo population: surnames by their frequency
 * (the national ranking, Zhejiang's common names weighted up a little), given names from
 * characters by sex, valid mobile numbers and resident IDs with real check digits.
 */
import { creditCodeCheckChar, orgCodeCheckChar } from "../modules/registry/codes/credit-code";
import { residentIdCheckDigit } from "../modules/registry/codes/id-documents";
import type { rng } from "./random";

export type Rng = ReturnType<typeof rng>;

// surname, weight (per mille of the population, rounded)
const SURNAMES: [string, number][] = [
  ["王", 71],
  ["李", 70],
  ["张", 68],
  ["陈", 60],
  ["刘", 54],
  ["杨", 31],
  ["黄", 24],
  ["周", 23],
  ["吴", 22],
  ["徐", 21],
  ["赵", 20],
  ["孙", 15],
  ["朱", 14],
  ["胡", 14],
  ["林", 13],
  ["马", 12],
  ["郭", 11],
  ["何", 11],
  ["郑", 11],
  ["罗", 9],
  ["高", 9],
  ["梁", 8],
  ["谢", 7],
  ["金", 7],
  ["宋", 6],
  ["唐", 6],
  ["许", 6],
  ["沈", 6],
  ["韩", 5],
  ["冯", 5],
  ["邓", 5],
  ["曹", 5],
  ["彭", 5],
  ["曾", 4],
  ["肖", 4],
  ["田", 4],
  ["董", 4],
  ["袁", 4],
  ["潘", 4],
  ["蒋", 4],
  ["于", 3],
  ["蔡", 3],
  ["余", 3],
  ["杜", 3],
  ["叶", 4],
  ["程", 3],
  ["苏", 3],
  ["魏", 3],
  ["吕", 3],
  ["丁", 3],
  ["任", 3],
  ["姚", 3],
  ["卢", 3],
  ["姜", 2],
  ["崔", 2],
  ["钟", 2],
  ["谭", 2],
  ["陆", 3],
  ["汪", 3],
  ["范", 2],
  ["石", 2],
  ["廖", 2],
  ["贾", 2],
  ["夏", 2],
  ["方", 3],
  ["邵", 2],
  ["毛", 2],
  ["俞", 2],
  ["应", 2],
  ["严", 2],
  ["钱", 2],
  ["顾", 2],
  ["孔", 1],
  ["史", 1],
  ["戎", 1],
  ["屠", 1],
  ["竺", 1],
  ["翁", 1],
  ["欧阳", 1],
  ["诸葛", 1],
];
const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

const MALE = "伟强磊军勇杰涛斌浩鹏宇明俊建国华平刚辉峰超波亮志文彬翔鑫凯晨睿博轩子豪嘉诚";
const FEMALE = "芳娜敏静丽艳娟霞秀英婷雪琳倩颖洁玲慧佳怡欣梦瑶悦涵雨萱思彤晓燕红梅兰";
const ANY = "一子文佳晨宇嘉安然欣怡雨清远明思";

/** A surname drawn by frequency. */
export function surname(r: Rng): string {
  let x = r.next() * SURNAME_TOTAL;
  for (const [s, w] of SURNAMES) if ((x -= w) < 0) return s;
  return "王";
}

/** A given name of one or two characters (two for most people born after 1970). */
export function givenName(r: Rng, male: boolean, birthYear: number): string {
  const pool = male ? MALE : FEMALE;
  const one = () => (r.next() < 0.8 ? pool[r.int(0, pool.length - 1)]! : ANY[r.int(0, ANY.length - 1)]!);
  return r.next() < (birthYear < 1970 ? 0.45 : 0.15) ? one() : one() + one();
}

const MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "157",
  "158",
  "159",
  "166",
  "173",
  "177",
  "180",
  "181",
  "182",
  "183",
  "186",
  "187",
  "188",
  "189",
  "191",
  "198",
  "199",
];

/** A valid mainland mobile number. */
export function mobile(r: Rng): string {
  return r.pick(MOBILE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, "0");
}

/** Where floating residents come from: county codes (GB/T 2260) of common origins for Ningbo. */
export const ORIGINS: { code: string; name: string }[] = [
  { code: "341221", name: "安徽省阜阳市临泉县" },
  { code: "341222", name: "安徽省阜阳市太和县" },
  { code: "411522", name: "河南省信阳市光山县" },
  { code: "411524", name: "河南省信阳市商城县" },
  { code: "511623", name: "四川省广安市邻水县" },
  { code: "513721", name: "四川省巴中市通江县" },
  { code: "522426", name: "贵州省毕节市纳雍县" },
  { code: "360731", name: "江西省赣州市于都县" },
  { code: "433130", name: "湖南省湘西州龙山县" },
  { code: "330326", name: "浙江省温州市平阳县" },
];

/**
 * Allocates resident IDs that are unique within a run: the sequence number counts up per region,
 * birth date and sex (odd for men, even for women), so two people never share a number.
 */
export class IdAllocator {
  private readonly next = new Map<string, number>();

  /** A valid 18-digit ID; `birth` is YYYY-MM-DD (moved a day on in the rare case a day is full). */
  allocate(region: string, birth: string, male: boolean): { id: string; birth: string } {
    let day = birth;
    for (;;) {
      const key = `${region}${day}${male ? 1 : 0}`;
      const n = this.next.get(key) ?? 0;
      if (n < 499) {
        this.next.set(key, n + 1);
        const seq = String(male ? n * 2 + 1 : n * 2 + 2).padStart(3, "0");
        const body = `${region}${day.replace(/-/g, "")}${seq}`;
        return { id: body + residentIdCheckDigit(body), birth: day };
      }
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
  }
}

export const COMPOUNDS = [
  "樱花苑",
  "东胜小区",
  "朝晖新村",
  "史家新村",
  "泰和花园",
  "庆安公寓",
  "戎家花园",
  "王家新村",
  "新城家园",
  "张斌大厦",
  "东郊佳苑",
  "锦绣华庭",
  "春江花城",
  "和美嘉园",
  "福明家园",
];
export const ROADS = [
  "东胜路",
  "宁穿路",
  "江东北路",
  "中山东路",
  "百丈东路",
  "桑田路",
  "彩虹北路",
  "民安路",
  "惊驾路",
  "河清北路",
];
export const SHOP_NAMES = [
  "便利店",
  "水果店",
  "理发店",
  "药店",
  "五金店",
  "超市",
  "面包房",
  "花店",
  "电动车行",
  "烟酒店",
  "眼镜店",
  "洗衣店",
];
export const RESTAURANT_NAMES = [
  "面馆",
  "小吃店",
  "饺子馆",
  "快餐店",
  "烧烤店",
  "土菜馆",
  "海鲜排档",
  "奶茶店",
];
export const BAR_NAMES = ["酒吧", "小酒馆", "音乐餐吧", "啤酒屋"];
export const SHOP_BRANDS = [
  "好邻居",
  "东胜",
  "佳佳",
  "阿强",
  "老王",
  "甬城",
  "鑫鑫",
  "丽丽",
  "小李",
  "华联",
  "百姓",
  "宁波人家",
  "阿婆",
  "老街",
];

/** A valid unified social credit code of an enterprise (91) or sole trader (92) registered in 鄞州区. */
export function creditCode(n: number, soleTrader: boolean): string {
  const org = `MA${String(n).padStart(6, "0")}`;
  const body = `${soleTrader ? "92" : "91"}330212${org}${orgCodeCheckChar(org)}`;
  return body + creditCodeCheckChar(body);
}
