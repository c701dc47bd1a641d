import { Tag } from "antd";
import { useLang } from "../../../i18n/I18nProvider";
import { codeText } from "./codes";

const COLOURS: Record<string, string> = { red: "red", yellow: "gold", green: "green" };

/** A place's colour rating (red / yellow / green) as a coloured tag; nothing when unrated. */
export function ColourTag({ colour, none }: { colour: string | null | undefined; none?: string }) {
  const { lang } = useLang();
  if (!colour) return none ? <Tag>{none}</Tag> : null;
  return (
    <Tag color={COLOURS[colour]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {codeText("colour-rating", colour, lang)}
    </Tag>
  );
}
