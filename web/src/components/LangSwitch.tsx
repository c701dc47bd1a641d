import { GlobalOutlined } from "@ant-design/icons";
import { Button, Segmented } from "antd";
import { useLang, useT } from "../i18n/I18nProvider";
import type { Lang } from "../i18n/translate";

/** 中文 / EN switch: a segmented control, or (`compact`) a text button naming the other language for the dark header. */
export function LangSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { lang, setLang } = useLang();
  if (compact) {
    const other: Lang = lang === "zh-CN" ? "en-US" : "zh-CN";
    return (
      <Button
        type="text"
        size="small"
        icon={<GlobalOutlined />}
        aria-label={t("lang.switch")}
        title={t("lang.switch")}
        onClick={() => setLang(other)}
        style={{ color: "inherit" }}
      >
        {other === "zh-CN" ? t("lang.zh") : t("lang.en")}
      </Button>
    );
  }
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t("lang.switch")}
      value={lang}
      onChange={setLang}
      options={[
        { label: t("lang.zh"), value: "zh-CN" },
        { label: t("lang.en"), value: "en-US" },
      ]}
    />
  );
}
