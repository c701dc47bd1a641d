import { App, Button, Card, Empty, List, Popconfirm, Space, Typography } from "antd";
import { Link } from "react-router";
import type { EventDetail } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import {
  actOnEvent,
  isVersionConflict,
  loadDuplicates,
  loadEvent,
} from "../../../components/events/event-api";
import { StateTag } from "../../../components/events/StateTag";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";

/**
 * Likely duplicates of this event, for the dispatcher to merge: this one into another, or another
 * into this one. Every reporter then follows the surviving event.
 */
export function DuplicatesCard({
  event,
  mayMerge,
  onMerged,
}: {
  event: EventDetail;
  mayMerge: boolean;
  onMerged: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const list = useRemote(`duplicates:${event.id}:${event.version}`, () => loadDuplicates(event.id));
  const items = list.data ?? [];

  const merge = async (fromId: string, intoId: string) => {
    try {
      // the version the user saw for this event; a duplicate's own is read just before
      const from = fromId === event.id ? event : await loadEvent(fromId);
      await actOnEvent(from, "merge", { intoId });
      message.success(t("events.duplicates.merged"));
      onMerged();
      list.reload();
    } catch (e) {
      if (isVersionConflict(e)) {
        message.warning(t("events.conflict"));
        onMerged();
        list.reload();
      } else message.error(errorText(e));
    }
  };

  return (
    <Card size="small" title={t("events.duplicates.title", { count: items.length })}>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.duplicates.none")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item
              key={d.id}
              actions={
                mayMerge
                  ? [
                      <Popconfirm
                        key="into"
                        title={t("events.duplicates.mergeIntoConfirm", { no: d.no })}
                        onConfirm={() => merge(event.id, d.id)}
                      >
                        <Button size="small" type="link">
                          {t("events.duplicates.mergeInto")}
                        </Button>
                      </Popconfirm>,
                      <Popconfirm
                        key="here"
                        title={t("events.duplicates.mergeHereConfirm", { no: d.no })}
                        onConfirm={() => merge(d.id, event.id)}
                      >
                        <Button size="small" type="link">
                          {t("events.duplicates.mergeHere")}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Space size={6} wrap>
                  <Link to={`/events/${encodeURIComponent(d.id)}`}>{t("events.no", { no: d.no })}</Link>
                  <span>{d.title}</span>
                  <StateTag state={d.state} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(d.createdAt)}
                  {typeof d.distanceM === "number"
                    ? ` · ${t("events.duplicates.distance", { m: Math.round(d.distanceM) })}`
                    : ""}
                  {` · ${t("events.duplicates.similarity", { pct: Math.round(d.similarity * 100) })}`}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
