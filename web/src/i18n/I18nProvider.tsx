import { App as AntApp, ConfigProvider } from "antd";
import enLocale from "antd/locale/en_US";
import zhLocale from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { theme } from "../theme";
import {
  LANG_STORAGE_KEY,
  readStoredLang,
  translate,
  type Lang,
  type MessageKey,
  type TFunction,
  type Vars,
} from "./translate";

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Holds the UI language (saved in localStorage `pingan.lang`) and the matching antd locale and theme. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => readStoredLang(browserStorage()));

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      browserStorage()?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key: MessageKey, vars?: Vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );

  // dayjs's locale is global and the date pickers read it while rendering (month and weekday
  // names, first day of the week), so it is switched here rather than in an effect
  dayjs.locale(lang === "zh-CN" ? "zh-cn" : "en");

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, "app.title");
  }, [lang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === "zh-CN" ? zhLocale : enLocale}
        theme={theme}
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() needs an <I18nProvider> above it");
  return value;
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useI18n().t;
}

/** The current language and a setter that also saves it. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
}
