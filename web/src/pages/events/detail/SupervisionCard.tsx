import { App, Button, Card, Empty, Form, Input, List, Modal, Space, Typography } from "antd";
import { useState } from "react";
import type { Supervision } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { stageLabel } from "../../../components/events/labels";
import {
  closeSupervision,
  listSupervisions,
  openSupervision,
} from "../../../components/events/supervision-api";
import { SupervisionLevel } from "../../../components/events/SupervisionLevel";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";

/** The supervision records (督办) of one event: yellow and red cards from the clock, instructions, close. */
export function SupervisionCard({
  eventId,
  version,
  mayOpen,
  onChanged,
}: {
  eventId: string;
  version: number;
  mayOpen: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const list = useRemote(`supervisions:${eventId}:${version}`, () =>
    listSupervisions({ eventId, pageSize: 50 }),
  );
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState<Supervision | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text: string }>();

  const submit = async ({ text }: { text: string }) => {
    setBusy(true);
    try {
      if (closing) await closeSupervision(closing.id, text?.trim() || undefined);
      else await openSupervision(eventId, text.trim());
      message.success(t(closing ? "events.supervision.closed" : "events.supervision.opened"));
      setOpening(false);
      setClosing(null);
      form.resetFields();
      list.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t("events.supervision.title")}
      extra={
        mayOpen ? (
          <Button size="small" onClick={() => setOpening(true)}>
            {t("events.supervision.open")}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.supervision.none")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              actions={
                s.can.close
                  ? [
                      <Button key="close" type="link" size="small" onClick={() => setClosing(s)}>
                        {t("events.supervision.close")}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Space size={4} wrap>
                  <SupervisionLevel level={s.level} />
                  {s.stage ? (
                    <Typography.Text type="secondary">{stageLabel(t, s.stage)}</Typography.Text>
                  ) : null}
                  <Typography.Text type={s.status === "open" ? "danger" : "secondary"}>
                    {t(
                      s.status === "open"
                        ? "events.supervision.statusOpen"
                        : "events.supervision.statusClosed",
                    )}
                  </Typography.Text>
                </Space>
                <span>{s.reason}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.openedAt)}
                  {s.escalatedTo?.name
                    ? ` · ${t("events.supervision.escalatedTo", { name: s.escalatedTo.name })}`
                    : ""}
                </Typography.Text>
                {s.note ? <Typography.Text type="secondary">{s.note}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={opening || closing !== null}
        title={t(closing ? "events.supervision.close" : "events.supervision.open")}
        onCancel={() => {
          setOpening(false);
          setClosing(null);
        }}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="text"
            label={t(closing ? "events.field.note" : "events.supervision.reason")}
            rules={closing ? [] : [{ required: true, min: 2, message: t("events.form.required") }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
