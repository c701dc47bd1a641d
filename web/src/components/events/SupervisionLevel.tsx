import { Tag } from "antd";
import { useT } from "../../i18n/I18nProvider";
import { isMessageKey } from "../../i18n/translate";

/** 黄牌 / 红牌 / 督办提示 as a tag. */
export function SupervisionLevel({ level }: { level: string }) {
  const t = useT();
  const key = `events.supervision.level.${level}`;
  const colour = level === "red" ? "red" : level === "yellow" ? "gold" : "blue";
  return <Tag color={colour}>{isMessageKey(key) ? t(key) : level}</Tag>;
}
