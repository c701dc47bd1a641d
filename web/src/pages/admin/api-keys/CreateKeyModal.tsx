import { Alert, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { CreateApiKeyInput, CreatedApiKey } from "../../../api/types";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";

/** Asks for a key's name (and optional owner) and creates it; `onCreated` receives the one-time secret. */
export function CreateKeyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<CreateApiKeyInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: CreateApiKeyInput) => {
    setSaving(true);
    setError(null);
    try {
      const username = values.username?.trim();
      const body: CreateApiKeyInput = {
        name: values.name.trim(),
        ...(username ? { username } : {}),
      };
      onCreated(await api.post<CreatedApiKey>("/api/api-keys", body));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("keys.create")}
      okText={t("common.create")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<CreateApiKeyInput>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t("keys.name")}
          rules={[{ required: true, whitespace: true, message: t("keys.nameRequired") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="username" label={t("keys.username")} extra={t("keys.usernameHint")}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Shows a new key's secret once, with a copy button and the warning that it cannot be shown again. */
export function ShowKeyModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={created !== null}
      title={t("keys.createdTitle")}
      onCancel={onClose}
      onOk={onClose}
      okText={t("common.close")}
      cancelButtonProps={{ style: { display: "none" } }}
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon title={t("keys.onceWarning")} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: created?.key ?? "" }}
        code
        style={{ wordBreak: "break-all", fontSize: 13 }}
        data-testid="new-api-key"
      >
        {created?.key}
      </Typography.Paragraph>
    </Modal>
  );
}
