/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of places and organisations.
 *
 * 18 characters from a 31-character set (digits and upper-case letters without I, O, S, V, Z):
 *
 *   1      registration authority (登记管理部门代码): 1 organisation staffing, 5 civil affairs,
 *          9 market regulation (formerly industry and commerce)…
 *   2      organisation type within that authority (机构类别代码): 91 enterprise, 92 individual
 *          business, 93 farmers' cooperative…
 *   3–8    GB/T 2260 division code of the registering authority (100000 for central-level bodies)
 *   9–17   the organisation code (主体标识码, GB 11714-1997): 8 characters and their own MOD 11
 *          check character (0–9 or X) in position 17
 *   18     the check character: MOD 31 over positions 1–17
 */
import type { Message } from "../../../core/errors";
import { PROVINCE_CODES } from "./divisions";

/** The 31 characters of GB 32100, in the order that gives each its value 0…30. */
export const CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Weights of positions 1–17: 3^(i) mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Weights of the organisation code's 8 body characters (GB 11714-1997). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Registration authorities and the organisation types each assigns (GB 32100-2015 Appendix A, with
 * the later additions A for the Central Military Commission's staffing office and N for agriculture
 * (rural collective economic organisations)).
 */
export const CREDIT_AUTHORITIES: Readonly<
  Record<string, Message & { types: Readonly<Record<string, Message>> }>
> = {
  "1": {
    zh: "机构编制",
    en: "Organisation staffing",
    types: {
      "1": { zh: "机关", en: "Government body" },
      "2": { zh: "事业单位", en: "Public institution" },
      "3": {
        zh: "中央编办直接管理机构编制的群众团体",
        en: "Mass organisation staffed by the central staffing office",
      },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "2": {
    zh: "外交",
    en: "Foreign affairs",
    types: {
      "1": { zh: "外国常驻新闻机构", en: "Resident foreign news agency" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "3": {
    zh: "司法行政",
    en: "Justice administration",
    types: {
      "1": { zh: "律师执业机构", en: "Law firm" },
      "2": { zh: "公证处", en: "Notary office" },
      "3": { zh: "基层法律服务所", en: "Grassroots legal service office" },
      "4": { zh: "司法鉴定机构", en: "Forensic appraisal institution" },
      "5": { zh: "仲裁委员会", en: "Arbitration commission" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "4": {
    zh: "文化",
    en: "Culture",
    types: {
      "1": { zh: "外国在华文化中心", en: "Foreign cultural centre in China" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "5": {
    zh: "民政",
    en: "Civil affairs",
    types: {
      "1": { zh: "社会团体", en: "Social organisation" },
      "2": { zh: "民办非企业单位", en: "Private non-enterprise unit" },
      "3": { zh: "基金会", en: "Foundation" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "6": {
    zh: "旅游",
    en: "Tourism",
    types: {
      "1": { zh: "外国旅游部门常驻代表机构", en: "Representative office of a foreign tourism authority" },
      "2": {
        zh: "港澳台地区旅游部门常驻内地（大陆）代表机构",
        en: "Representative office of a Hong Kong, Macao or Taiwan tourism authority",
      },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "7": {
    zh: "宗教",
    en: "Religious affairs",
    types: {
      "1": { zh: "宗教活动场所", en: "Place of religious activity" },
      "2": { zh: "宗教院校", en: "Religious school" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "8": {
    zh: "工会",
    en: "Trade unions",
    types: {
      "1": { zh: "基层工会", en: "Grassroots trade union" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "9": {
    zh: "市场监督管理（原工商）",
    en: "Market regulation (formerly industry and commerce)",
    types: {
      "1": { zh: "企业", en: "Enterprise" },
      "2": { zh: "个体工商户", en: "Individual business" },
      "3": { zh: "农民专业合作社", en: "Farmers' specialised cooperative" },
    },
  },
  A: {
    zh: "中央军委改革和编制办公室",
    en: "Central Military Commission reform and staffing office",
    types: {
      "1": { zh: "军队事业单位", en: "Military public institution" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  N: {
    zh: "农业",
    en: "Agriculture",
    types: {
      "1": { zh: "组级集体经济组织", en: "Group-level collective economic organisation" },
      "2": { zh: "村级集体经济组织", en: "Village-level collective economic organisation" },
      "3": { zh: "乡镇级集体经济组织", en: "Township-level collective economic organisation" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  Y: {
    zh: "其他",
    en: "Other",
    types: { "1": { zh: "其他", en: "Other" } },
  },
};

export type CreditCodeErrorCode =
  | "CC_REQUIRED"
  | "CC_FORMAT"
  | "CC_AUTHORITY"
  | "CC_ORG_TYPE"
  | "CC_REGION"
  | "CC_ORG_CHECKSUM"
  | "CC_CHECKSUM";

export type CreditCodeResult =
  | {
      ok: true;
      /** ASCII, upper case, no spaces. */
      normalized: string;
      authority: { code: string } & Message;
      orgType: { code: string } & Message;
      /** GB/T 2260 division code of the registering authority ("100000" for central level). */
      region: string;
      /** The 9-character organisation code (GB 11714), check character included. */
      orgCode: string;
    }
  | { ok: false; code: CreditCodeErrorCode; message: Message };

type CreditCodeError = Extract<CreditCodeResult, { ok: false }>;

const fail = (code: CreditCodeErrorCode, zh: string, en: string): CreditCodeError => ({
  ok: false,
  code,
  message: { zh, en },
});

/** The MOD 31 check character of the first 17 characters (which must be in the 31-character set). */
export function creditCodeCheckChar(body: string): string {
  if (body.length !== 17) throw new TypeError(`A credit code body has 17 characters, not “${body}”`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(body[i]!);
    if (v < 0) throw new TypeError(`“${body[i]}” is not a credit code character`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/**
 * The check character ("0"–"9" or "X") of an 8-character organisation code body (GB 11714-1997:
 * digits are worth 0–9, letters A–Z 10–35; 11 − weighted sum mod 11, 10 written X, 11 written 0).
 */
export function orgCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body))
    throw new TypeError(`An organisation code body has 8 characters, not “${body}”`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

const CREDIT_FORMAT = new RegExp(`^[${CREDIT_CODE_CHARS}]{18}$`);

/**
 * Checks a unified social credit code: its characters, the registration authority and organisation
 * type, the region's province, the organisation code's own check character and the final MOD 31
 * check character. Full-width characters, spaces and lower case are accepted and normalised.
 */
export function validateCreditCode(text: string): CreditCodeResult {
  const n = text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, "")
    .toUpperCase();
  if (!n) return fail("CC_REQUIRED", "请填写统一社会信用代码", "The unified social credit code is missing");
  if (n.length !== 18) {
    return fail(
      "CC_FORMAT",
      `统一社会信用代码应为 18 位，实际为 ${n.length} 位`,
      `The unified social credit code should have 18 characters, not ${n.length}`,
    );
  }
  if (!CREDIT_FORMAT.test(n)) {
    return fail(
      "CC_FORMAT",
      "统一社会信用代码含有不允许的字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）",
      "The unified social credit code contains a character it cannot have (only digits and the capital letters other than I, O, S, V, Z)",
    );
  }
  const authority = CREDIT_AUTHORITIES[n[0]!];
  if (!authority) {
    return fail(
      "CC_AUTHORITY",
      `统一社会信用代码的登记管理部门代码“${n[0]}”不存在`,
      `The unified social credit code's registration authority “${n[0]}” does not exist`,
    );
  }
  const orgType = authority.types[n[1]!];
  if (!orgType) {
    return fail(
      "CC_ORG_TYPE",
      `统一社会信用代码的机构类别代码“${n[1]}”不属于登记管理部门“${authority.zh}”`,
      `The unified social credit code's organisation type “${n[1]}” does not exist for the authority “${authority.en}”`,
    );
  }
  const region = n.slice(2, 8);
  if (!/^\d{6}$/.test(region) || !(region === "100000" || PROVINCE_CODES.has(region.slice(0, 2)))) {
    return fail(
      "CC_REGION",
      `统一社会信用代码的登记管理机关行政区划码 ${region} 不存在`,
      `The unified social credit code's division code ${region} does not exist`,
    );
  }
  const orgCode = n.slice(8, 17);
  if (orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) {
    return fail(
      "CC_ORG_CHECKSUM",
      `统一社会信用代码中的组织机构代码 ${orgCode} 校验位错误`,
      `The check character of the organisation code ${orgCode} inside the unified social credit code is wrong`,
    );
  }
  if (creditCodeCheckChar(n.slice(0, 17)) !== n[17]) {
    return fail(
      "CC_CHECKSUM",
      "统一社会信用代码校验位错误",
      "The unified social credit code's check character is wrong",
    );
  }
  return {
    ok: true,
    normalized: n,
    authority: { code: n[0]!, zh: authority.zh, en: authority.en },
    orgType: { code: n[1]!, zh: orgType.zh, en: orgType.en },
    region,
    orgCode,
  };
}
