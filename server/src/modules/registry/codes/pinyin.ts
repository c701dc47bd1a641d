/**
 * Pinyin search keys of a person's name, so that lists find 张三丰 by "zhangsanfeng" or "zsf".
 * Polyphonic surnames are read as surnames (单 shan, 曾 zeng, 解 xie, 仇 qiu, 朴 piao, 区 ou, 查 zha,
 * compound 尉迟 yuchi…) by pinyin-pro's surname mode; ü is written v (吕 → lv) as typed on a keyboard.
 */
import { pinyin } from "pinyin-pro";

export interface PinyinKeys {
  /** All syllables run together, lower case, letters and digits only: "zhangsanfeng". */
  full: string;
  /** The first letter of each syllable (of each word for non-Chinese parts): "zsf". */
  initials: string;
}

export function pinyinKeys(name: string): PinyinKeys {
  const text = name.normalize("NFKC").trim();
  if (!text) return { full: "", initials: "" };
  const parts = pinyin(text, {
    toneType: "none",
    type: "array",
    surname: "head",
    nonZh: "consecutive",
    v: true,
  })
    // "Tom Lee" arrives as one part; separators (spaces, the · of transliterated names) are dropped
    .flatMap((p) =>
      p
        .normalize("NFKD")
        .replace(/\p{M}/gu, "") // José → jose
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    )
    .filter((p) => p !== "");
  return { full: parts.join(""), initials: parts.map((p) => p[0]).join("") };
}
