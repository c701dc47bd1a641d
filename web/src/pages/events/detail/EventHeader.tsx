import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { EventAction, EventDetail } from "../../../api/event-types";
import { ACTION_FORMS, barActions } from "../../../components/events/action-forms";
import {
  actionLabel,
  handlingLevelLabel,
  satisfactionLabel,
  sourceLabel,
  stageLabel,
} from "../../../components/events/labels";
import { SlaBadge } from "../../../components/events/SlaBadge";
import { StateTag, UrgencyTag } from "../../../components/events/StateTag";
import { useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";

/** Actions shown as the primary button: the next step of the loop. */
const PRIMARY = new Set<EventAction>([
  "accept",
  "dispatch",
  "handle_in_grid",
  "feedback",
  "verify",
  "close",
  "evaluate",
]);

/** The event's headline: number, title, state, colour, deadlines, and the buttons of the next steps. */
export function EventHeader({
  event,
  categoryLabel,
  onAction,
}: {
  event: EventDetail;
  categoryLabel: string;
  onAction: (action: EventAction) => void;
}) {
  const t = useT();
  const actions = barActions(event.can);
  const primary = actions.find((a) => PRIMARY.has(a));
  return (
    <Card>
      <Space orientation="vertical" style={{ width: "100%" }} size={12}>
        <Space size={8} wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="event-title">
            {t("events.no", { no: event.no })} · {event.title}
          </Typography.Title>
          <StateTag state={event.state} />
          <UrgencyTag urgency={event.urgency} quiet />
          {event.closedAt ? null : <SlaBadge event={event} />}
          {event.closedInGrid ? <Tag color="green">{t("events.detail.closedInGrid")}</Tag> : null}
          {event.mergedInto ? (
            <Link to={`/events/${encodeURIComponent(event.mergedInto.id)}`}>
              {t("events.detail.mergedInto", { no: event.mergedInto.no })}
            </Link>
          ) : null}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "category", label: t("events.field.category"), children: categoryLabel },
            { key: "source", label: t("events.field.source"), children: sourceLabel(t, event.source) },
            { key: "created", label: t("events.field.createdAt"), children: formatDateTime(event.createdAt) },
            ...(event.slaStage && event.deadline
              ? [
                  {
                    key: "deadline",
                    label: t("events.field.stageDeadline", { stage: stageLabel(t, event.slaStage) }),
                    children: formatDateTime(event.deadline),
                  },
                ]
              : []),
            {
              key: "due",
              label: t("events.field.dueAt"),
              children: event.dueAt ? formatDateTime(event.dueAt) : t("common.none"),
            },
            {
              key: "level",
              label: t("events.field.handlingLevel"),
              children: handlingLevelLabel(t, event.handlingLevel),
            },
            ...(event.closedAt
              ? [
                  {
                    key: "closed",
                    label: t("events.field.closedAt"),
                    children: formatDateTime(event.closedAt),
                  },
                  {
                    key: "onTime",
                    label: t("events.field.closedOnTime"),
                    children:
                      event.closedOnTime === null || event.closedOnTime === undefined
                        ? t("common.none")
                        : t(event.closedOnTime ? "common.yes" : "common.no"),
                  },
                ]
              : []),
            ...(event.satisfaction
              ? [
                  {
                    key: "satisfaction",
                    label: t("events.field.satisfaction"),
                    children: satisfactionLabel(t, event.satisfaction),
                  },
                ]
              : []),
          ]}
        />
        {event.sla.extensionRequest ? (
          <Alert
            type="warning"
            showIcon
            title={t("events.detail.extensionPending", {
              days: event.sla.extensionRequest.days,
              reason: event.sla.extensionRequest.reason,
            })}
          />
        ) : null}
        {actions.length > 0 ? (
          <Space wrap className="event-actions" data-testid="event-actions">
            {actions.map((a) => (
              <Button
                key={a}
                type={a === primary ? "primary" : "default"}
                danger={ACTION_FORMS[a].danger}
                onClick={() => onAction(a)}
                data-action={a}
              >
                {actionLabel(t, a)}
              </Button>
            ))}
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
