import { Image, Space, Timeline, Typography } from "antd";
import type { TimelineEntry } from "../../api/event-types";
import { useT } from "../../i18n/I18nProvider";
import { roleLabel } from "../../i18n/translate";
import { formatDateTime } from "../../lib/time";
import { fileUrl } from "./event-api";
import { actionLabel, handlingLevelLabel, satisfactionLabel, stateLabel } from "./labels";

const COLOURS: Record<string, string> = {
  return: "orange",
  reject_part: "orange",
  escalate: "red",
  supervise: "red",
  cancel: "gray",
  mark_invalid: "gray",
  close: "green",
  evaluate: "green",
  finish_part: "green",
  verify: "green",
};

/** The actor's roles as labels ("dispatcher,leader" → 综治中心受理员、领导); the system shows none. */
function rolesOf(t: ReturnType<typeof useT>, roles: string | null | undefined): string[] {
  if (!roles || roles === "system") return [];
  return [
    roles
      .split(",")
      .map((r) => roleLabel(t, r.trim()))
      .join("、"),
  ];
}

/** The actor's name; timers and automatic steps are the system's. */
function actorName(t: ReturnType<typeof useT>, name: string | null | undefined): string | null {
  if (!name) return null;
  return name === "system" ? t("events.timeline.system") : name;
}

/** Data fields worth showing beside the note, in the order given. */
const SHOWN_FIELDS = ["reason", "result", "comment", "satisfaction", "days", "level", "ok"] as const;

/** The append-only timeline of an event: who did what, when, with notes and photos; oldest first. */
export function EventTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  return (
    <Timeline
      className="event-timeline"
      items={entries.map((e) => ({
        key: String(e.id),
        color: COLOURS[e.action] ?? "blue",
        title: <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>,
        content: (
          <div data-action={e.action}>
            <Space size={6} wrap>
              <Typography.Text strong>{actionLabel(t, e.action)}</Typography.Text>
              {e.toState && e.toState !== e.fromState ? (
                <Typography.Text type="secondary">→ {stateLabel(t, e.toState)}</Typography.Text>
              ) : null}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {[actorName(t, e.actor?.name), ...rolesOf(t, e.actor?.role), e.department]
                  .filter(Boolean)
                  .join(" · ") || t("events.timeline.system")}
              </Typography.Text>
            </div>
            {e.note ? (
              <Typography.Paragraph style={{ margin: "4px 0 0" }}>{e.note}</Typography.Paragraph>
            ) : null}
            <DataLines data={e.data} note={e.note} />
            {e.photos.length > 0 ? (
              <Image.PreviewGroup>
                <Space size={6} wrap style={{ marginTop: 6 }}>
                  {e.photos.map((p) => (
                    <Image key={p} src={fileUrl(p)} width={64} height={64} style={{ objectFit: "cover" }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** The reason, result or rating an action carried, when it is not already the note. */
function DataLines({ data, note }: { data: TimelineEntry["data"]; note: string | null }) {
  const t = useT();
  if (!data) return null;
  const lines: string[] = [];
  for (const field of SHOWN_FIELDS) {
    const v = data[field];
    if (v === undefined || v === null || v === "" || v === note) continue;
    if (field === "ok") lines.push(v ? t("events.verify.passed") : t("events.verify.failed"));
    else if (field === "level" && typeof v === "string")
      lines.push(`${t("events.field.handlingLevel")}：${handlingLevelLabel(t, v)}`);
    else if (field === "satisfaction") lines.push(satisfactionLabel(t, String(v)));
    else if (typeof v === "string" || typeof v === "number")
      lines.push(`${t(`events.field.${field}`)}：${v}`);
  }
  if (lines.length === 0) return null;
  return (
    <div>
      {lines.map((l) => (
        <Typography.Text key={l} style={{ display: "block" }}>
          {l}
        </Typography.Text>
      ))}
    </div>
  );
}
