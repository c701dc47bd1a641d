import { ApiError } from "../api/client";
import { useLang, useT } from "./I18nProvider";
import type { Lang, TFunction } from "./translate";

/** The text to show for a failure: the server's message in the current language, else a generic one. */
export function errorText(error: unknown, lang: Lang, t: TFunction): string {
  if (error instanceof ApiError) return lang === "zh-CN" ? error.messages.zh : error.messages.en;
  return t("error.unknown");
}

/** `errorText` bound to the current language. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  const { lang } = useLang();
  return (error: unknown) => errorText(error, lang, t);
}
