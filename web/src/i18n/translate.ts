import { enUS } from "./en-US";
import { zhCN, type MessageKey } from "./zh-CN";

export type { MessageKey } from "./zh-CN";

export type Lang = "zh-CN" | "en-US";
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];
export const DEFAULT_LANG: Lang = "zh-CN";
export const LANG_STORAGE_KEY = "pingan.lang";

export const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  "zh-CN": zhCN,
  "en-US": enUS,
};

/** Replaces `{name}` placeholders with vars; unknown placeholders stay as written. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** Looks a key up in the language's dictionary, falling back to zh-CN, then to the key itself. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? zhCN[key] ?? key;
  return interpolate(template, vars);
}

/** True when `key` is a known message key (for keys built at run time, such as `role.${code}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** Reads the saved language; anything unknown (or no storage) gives the default, zh-CN. */
export function readStoredLang(storage: Pick<Storage, "getItem"> | undefined): Lang {
  try {
    const saved = storage?.getItem(LANG_STORAGE_KEY);
    return LANGS.find((l) => l === saved) ?? DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** The label of a role code in the current language; unknown codes are shown as they are. */
export function roleLabel(t: TFunction, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** The label of an area level code (`street` → 街道（镇）); unknown levels are shown as they are. */
export function levelLabel(t: TFunction, level: string): string {
  const key = `level.${level}`;
  return isMessageKey(key) ? t(key) : level;
}
