import { TeamOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Input, Form, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import type { EventDetail } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { convene, partyOptions, type PartyOption } from "../../../components/events/consultation-api";
import { loadDepartments } from "../../../components/events/event-api";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { ConsultationItem } from "./ConsultationItem";

/**
 * Consultation (会商) on an event: convene several parties at once (each notified the moment it is
 * convened), then minutes, decisions and follow-up tasks with deadlines, and close.
 */
export function ConsultationPanel({
  event,
  ids,
  mayConvene,
  onChanged,
}: {
  event: EventDetail;
  ids: readonly string[];
  mayConvene: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ title: string; agenda?: string; parties: string[] }>();
  const departments = useRemote(mayConvene ? "departments" : null, loadDepartments);
  const options: PartyOption[] = partyOptions(
    event.parts,
    (departments.data ?? []) as { id?: string; name: string }[],
  );

  const submit = async (v: { title: string; agenda?: string; parties: string[] }) => {
    const participants = v.parties.map((p) => options.find((o) => o.value === p)!.party);
    setBusy(true);
    try {
      await convene(event.id, { title: v.title.trim(), agenda: v.agenda?.trim() || undefined, participants });
      message.success(t("events.consult.convened", { count: participants.length }));
      setOpen(false);
      form.resetFields();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("events.consult.title")}
      extra={
        mayConvene ? (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setOpen(true)}>
            {t("events.consult.convene")}
          </Button>
        ) : null
      }
    >
      {ids.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.consult.none")} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }} size={12}>
          {ids.map((id) => (
            <ConsultationItem key={id} id={id} onChanged={onChanged} />
          ))}
        </Space>
      )}
      <Modal
        open={open}
        title={t("events.consult.convene")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("events.consult.conveneOk")}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ title: t("events.consult.defaultTitle", { no: event.no }), parties: [] }}
        >
          <Form.Item
            name="title"
            label={t("events.consult.topic")}
            rules={[{ required: true, min: 2, message: t("events.form.required") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="agenda" label={t("events.consult.agenda")}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="parties"
            label={t("events.consult.parties")}
            rules={[{ required: true, type: "array", min: 1, message: t("events.consult.partiesRequired") }]}
            extra={t("events.consult.partiesHint")}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={options.map(({ value, label }) => ({ value, label }))}
            />
          </Form.Item>
          <Typography.Text type="secondary">{t("events.consult.notifyHint")}</Typography.Text>
        </Form>
      </Modal>
    </Card>
  );
}
