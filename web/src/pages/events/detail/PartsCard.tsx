import { Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import type { EventAction, EventPart } from "../../../api/event-types";
import { partActions } from "../../../components/events/action-forms";
import { actionLabel, partStateLabel, partUnitName } from "../../../components/events/labels";
import { PhotoGallery } from "../../../components/events/PhotoUpload";
import { useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";

const PART_COLOURS: Record<string, string> = {
  pending: "blue",
  accepted: "purple",
  rejected: "orange",
  done: "green",
  withdrawn: "default",
};

/**
 * Joint handling (联动处置): one row per unit with its role, state, result and photos, and the part
 * actions (签收, 办结, 退回) the user may take on it.
 */
export function PartsCard({
  parts,
  onAction,
}: {
  parts: readonly EventPart[];
  onAction: (action: EventAction, part: EventPart) => void;
}) {
  const t = useT();
  const shown = parts.filter((p) => p.state !== "withdrawn");
  const withdrawn = parts.length - shown.length;
  return (
    <Card
      title={t("events.parts.title")}
      size="small"
      extra={
        shown.length > 0 ? (
          <Typography.Text type="secondary">
            {t("events.parts.progress", {
              done: shown.filter((p) => p.state === "done").length,
              total: shown.length,
            })}
          </Typography.Text>
        ) : null
      }
    >
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.parts.none")} />
      ) : (
        <List
          dataSource={shown}
          renderItem={(p) => (
            <List.Item
              key={p.id}
              data-testid="part"
              data-part-state={p.state}
              actions={partActions(p).map((a) => (
                <Button
                  key={a}
                  size="small"
                  type={a === "finish_part" ? "primary" : a === "accept_part" ? "primary" : "default"}
                  danger={a === "reject_part"}
                  onClick={() => onAction(a, p)}
                >
                  {actionLabel(t, a)}
                </Button>
              ))}
            >
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    <span>{partUnitName(p)}</span>
                    <Tag color={p.role === "lead" ? "blue" : undefined}>
                      {t(p.role === "lead" ? "events.role.lead" : "events.role.assist")}
                    </Tag>
                    {!p.required ? <Tag>{t("events.parts.optional")}</Tag> : null}
                    <Tag color={PART_COLOURS[p.state] ?? "default"}>{partStateLabel(t, p.state)}</Tag>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    {p.department && p.assignee ? <span>{p.assignee.name}</span> : null}
                    {p.deadline ? (
                      <span>{t("events.parts.deadline", { at: formatDateTime(p.deadline) })}</span>
                    ) : null}
                    {p.doneAt ? (
                      <span>{t("events.parts.doneAt", { at: formatDateTime(p.doneAt) })}</span>
                    ) : null}
                    {p.result ? (
                      <Typography.Text>{t("events.parts.result", { text: p.result })}</Typography.Text>
                    ) : null}
                    {p.reason ? (
                      <Typography.Text type="warning">
                        {t("events.parts.reason", { text: p.reason })}
                      </Typography.Text>
                    ) : null}
                    {p.photos && p.photos.length > 0 ? <PhotoGallery ids={p.photos} size={56} /> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {withdrawn > 0 ? (
        <Typography.Text type="secondary">
          {t("events.parts.withdrawn", { count: withdrawn })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
