import { Tag } from "antd";
import type { PersonView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { codeText } from "./codes";
import { statusLabel } from "./labels";

const RESIDENT_COLOURS: Record<string, string> = { floating: "orange", foreign: "purple" };

/** The tags a person carries in lists and files: not active, floating/overseas, lives alone, minor, elderly. */
export function PersonTags({
  person,
  hideResidentType = false,
}: {
  person: Pick<PersonView, "residentType" | "livesAlone" | "minor" | "age" | "status">;
  /** Leave out the resident type (where a column already shows it). */
  hideResidentType?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      {person.status !== "active" ? <Tag color="default">{statusLabel(t, person.status)}</Tag> : null}
      {!hideResidentType && person.residentType !== "registered" ? (
        <Tag color={RESIDENT_COLOURS[person.residentType]}>
          {codeText("resident-type", person.residentType, lang)}
        </Tag>
      ) : null}
      {person.livesAlone ? <Tag color="magenta">{t("registry.person.livesAlone")}</Tag> : null}
      {person.minor ? <Tag color="cyan">{t("registry.person.minor")}</Tag> : null}
      {person.age !== null && person.age >= 60 ? (
        <Tag color="geekblue">{t("registry.person.elderly")}</Tag>
      ) : null}
    </>
  );
}

/** "男 · 45岁" style line: sex label and age, whichever are known. */
export function sexAge(
  person: Pick<PersonView, "sex" | "age">,
  lang: "zh-CN" | "en-US",
  ageText: (age: number) => string,
): string {
  const parts: string[] = [];
  if (person.sex && person.sex !== "0" && person.sex !== "9") {
    const sex = codeText("sex", person.sex, lang) ?? "";
    parts.push(lang === "zh-CN" ? sex.replace(/性$/, "") : sex);
  }
  if (person.age !== null) parts.push(ageText(person.age));
  return parts.join(" · ");
}
