import { EyeOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { EventDetail } from "../../../api/event-types";
import { eventUrl } from "../../../components/events/event-api";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";

/**
 * The reporter as the user may see them (masked for handlers, the phone always masked at first);
 * the desk may show the phone in clear with a reason, which the server audits.
 */
export function ReporterCard({ event }: { event: EventDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [clear, setClear] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const r = event.reporter;

  const reveal = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      setClear(
        await api.post<{ name: string | null; phone: string | null }>(
          eventUrl(event.id, "/reveal-reporter"),
          { reason: reason.trim() },
        ),
      );
      setOpen(false);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("events.detail.reporter")}
      extra={
        event.can.revealReporter && !clear ? (
          <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
            {t("events.detail.reveal")}
          </Button>
        ) : null
      }
    >
      {r?.anonymous ? (
        <Typography.Text>{t("events.detail.anonymous")}</Typography.Text>
      ) : r ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: "name",
              label: t("events.field.reporterName"),
              children: clear?.name ?? r.name ?? t("common.none"),
            },
            {
              key: "phone",
              label: t("events.field.reporterPhone"),
              children: clear?.phone ?? r.phone ?? t("common.none"),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t("events.detail.noReporter")}</Typography.Text>
      )}
      {r?.masked && !clear ? (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
          {t("events.detail.reporterMasked")}
        </Typography.Paragraph>
      ) : null}
      <Modal
        open={open}
        title={t("events.detail.reveal")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("events.detail.revealHint")}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void reveal(v)}>
          <Form.Item
            name="reason"
            label={t("events.detail.revealReason")}
            rules={[
              { required: true, whitespace: true, min: 5, message: t("events.detail.revealReasonRule") },
            ]}
          >
            <Input maxLength={200} placeholder={t("events.detail.revealReasonHint")} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
