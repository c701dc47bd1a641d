import { Space, Tag, Tooltip, Typography } from "antd";
import type { EventSummary } from "../../api/event-types";
import { useT } from "../../i18n/I18nProvider";
import type { TFunction } from "../../i18n/translate";
import { formatDateTime, useMinuteClock } from "../../lib/time";
import { colourLabel } from "./labels";
import { COLOUR_HEX, formatDuration, liveColour, timeLeft, type DurationWords } from "./sla";

/** The duration words of the UI language. */
export function durationWords(t: TFunction): DurationWords {
  return {
    day: t("events.dur.day"),
    hour: t("events.dur.hour"),
    minute: t("events.dur.minute"),
    join: (n, unit) => `${n} ${unit}`,
    separator: " ",
  };
}

/** "剩余 2 小时" / "超期 3 小时" / "" (no deadline). */
export function timeLeftText(t: TFunction, deadline: string | null | undefined, now: Date): string {
  const left = timeLeft(deadline, now);
  if (!left) return "";
  const time = formatDuration(left.ms, durationWords(t));
  return left.overdue ? t("events.sla.overdue", { time }) : t("events.sla.left", { time });
}

type Clocked = Pick<EventSummary, "deadline"> & {
  colour: string;
  overdue?: boolean;
  warnAt?: string | null;
  paused?: boolean;
  closedAt?: string | null;
};

/** A round light in the SLA colour. */
export function ColourDot({ colour, size = 10 }: { colour: keyof typeof COLOUR_HEX; size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: "inline-block",
        width: size,
        height: size,
        borderRadius: "50%",
        background: COLOUR_HEX[colour],
        flex: "none",
      }}
    />
  );
}

/**
 * The SLA light of an event with the time left or overdue ("剩余 2 小时", "超期 3 小时"), updated each
 * minute; a paused clock says so. The tooltip gives the deadline itself.
 */
export function SlaBadge({ event, compact = false }: { event: Clocked; compact?: boolean }) {
  const t = useT();
  const now = useMinuteClock();
  const colour = liveColour(event, now);
  const paused = Boolean(event.paused);
  const left = timeLeft(event.deadline, now);
  // the server's clock decides: a browser running behind it must not show time left on an overdue event
  const text = paused
    ? t("events.sla.paused")
    : event.overdue && left && !left.overdue
      ? t("events.sla.overdueNow")
      : timeLeftText(t, event.deadline, now);
  const tagColour = colour === "red" ? "error" : colour === "yellow" ? "warning" : "success";
  const body = compact ? (
    <Space size={6} data-colour={colour} className="sla-badge">
      <ColourDot colour={colour} />
      <Typography.Text type={colour === "red" ? "danger" : colour === "yellow" ? "warning" : undefined}>
        {text || colourLabel(t, colour)}
      </Typography.Text>
    </Space>
  ) : (
    <Tag color={tagColour} data-colour={colour} className="sla-badge" style={{ marginInlineEnd: 0 }}>
      {colourLabel(t, colour)}
      {text ? ` · ${text}` : ""}
    </Tag>
  );
  return event.deadline ? (
    <Tooltip title={t("events.sla.deadlineAt", { at: formatDateTime(event.deadline) })}>{body}</Tooltip>
  ) : (
    body
  );
}
