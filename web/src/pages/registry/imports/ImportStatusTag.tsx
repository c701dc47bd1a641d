import { Tag } from "antd";
import { useT } from "../../../i18n/I18nProvider";
import { isMessageKey, type TFunction } from "../../../i18n/translate";

const COLOURS: Record<string, string> = {
  validating: "processing",
  loading: "processing",
  invalid: "error",
  failed: "error",
  done: "success",
};

/** An import's status as a coloured tag. */
export function ImportStatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `registry.import.status.${status}`;
  return <Tag color={COLOURS[status]}>{isMessageKey(key) ? t(key) : status}</Tag>;
}

/** What an import kind is called (persons, houses, places). */
export function kindLabel(t: TFunction, kind: string): string {
  const key = `registry.import.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
