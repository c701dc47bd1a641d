import { Tag } from "antd";
import { useT } from "../../i18n/I18nProvider";
import { stateLabel, urgencyLabel } from "./labels";

const STATE_COLOURS: Record<string, string> = {
  reported: "blue",
  accepted: "geekblue",
  returned: "orange",
  dispatched: "purple",
  handling: "purple",
  suspended: "default",
  feedback: "cyan",
  verified: "cyan",
  closed: "green",
  evaluated: "green",
  merged: "default",
  cancelled: "default",
  invalid: "default",
};

/** The state of an event as a coloured tag. */
export function StateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOURS[state] ?? "default"} data-state={state}>
      {stateLabel(t, state)}
    </Tag>
  );
}

/** 一般 / 紧急 / 特急 as a tag (nothing for normal when `quiet`). */
export function UrgencyTag({ urgency, quiet = false }: { urgency: string; quiet?: boolean }) {
  const t = useT();
  if (quiet && urgency === "normal") return null;
  const colour = urgency === "critical" ? "red" : urgency === "urgent" ? "volcano" : "default";
  return <Tag color={colour}>{urgencyLabel(t, urgency)}</Tag>;
}
