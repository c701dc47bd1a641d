import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { Consultation } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import {
  addTask,
  closeConsultation,
  joinConsultation,
  loadConsultation,
  saveMinutes,
  type Party,
} from "../../../components/events/consultation-api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";

type Editing = "minutes" | "task" | null;

/** One consultation: parties (notified, joined), minutes and decisions, tasks, and its own actions. */
export function ConsultationItem({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const c = useRemote(`consultation:${id}`, () => loadConsultation(id));
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [minutesForm] = Form.useForm<{ minutes: string; decisions: { text: string }[] }>();
  const [taskForm] = Form.useForm<{ title: string; assignee: string; dueAt: Dayjs }>();

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      setEditing(null);
      c.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (c.error) return <ErrorAlert error={c.error} onRetry={c.reload} />;
  const v: Consultation | undefined = c.data;
  if (!v) return <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>;
  const partyOf = (key: string): Party => {
    const p = v.participants.find((x) => x.id === key)!;
    return p.userId ? { userId: p.userId } : { departmentId: p.departmentId! };
  };

  return (
    <div
      className="consultation"
      data-testid="consultation"
      style={{ border: "1px solid #f0f0f0", borderRadius: 8, padding: 12 }}
    >
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Space size={6} wrap>
          <Typography.Text strong>{v.title}</Typography.Text>
          <Tag color={v.status === "open" ? "processing" : "default"}>
            {t(v.status === "open" ? "events.consult.statusOpen" : "events.consult.statusClosed")}
          </Tag>
        </Space>
        <Space size={4} wrap>
          {v.can.join ? (
            <Button
              size="small"
              type="primary"
              loading={busy}
              onClick={() => void run(() => joinConsultation(id), t("events.consult.joined"))}
            >
              {t("events.consult.join")}
            </Button>
          ) : null}
          {v.can.edit ? (
            <>
              <Button
                size="small"
                onClick={() => {
                  minutesForm.setFieldsValue({
                    minutes: v.minutes ?? "",
                    decisions: v.decisions.length ? v.decisions : [{ text: "" }],
                  });
                  setEditing("minutes");
                }}
              >
                {t("events.consult.editMinutes")}
              </Button>
              <Button size="small" onClick={() => setEditing("task")}>
                {t("events.consult.addTask")}
              </Button>
            </>
          ) : null}
          {v.can.close ? (
            <Button
              size="small"
              danger
              loading={busy}
              onClick={() => void run(() => closeConsultation(id), t("events.consult.closedDone"))}
            >
              {t("events.consult.close")}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          {
            key: "convened",
            label: t("events.consult.convenedBy"),
            children: `${v.convenedBy.name ?? t("common.none")} · ${formatDateTime(v.convenedAt)}`,
          },
          ...(v.agenda ? [{ key: "agenda", label: t("events.consult.agenda"), children: v.agenda }] : []),
          {
            key: "parties",
            label: t("events.consult.parties"),
            children: (
              <Space size={4} wrap>
                {v.participants.map((p) => (
                  <Tag
                    key={p.id}
                    color={p.joinedAt ? "green" : undefined}
                    title={
                      p.notifiedAt
                        ? t("events.consult.notifiedAt", { at: formatDateTime(p.notifiedAt) })
                        : undefined
                    }
                  >
                    {p.name ?? t("common.none")}
                    {p.joinedAt ? ` · ${t("events.consult.present")}` : ""}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(v.minutes
            ? [
                {
                  key: "minutes",
                  label: t("events.consult.minutes"),
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                      {v.minutes}
                    </Typography.Paragraph>
                  ),
                },
              ]
            : []),
          ...(v.decisions.length
            ? [
                {
                  key: "decisions",
                  label: t("events.consult.decisions"),
                  children: (
                    <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                      {v.decisions.map((d, i) => (
                        <li key={i}>{d.text}</li>
                      ))}
                    </ol>
                  ),
                },
              ]
            : []),
        ]}
      />
      {v.tasks.length > 0 ? (
        <List
          size="small"
          header={<Typography.Text strong>{t("events.consult.tasks")}</Typography.Text>}
          dataSource={v.tasks}
          renderItem={(task) => (
            <List.Item key={task.id}>
              <Space size={6} wrap>
                <Tag color={task.status === "done" ? "green" : "blue"}>
                  {t(task.status === "done" ? "events.tasks.done" : "events.tasks.open")}
                </Tag>
                <span>{task.title}</span>
                <Typography.Text type="secondary">
                  {task.assignee.name ?? ""}
                  {task.dueAt ? ` · ${t("events.tasks.due", { at: formatDateTime(task.dueAt) })}` : ""}
                </Typography.Text>
                {task.result ? <Typography.Text>{task.result}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      <Modal
        open={editing === "minutes"}
        title={t("events.consult.editMinutes")}
        onCancel={() => setEditing(null)}
        onOk={() => minutesForm.submit()}
        confirmLoading={busy}
        width={640}
      >
        <Form
          form={minutesForm}
          layout="vertical"
          onFinish={(f) =>
            void run(
              () =>
                saveMinutes(
                  id,
                  f.minutes ?? "",
                  (f.decisions ?? []).filter((d) => d?.text?.trim()),
                ),
              t("common.saved"),
            )
          }
        >
          <Form.Item name="minutes" label={t("events.consult.minutes")}>
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <Form.Item label={t("events.consult.decisions")}>
                <Space orientation="vertical" style={{ width: "100%" }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" style={{ width: "100%" }}>
                      <Form.Item name={[field.name, "text"]} noStyle>
                        <Input style={{ width: 480, maxWidth: "70vw" }} maxLength={2000} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: "" })}>
                    {t("events.consult.addDecision")}
                  </Button>
                </Space>
              </Form.Item>
            )}
          </Form.List>
        </Form>
      </Modal>
      <Modal
        open={editing === "task"}
        title={t("events.consult.addTask")}
        onCancel={() => setEditing(null)}
        onOk={() => taskForm.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={taskForm}
          layout="vertical"
          onFinish={(f) =>
            void run(
              () =>
                addTask(id, {
                  title: f.title.trim(),
                  assignee: partyOf(f.assignee),
                  dueAt: f.dueAt.toDate().toISOString(),
                }),
              t("events.consult.taskAdded"),
            )
          }
        >
          <Form.Item
            name="title"
            label={t("events.consult.taskTitle")}
            rules={[{ required: true, min: 2, message: t("events.form.required") }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="assignee"
            label={t("events.consult.taskAssignee")}
            rules={[{ required: true, message: t("events.form.required") }]}
          >
            <Select options={v.participants.map((p) => ({ value: p.id, label: p.name ?? p.id }))} />
          </Form.Item>
          <Form.Item
            name="dueAt"
            label={t("events.consult.taskDue")}
            rules={[{ required: true, message: t("events.form.required") }]}
          >
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
