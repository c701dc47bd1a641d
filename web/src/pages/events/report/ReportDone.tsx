import { Button, List, Result, Space, Typography } from "antd";
import { Link } from "react-router";
import type { CreatedEvent } from "../../../api/event-types";
import { partUnitName, stateLabel } from "../../../components/events/labels";
import { StateTag } from "../../../components/events/StateTag";
import { useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";

/**
 * After a report: its number, for reporters without an account (or told by the desk) the tracking
 * code and the public progress link; for staff the likely duplicates the server found.
 */
export function ReportDone({
  event,
  showTracking,
  staff,
  onAnother,
}: {
  event: CreatedEvent;
  showTracking: boolean;
  staff: boolean;
  onAnother: () => void;
}) {
  const t = useT();
  const trackPath = event.trackingCode ? `/track/${encodeURIComponent(event.trackingCode)}` : null;
  const items = staff ? event.duplicates : [];
  const units = event.parts.filter((p) => p.state !== "withdrawn").map(partUnitName);
  return (
    <Result
      status="success"
      title={t("events.report.done", { no: event.no })}
      subTitle={
        <Space orientation="vertical" size={4}>
          <span data-testid="report-state">
            {t("events.report.doneState", { state: stateLabel(t, event.state) })}
            {units.length > 0 ? ` · ${t("events.report.doneUnits", { units: units.join("、") })}` : ""}
          </span>
          {event.deadline ? (
            <span>{t("events.report.doneDeadline", { at: formatDateTime(event.deadline) })}</span>
          ) : null}
          {showTracking && trackPath ? (
            <span data-testid="tracking-code">
              {t("events.report.trackingCode")}
              <Typography.Text strong copyable style={{ fontSize: 18, marginInlineStart: 8 }}>
                {event.trackingCode}
              </Typography.Text>
            </span>
          ) : null}
          {showTracking && trackPath ? (
            <Typography.Text type="secondary">
              {t("events.report.trackingHint")}{" "}
              <Link to={trackPath}>{`${window.location.origin}${trackPath}`}</Link>
            </Typography.Text>
          ) : null}
        </Space>
      }
      extra={[
        staff ? (
          <Link key="open" to={`/events/${encodeURIComponent(event.id)}`}>
            <Button type="primary">{t("events.report.openEvent")}</Button>
          </Link>
        ) : trackPath ? (
          <Link key="track" to={trackPath}>
            <Button type="primary">{t("events.report.openTracking")}</Button>
          </Link>
        ) : null,
        <Button key="again" onClick={onAnother}>
          {t("events.report.another")}
        </Button>,
      ]}
    >
      {items.length > 0 ? (
        <div style={{ maxWidth: 640, margin: "0 auto", textAlign: "left" }}>
          <Typography.Title level={5}>
            {t("events.duplicates.title", { count: items.length })}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={items}
            renderItem={(d) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/events/${encodeURIComponent(d.id)}`}>{t("events.no", { no: d.no })}</Link>
                  <span>{d.title}</span>
                  <StateTag state={d.state} />
                </Space>
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("events.duplicates.mergeHint")}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Result>
  );
}
