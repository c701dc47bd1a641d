import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import type { ChangePasswordInput } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { useErrorText } from "../../i18n/error-text";

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const MIN_PASSWORD_LENGTH = 8;

/** `/account/password`: change one's own password (`POST /api/auth/password`, 204). */
export function ChangePasswordPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ currentPassword, newPassword }: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      const body: ChangePasswordInput = { currentPassword, newPassword };
      await api.post<void>("/api/auth/password", body);
      form.resetFields();
      message.success(t("password.changed"));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t("password.required") };

  return (
    <Card title={t("password.title")} style={{ maxWidth: 480 }}>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="currentPassword" label={t("password.current")} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          rules={[required, { min: MIN_PASSWORD_LENGTH, message: t("password.min") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t("password.submit")}
        </Button>
      </Form>
    </Card>
  );
}
