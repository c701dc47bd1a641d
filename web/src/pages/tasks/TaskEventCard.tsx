import { Button, Card, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { EventAction, EventPart, EventSummary } from "../../api/event-types";
import { useRemote } from "../../api/use-remote";
import { ACTION_FORMS, partActions } from "../../components/events/action-forms";
import { ActionModal, type ActionTarget } from "../../components/events/ActionModal";
import { eventUrl, loadEvent } from "../../components/events/event-api";
import { actionLabel, partUnitName } from "../../components/events/labels";
import { SlaBadge } from "../../components/events/SlaBadge";
import { StateTag, UrgencyTag } from "../../components/events/StateTag";
import { useT } from "../../i18n/I18nProvider";

/** The event-level steps a handler or grid worker takes from the task list. */
const FIELD_ACTIONS: readonly EventAction[] = [
  "handle_in_grid",
  "feedback",
  "verify",
  "request_extension",
  "return",
];

/**
 * One event in the task list: headline, time left, description, and the buttons of the user's own
 * steps (sign for and finish their unit's part, handle in the grid, give feedback, verify), each
 * opening its small form. Loads the event's detail for its parts and what the user may do.
 */
export function TaskEventCard({ summary, onChanged }: { summary: EventSummary; onChanged: () => void }) {
  const t = useT();
  const detail = useRemote(`${eventUrl(summary.id)}:${summary.version}`, () => loadEvent(summary.id));
  const [target, setTarget] = useState<ActionTarget | null>(null);
  const e = detail.data;
  const buttons: { action: EventAction; part?: EventPart }[] = [];
  if (e) {
    for (const p of e.parts) for (const a of partActions(p)) buttons.push({ action: a, part: p });
    const hasPart = buttons.length > 0;
    // with a part of their own, "send the part back" is the user's way out; the event-level return is for the desk
    for (const a of FIELD_ACTIONS) if (e.can[a] && !(hasPart && a === "return")) buttons.push({ action: a });
  }
  return (
    <Card size="small" className="task-card" data-testid="task-card" data-event-id={summary.id}>
      <Space size={6} wrap>
        <Link to={`/events/${encodeURIComponent(summary.id)}`}>{t("events.no", { no: summary.no })}</Link>
        <StateTag state={summary.state} />
        <UrgencyTag urgency={summary.urgency} quiet />
      </Space>
      <Typography.Paragraph strong style={{ margin: "6px 0 2px" }}>
        {summary.title}
      </Typography.Paragraph>
      <SlaBadge event={summary} compact />
      {e ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: "6px 0 0" }}>
          {e.location.address ? `${e.location.address} · ` : ""}
          {e.description}
        </Typography.Paragraph>
      ) : null}
      {buttons.length > 0 ? (
        <Space wrap style={{ marginTop: 10 }}>
          {buttons.map((b) => (
            <Button
              key={`${b.action}:${b.part?.id ?? ""}`}
              type={
                b.action === "return" || b.action === "reject_part" || b.action === "request_extension"
                  ? "default"
                  : "primary"
              }
              danger={ACTION_FORMS[b.action].danger}
              onClick={() => setTarget({ action: b.action, part: b.part ?? null })}
              data-action={b.action}
            >
              {actionLabel(t, b.action)}
              {b.part && e && e.parts.filter((p) => p.can?.accept || p.can?.finish).length > 1
                ? ` · ${partUnitName(b.part)}`
                : ""}
            </Button>
          ))}
        </Space>
      ) : null}
      {e ? (
        <ActionModal
          event={e}
          target={target}
          onClose={() => setTarget(null)}
          onDone={() => {
            setTarget(null);
            detail.reload();
            onChanged();
          }}
          onStale={() => {
            setTarget(null);
            detail.reload();
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}
