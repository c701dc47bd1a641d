import { Alert, Button, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { ActionError } from "../../../components/areas/ActionError";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";

/**
 * Asks why a sensitive value is needed, then shows it in clear for this view only; the server
 * records the reason in the audit trail. `reveal` sends the reason and answers the clear value.
 */
export function RevealModal({
  open,
  title,
  reveal,
  onRevealed,
  onClose,
}: {
  open: boolean;
  title: string;
  reveal: (reason: string) => Promise<string | null>;
  onRevealed?: (value: string | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useAction();
  const [value, setValue] = useState<string | null | undefined>(undefined);

  const submit = async ({ reason }: { reason: string }) => {
    const done = await action.run(() => reveal(reason.trim()));
    if (done) {
      setValue(done.value);
      onRevealed?.(done.value);
    }
  };

  const revealed = value !== undefined;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setValue(undefined);
          action.reset();
        }
      }}
      footer={
        revealed ? (
          <Button type="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              {t("common.cancel")}
            </Button>,
            <Button key="ok" type="primary" loading={action.busy} onClick={() => form.submit()}>
              {t("registry.reveal.submit")}
            </Button>,
          ]
        )
      }
    >
      {revealed ? (
        <div style={{ textAlign: "center", padding: "16px 0" }}>
          {value ? (
            <Typography.Title level={3} copyable className="revealed-value">
              {value}
            </Typography.Title>
          ) : (
            <Typography.Text type="secondary">{t("registry.reveal.empty")}</Typography.Text>
          )}
          <Typography.Paragraph type="secondary">{t("registry.reveal.recorded")}</Typography.Paragraph>
        </div>
      ) : (
        <>
          <Alert type="info" showIcon title={t("registry.reveal.hint")} style={{ marginBottom: 16 }} />
          <ActionError error={action.error} />
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item
              name="reason"
              label={t("registry.reveal.reason")}
              rules={[
                { required: true, whitespace: true, message: t("registry.reveal.reasonRule") },
                { min: 5, max: 200, message: t("registry.reveal.reasonRule") },
              ]}
            >
              <Input.TextArea
                rows={3}
                showCount
                maxLength={200}
                autoFocus
                placeholder={t("registry.reveal.reasonPlaceholder")}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
