import { HistoryOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";
import type { ConfigKind, ConfigProblem } from "./config-types";
import type { ConfigEditor } from "./use-config-doc";
import { VersionsDrawer } from "./VersionsDrawer";

/**
 * The version line of a settings tab: the version in force with its note, the version history,
 * and, once something is edited, "save as a new version" (with a note) or discard. A refused save
 * lists every problem the server found.
 */
export function SaveBar<K extends ConfigKind>({
  kind,
  editor,
  readOnly = false,
}: {
  kind: K;
  editor: ConfigEditor<K>;
  readOnly?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ note: string }>();
  const doc = editor.doc;
  const problems =
    error instanceof ApiError && Array.isArray(error.details.problems)
      ? (error.details.problems as ConfigProblem[])
      : [];

  const save = async ({ note }: { note: string }) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await editor.save(note.trim());
      message.success(t("events.config.saved", { version: saved.version }));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ marginBottom: 12 }}>
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Text type="secondary">
          {doc
            ? t("events.config.version", {
                version: doc.version,
                at: formatDateTime(doc.createdAt),
                by: doc.createdBy ?? t("events.config.builtIn"),
              })
            : ""}
          {doc?.note ? ` · ${doc.note}` : ""}
        </Typography.Text>
        <Space wrap>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
            {t("events.config.versions")}
          </Button>
          {!readOnly && editor.dirty ? (
            <>
              <Button onClick={editor.discard}>{t("events.config.discard")}</Button>
              <Button type="primary" onClick={() => setOpen(true)} data-testid="config-save">
                {t("events.config.saveVersion")}
              </Button>
            </>
          ) : null}
        </Space>
      </Space>
      {!readOnly && editor.dirty ? (
        <Alert style={{ marginTop: 8 }} type="info" showIcon title={t("events.config.unsaved")} />
      ) : null}
      <Modal
        open={open}
        title={t("events.config.saveVersion")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        width={620}
      >
        {error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={error} />
            {problems.length > 0 ? (
              <ul style={{ marginTop: 8, maxHeight: 200, overflowY: "auto" }}>
                {problems.map((p, i) => (
                  <li key={i}>
                    <Typography.Text code>{p.path}</Typography.Text> {lang === "zh-CN" ? p.zh : p.en}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="note"
            label={t("events.config.note")}
            rules={[{ required: true, whitespace: true, message: t("events.config.noteRequired") }]}
            extra={t("events.config.noteHint")}
          >
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <VersionsDrawer kind={kind} open={history} onClose={() => setHistory(false)} />
    </div>
  );
}
