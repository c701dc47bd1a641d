import { App, Button, Card, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { TaskItem } from "../../api/event-types";
import { useT } from "../../i18n/I18nProvider";
import { useErrorText } from "../../i18n/error-text";
import { formatDateTime, useMinuteClock } from "../../lib/time";
import { timeLeftText } from "../../components/events/SlaBadge";

/** A follow-up task from a consultation: what, by when, for which event; done with a result. */
export function ConsultationTaskCard({ task, onDone }: { task: TaskItem; onDone: () => void }) {
  const t = useT();
  const now = useMinuteClock();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ result: string }>();
  const overdue = task.dueAt ? new Date(task.dueAt).getTime() < now.getTime() : false;

  const finish = async ({ result }: { result: string }) => {
    setBusy(true);
    try {
      await api.post(`/api/tasks/${encodeURIComponent(task.id)}/done`, { result: result.trim() });
      message.success(t("events.tasks.finished"));
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" data-testid="consult-task">
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {task.title}
      </Typography.Paragraph>
      <Space orientation="vertical" size={2}>
        {task.dueAt ? (
          <Typography.Text type={overdue ? "danger" : undefined}>
            {t("events.tasks.due", { at: formatDateTime(task.dueAt) })} · {timeLeftText(t, task.dueAt, now)}
          </Typography.Text>
        ) : null}
        {task.assignee.name ? <Typography.Text type="secondary">{task.assignee.name}</Typography.Text> : null}
        {task.eventId ? (
          <Link to={`/events/${encodeURIComponent(task.eventId)}`}>{t("events.tasks.openEvent")}</Link>
        ) : null}
      </Space>
      <div style={{ marginTop: 10 }}>
        <Button type="primary" onClick={() => setOpen(true)}>
          {t("events.tasks.finish")}
        </Button>
      </div>
      <Modal
        open={open}
        title={t("events.tasks.finish")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
          <Form.Item
            name="result"
            label={t("events.field.result")}
            rules={[{ required: true, whitespace: true, message: t("events.form.required") }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
